import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { sessionIdFor } from "../../src/modules/auth/sessions.repository.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { type CliResult, runCli } from "../helpers/cli.ts";
import { TestClient } from "../helpers/client.ts";
import { createEmptyDatabase } from "../helpers/empty-db.ts";
import { makeAccount, makeSessionToken, makeTenant } from "../helpers/factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

const run = (...args: string[]) => runCli(args, runtime);

function assertOk(result: CliResult) {
	assert.equal(result.code, 0, JSON.stringify(result));
	assert.equal(result.stderr, "", "nothing on stderr");
}

/** A failure: a non-zero exit and one line on stderr, without a stack trace. */
function assertFailure(result: CliResult, pattern: RegExp) {
	assert.notEqual(result.code, 0, JSON.stringify(result));
	assert.equal(result.errorLines.length, 1, JSON.stringify(result));
	assert.match(result.errorLines[0] ?? "", pattern);
	assert.doesNotMatch(result.stderr, /\n\s+at /);
}

test("db migrate creates the schema once and then has nothing to do", async () => {
	const empty = await createEmptyDatabase();
	try {
		const first = await runCli(["db", "migrate"], empty);
		assertOk(first);
		assert.match(first.stdout, /^applied: 0001-platform(, \d{4}-[a-z-]+)*$/m);
		assert.match(first.stdout, /^database: /m);
		// The location is printed; a password in DATABASE_URL is not (trust auth ignores it).
		const withPassword = empty.databaseUrl && new URL(empty.databaseUrl);
		if (withPassword) withPassword.password = "s3cret-pw";
		const second = await runCli(["db", "migrate"], {
			dataDir: empty.dataDir,
			databaseUrl: withPassword ? withPassword.toString() : undefined,
		});
		assertOk(second);
		assert.match(second.stdout, /^the database is up to date$/m);
		const location = /^database: (.+)$/m.exec(second.stdout)?.[1] ?? "";
		if (withPassword) {
			assert.doesNotMatch(second.stdout, /s3cret-pw/);
			assert.match(location, /^postgres:\/\/postgres:\*\*\*@/);
		} else {
			assert.equal(location, join(empty.dataDir, "mamori.sqlite"));
		}
		const listed = await runCli(["tenant", "list", "--json"], empty);
		assertOk(listed);
		assert.deepEqual(JSON.parse(listed.stdout), []);
	} finally {
		await empty.cleanup();
	}
});

test("tenant add, then tenant list shows it; a duplicate slug fails with one line", async () => {
	const added = await run("tenant", "add", "--name", "kita-city", "--title", "北市");
	assertOk(added);
	assert.match(
		added.stdout,
		/created tenant kita-city \(北市, pack standard from bundled:standard\)/,
	);

	const listed = await run("tenant", "list", "--json");
	assertOk(listed);
	const tenants = JSON.parse(listed.stdout) as { slug: string; name: string; pack: string }[];
	const kita = tenants.find((t) => t.slug === "kita-city");
	assert.deepEqual(kita && { slug: kita.slug, name: kita.name, pack: kita.pack }, {
		slug: "kita-city",
		name: "北市",
		pack: "standard",
	});
	const text = await run("tenant", "list");
	assert.match(text.stdout, /^kita-city\t北市\tstandard\t/m);

	const tenant = (await findTenantBySlug(runtime.db, "kita-city")) ?? assert.fail("stored");
	const events = await auditEvents(runtime.db, tenant.id);
	assert.deepEqual(
		events.slice(0, 2).map((e) => [e.type, e.actor_label]),
		[
			["tenant.created", "mamori CLI (cli-test)"],
			["policy_pack.installed", "mamori CLI (cli-test)"],
		],
	);
	const agencies = events.filter((e) => e.type === "org_unit.created");
	assert.ok(agencies.length > 0, "the pack's agencies become org units");
	assert.ok(events.every((e) => e.actor_label === "mamori CLI (cli-test)"));

	const duplicate = await run("tenant", "add", "--name", "kita-city");
	assertFailure(duplicate, /kita-city.*already exists/);
	assert.equal(duplicate.stdout, "");
	assert.equal(
		(JSON.parse((await run("tenant", "list", "--json")).stdout) as unknown[]).length,
		tenants.length,
	);
});

test("user add prints a one-time password that logs in", async () => {
	const tenant = await makeTenant(runtime);
	const added = await run(
		"user",
		"add",
		"--tenant",
		tenant.slug,
		"--username",
		"sato.ciso",
		"--display-name",
		"佐藤 CISO",
		"--role",
		"ciso",
	);
	assertOk(added);
	const password = /one-time password \(shown once\): (\S+)$/m.exec(added.stdout)?.[1];
	assert.ok(password, added.stdout);

	const client = new TestClient(createApp(runtime));
	const { response, body } = await client.login(tenant.slug, "sato.ciso", password);
	assert.equal(response.status, 200);
	const session = (body as { session: { stage: string; roles: { role: string }[] } }).session;
	assert.equal(session.stage, "password_change", "a one-time password must be replaced");
	assert.deepEqual(
		session.roles.map((r) => r.role),
		["ciso"],
	);
	const wrong = await new TestClient(createApp(runtime)).login(
		tenant.slug,
		"sato.ciso",
		`${password}x`,
	);
	assert.equal(wrong.response.status, 401);

	const types = (await auditEvents(runtime.db, tenant.id))
		.filter((e) => e.actor_label === "mamori CLI (cli-test)")
		.map((e) => e.type);
	assert.deepEqual(types, ["account.created", "role.assigned"]);

	assertFailure(
		await run("user", "add", "--tenant", tenant.slug, "--username", "sato.ciso"),
		/already taken/,
	);
	assertFailure(
		await run("user", "add", "--tenant", "no-such-town", "--username", "someone"),
		/no tenant "no-such-town"/,
	);
});

test("user reset-mfa removes the authenticator and ends the sessions", async () => {
	const tenant = await makeTenant(runtime);
	const ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const token = await makeSessionToken(runtime, ciso);

	const reset = await run(
		"user",
		"reset-mfa",
		"--tenant",
		tenant.slug,
		"--username",
		ciso.username,
	);
	assertOk(reset);
	assert.match(reset.stdout, new RegExp(`MFA reset for ${ciso.username}`));
	const account = await runtime.db
		.selectFrom("accounts")
		.select(["totp_secret", "totp_enabled_at", "recovery_codes"])
		.where("id", "=", ciso.id)
		.executeTakeFirstOrThrow();
	assert.deepEqual(
		{ ...account },
		{ totp_secret: null, totp_enabled_at: null, recovery_codes: null },
	);
	const session = await runtime.db
		.selectFrom("sessions")
		.select("id")
		.where("id", "=", sessionIdFor(token))
		.executeTakeFirst();
	assert.equal(session, undefined, "the account's session ended");
	const event = (await auditEvents(runtime.db, tenant.id)).at(-1);
	assert.deepEqual(
		[event?.type, event?.actor_label, event?.record_id, event?.payload],
		["account.mfa_reset", "mamori CLI (cli-test)", ciso.id, { sessionsRevoked: 1 }],
	);

	assertFailure(
		await run("user", "reset-mfa", "--tenant", tenant.slug, "--username", "nobody"),
		/no user "nobody"/,
	);
});
