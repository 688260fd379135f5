import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { isUniqueViolation } from "../../src/db/errors.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface AccountView {
	id: string;
	username: string;
	displayName: string;
	disabled: boolean;
	allowedActions: string[];
}

test("a tenant administrator can neither change nor disable an instance administrator", async () => {
	const tenant = await makeTenant(runtime);
	const instanceAdmin = await makeAccount(runtime, tenant, {
		roles: ["instance_admin", "tenant_admin"],
	});
	const tenantAdmin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, app, tenantAdmin);

	await expectProblem(
		await client.patch(`/api/accounts/${instanceAdmin.id}`, { disabled: true }),
		403,
		"forbidden",
	);
	await expectProblem(
		await client.patch(`/api/accounts/${instanceAdmin.id}`, { displayName: "乗っ取り" }),
		403,
		"forbidden",
	);
	const view = await expectJson<AccountView>(await client.get(`/api/accounts/${instanceAdmin.id}`));
	assert.equal(view.disabled, false);
	assert.equal(view.displayName, "テスト 職員");
	for (const action of ["account.update", "account.reset_password", "account.reset_mfa"]) {
		assert.ok(
			!view.allowedActions.includes(action),
			`${action} is not offered on an instance admin`,
		);
	}

	// An instance administrator may, and ordinary accounts stay manageable by the tenant admin.
	const other = await makeAccount(runtime, tenant);
	const otherView = await expectJson<AccountView>(
		await client.patch(`/api/accounts/${other.id}`, { displayName: "変更後" }),
	);
	assert.equal(otherView.displayName, "変更後");
	assert.ok(otherView.allowedActions.includes("account.update"));
	const boss = await activeClient(runtime, app, instanceAdmin);
	const bossView = await expectJson<AccountView>(
		await boss.patch(`/api/accounts/${tenantAdmin.id}`, { displayName: "管理者2" }),
	);
	assert.equal(bossView.displayName, "管理者2");
});

test("account search takes % and _ literally and ignores case, on both engines", async () => {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	await makeAccount(runtime, tenant, { username: "yamada_t" });
	await makeAccount(runtime, tenant, { username: "yamadaxt" });
	const client = await activeClient(runtime, app, admin);
	const search = async (q: string) =>
		(
			await expectJson<{ items: AccountView[] }>(
				await client.get(`/api/accounts?q=${encodeURIComponent(q)}`),
			)
		).items
			.map((a) => a.username)
			.sort();
	assert.deepEqual(await search("yamada_t"), ["yamada_t"]);
	assert.deepEqual(await search("YAMADA"), ["yamada_t", "yamadaxt"]);
	assert.deepEqual(await search("%"), []);
});

test("a unique-constraint race is recognised on this engine", async () => {
	const tenant = await makeTenant(runtime);
	const duplicate = { ...tenant, id: `${tenant.id}-2` };
	const error = await inTransaction(runtime.db, (tx) =>
		tx.insertInto("tenants").values(duplicate).execute(),
	).then(
		() => null,
		(e: unknown) => e,
	);
	assert.ok(error, "the duplicate slug is refused by the database");
	assert.equal(isUniqueViolation(error), true);
	assert.equal(isUniqueViolation(new Error("something else")), false);
});
