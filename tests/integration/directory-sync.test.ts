import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
	groupDn,
	PASSWORD_SUFFIX,
	personDn,
	startTestLdap,
	type TestLdap,
} from "../../scripts/test-ldap.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createApp } from "../../src/http/app.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { CLI_SECRET_KEY, runCli } from "../helpers/cli.ts";
import { TestClient } from "../helpers/client.ts";
import {
	type DirectoryWorld,
	LDAP_SKIP,
	makeDirectoryWorld,
	rolesNow,
} from "../helpers/directory-world.ts";
import { expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * `mamori directory sync` against a slapd of its own (the test changes the directory): the dry
 * run lists who gains and loses what and changes nothing; the sync ends roles the groups no longer
 * give, disables the accounts of people disabled in the directory and ends their sessions, and
 * enables them again when they come back. The CLI and the app share one instance key here.
 */

let runtime: TestRuntime;
let deps: AppDeps;
let ldap: TestLdap;
let world: DirectoryWorld;
let app: ReturnType<typeof createApp>;
before(async () => {
	if (LDAP_SKIP) return;
	runtime = await createTestRuntime();
	deps = { ...runtime, secrets: new SecretBox(CLI_SECRET_KEY) };
	app = createApp(deps);
	ldap = await startTestLdap();
	world = await makeDirectoryWorld(deps, ldap.url);
});
after(async () => {
	await ldap?.stop();
	await runtime?.cleanup();
});

const signIn = (client: TestClient, uid: string) =>
	client.post("/api/auth/directory/login", {
		tenant: world.tenant.slug,
		username: uid,
		password: `${uid}${PASSWORD_SUFFIX}`,
	});

describe("directory sync", { skip: LDAP_SKIP }, () => {
	test("dry run lists, sync applies, a disabled person's sessions end and sign-in is refused", async () => {
		assert.equal((await signIn(new TestClient(app), "tanaka")).status, 200);
		const suzukiClient = new TestClient(app);
		assert.equal((await signIn(suzukiClient, "suzuki")).status, 200);
		assert.deepEqual(await rolesNow(runtime, world.tenant.id, world.tanaka.id), ["ciso@"]);

		ldap.modify(
			[
				`dn: ${groupDn("mamori-ciso")}`,
				"changetype: modify",
				"replace: member",
				`member: ${personDn("sato")}`,
				"",
				`dn: ${personDn("suzuki")}`,
				"changetype: modify",
				"add: employeeType",
				"employeeType: disabled",
				"",
			].join("\n"),
		);

		const dry = await runCli(
			["directory", "sync", "--tenant", world.tenant.slug, "--dry-run"],
			runtime,
		);
		assert.equal(dry.code, 0, dry.stderr);
		assert.match(dry.stdout, /would change 2 accounts/);
		assert.match(dry.stdout, new RegExp(`${world.tanaka.username}: -ciso`));
		assert.match(dry.stdout, new RegExp(`${world.suzuki.username}: -section_manager@\\S+ DISABLE`));
		assert.deepEqual(
			await rolesNow(runtime, world.tenant.id, world.tanaka.id),
			["ciso@"],
			"dry run changes nothing",
		);

		const applied = await runCli(["directory", "sync", "--tenant", world.tenant.slug], runtime);
		assert.equal(applied.code, 0, applied.stderr);
		assert.deepEqual(await rolesNow(runtime, world.tenant.id, world.tanaka.id), []);
		assert.deepEqual(await rolesNow(runtime, world.tenant.id, world.suzuki.id), []);
		const session = (await (await suzukiClient.get("/api/auth/session")).json()) as {
			session: unknown;
		};
		assert.equal(session.session, null, "suzuki's session ended at the sync");
		await expectProblem(await signIn(new TestClient(app), "suzuki"), 401, "invalid_credentials");
		const types = (await auditEvents(runtime.db, world.tenant.id)).map((e) => e.type);
		for (const type of ["directory.role_ended", "directory.account_disabled", "directory.synced"])
			assert.ok(types.includes(type), type);

		// Back in the directory: the next sync enables the account again.
		ldap.modify(
			[`dn: ${personDn("suzuki")}`, "changetype: modify", "delete: employeeType", ""].join("\n"),
		);
		const again = await runCli(
			["directory", "sync", "--tenant", world.tenant.slug, "--json"],
			runtime,
		);
		assert.equal(again.code, 0, again.stderr);
		const result = JSON.parse(again.stdout) as {
			changes: { accountId: string; account: string | null }[];
		};
		assert.deepEqual(
			result.changes.map((c) => [c.accountId, c.account]),
			[[world.suzuki.id, "enable"]],
		);
		assert.equal((await signIn(new TestClient(app), "suzuki")).status, 200);
	});

	test("`mamori directory test` shows the DN and attributes, never a password", async () => {
		const result = await runCli(
			["directory", "test", "--tenant", world.tenant.slug, "--user", "tanaka"],
			runtime,
		);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, new RegExp(`dn: ${personDn("tanaka")}`));
		assert.match(result.stdout, /employeeNumber: E1001/);
		assert.equal(result.stdout.includes(PASSWORD_SUFFIX), false);
		const missing = await runCli(
			["directory", "test", "--tenant", world.tenant.slug, "--user", "*"],
			runtime,
		);
		assert.equal(missing.code, 1);
		assert.match(missing.stdout, /not found/);
	});
});
