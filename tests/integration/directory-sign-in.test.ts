import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { groupDn, PASSWORD_SUFFIX, personDn } from "../../scripts/test-ldap.ts";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { currentTotp, newTotpSecret } from "../../src/modules/auth/totp.ts";
import { saveSignInSettings, testDirectory } from "../../src/modules/directory/configure.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import {
	configureLdap,
	type DirectoryWorld,
	LDAP_SKIP,
	makeDirectoryWorld,
	openLdapSettings,
	rolesNow,
	sharedLdap,
	stopSharedLdap,
} from "../helpers/directory-world.ts";
import { makeAccount, TEST_PASSWORD } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Directory sign-in against a real slapd on loopback (scripts/test-ldap.ts): the bind as the
 * person, the roster link by employee number, roles from groups, MFA after the bind, and every
 * refusal of issue #18 point 6 (directory down, filter injection, wrong password, disabled
 * person, throttling) — on whichever engine DATABASE_URL names.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let url: string;
let world: DirectoryWorld;
before(async () => {
	if (LDAP_SKIP) return;
	runtime = await createTestRuntime();
	app = createApp(runtime);
	url = (await sharedLdap()).url;
	world = await makeDirectoryWorld(runtime, url);
});
after(async () => {
	await stopSharedLdap();
	await runtime?.cleanup();
});

function directoryLogin(client: TestClient, tenant: string, username: string, password: string) {
	return client.post("/api/auth/directory/login", { tenant, username, password });
}

const password = (uid: string) => `${uid}${PASSWORD_SUFFIX}`;

describe("directory sign-in", { skip: LDAP_SKIP }, () => {
	test("a person of a mapped group signs in and holds the group's role in its unit", async () => {
		const client = new TestClient(app);
		const response = await directoryLogin(client, world.tenant.slug, "suzuki", password("suzuki"));
		assert.equal(response.status, 200);
		const body = (await response.json()) as {
			session: { stage: string; account: { id: string; displayName: string } };
		};
		assert.equal(body.session.account.id, world.suzuki.id, "linked by employee number");
		assert.equal(body.session.account.displayName, "鈴木 一郎", "display name from the directory");
		// A security role without TOTP: enrolment comes next, as for a local login.
		assert.equal(body.session.stage, "mfa_enroll");
		assert.deepEqual(await rolesNow(runtime, world.tenant.id, world.suzuki.id), [
			`section_manager@${world.unitId}`,
		]);
		const events = (await auditEvents(runtime.db, world.tenant.id)).map((e) => e.type);
		assert.ok(events.includes("directory.role_granted"));
		assert.ok(events.includes("directory.account_linked"));
	});

	test("an LDAP bind is one factor: a CISO with TOTP is asked for it, then is active", async () => {
		const secret = newTotpSecret();
		await inTransaction(runtime.db, (tx) =>
			updateAccount(tx, world.tenant.id, world.tanaka.id, {
				totp_secret: runtime.secrets.seal(secret),
				totp_enabled_at: new Date().toISOString(),
			}),
		);
		const client = new TestClient(app);
		const response = await directoryLogin(client, world.tenant.slug, "tanaka", password("tanaka"));
		assert.equal(response.status, 200);
		const body = (await response.json()) as { csrfToken: string; session: { stage: string } };
		assert.equal(body.session.stage, "mfa_verify");
		client.csrfToken = body.csrfToken;
		const verified = await client.post("/api/auth/mfa/verify", { code: currentTotp(secret) });
		assert.equal(verified.status, 200);
		assert.equal(((await verified.json()) as { stage: string }).stage, "active");
		assert.deepEqual(await rolesNow(runtime, world.tenant.id, world.tanaka.id), ["ciso@"]);
	});

	test("a wrong password is refused like an unknown name, and logged", async () => {
		const client = new TestClient(app);
		await expectProblem(
			await directoryLogin(client, world.tenant.slug, "suzuki", "wrong"),
			401,
			"invalid_credentials",
		);
		await expectProblem(
			await directoryLogin(client, world.tenant.slug, "nobody", "wrong"),
			401,
			"invalid_credentials",
		);
		const failed = (await auditEvents(runtime.db, world.tenant.id)).filter(
			(e) => e.type === "auth.login_failed",
		);
		assert.ok(
			failed.some((e) => e.payload.username === "suzuki" && e.payload.reason === "bad_credentials"),
		);
	});

	test("a person disabled in the directory is refused with their correct password", async () => {
		const client = new TestClient(app);
		await expectProblem(
			await directoryLogin(client, world.tenant.slug, "sato", password("sato")),
			401,
			"invalid_credentials",
		);
	});

	test("filter injection in the user name matches nobody", async () => {
		const client = new TestClient(app);
		for (const hostile of [
			"*",
			"t*",
			"*)(uid=*",
			"tanaka)(uid=*",
			"tanaka)(|(uid=*",
			"\\",
			"*)(objectClass=*",
		]) {
			for (const pw of [password("tanaka"), "*"]) {
				await expectProblem(
					await directoryLogin(client, world.tenant.slug, hostile, pw),
					401,
					"invalid_credentials",
				);
			}
		}
		// A NUL (or any control character) is refused before the directory is asked.
		for (const hostile of ["tanaka\0", "\0", "\0*"]) {
			await expectProblem(
				await directoryLogin(client, world.tenant.slug, hostile, password("tanaka")),
				400,
				"validation_failed",
			);
		}
		// The test look-up escapes the same way: a wildcard finds no one.
		const lookUp = await testDirectory(runtime, systemActor(world.tenant.id, "test"), "*");
		assert.equal(lookUp.found, false);
	});

	test("throttling applies to directory sign-in: the fifth failure locks, even the right password", async () => {
		const client = new TestClient(app);
		for (let i = 1; i <= 4; i++) {
			await expectProblem(
				await directoryLogin(client, world.tenant.slug, "throttled-name", `bad ${i}`),
				401,
				"invalid_credentials",
			);
		}
		await expectProblem(
			await directoryLogin(client, world.tenant.slug, "throttled-name", "bad 5"),
			429,
			"login_throttled",
		);
		const other = await makeDirectoryWorld(runtime, url);
		for (let i = 1; i <= 5; i++)
			await directoryLogin(client, other.tenant.slug, "suzuki", `bad ${i}`);
		await expectProblem(
			await directoryLogin(client, other.tenant.slug, "suzuki", password("suzuki")),
			429,
			"login_throttled",
		);
	});

	test("the test look-up shows the DN, attributes, groups and roles, never a password", async () => {
		const result = await testDirectory(runtime, systemActor(world.tenant.id, "test"), "tanaka");
		assert.equal(result.found, true);
		assert.equal(result.dn, personDn("tanaka"));
		assert.equal(result.attributes.employeeNumber, "E1001");
		assert.equal(result.attributes.department, "情報政策課");
		assert.ok(result.groups.includes(groupDn("mamori-ciso").toLowerCase()));
		assert.deepEqual(result.roles, [{ role: "ciso", orgUnitId: null }]);
		assert.equal(JSON.stringify(result).includes(PASSWORD_SUFFIX), false);
	});

	test("a local password still works, until the tenant keeps it for break-glass administrators", async () => {
		const admin = await makeAccount(runtime, world.tenant, { roles: ["tenant_admin"] });
		const staff = await makeAccount(runtime, world.tenant);
		assert.equal(
			(await new TestClient(app).login(world.tenant.slug, staff.username, TEST_PASSWORD)).response
				.status,
			200,
		);
		await saveSignInSettings(runtime, systemActor(world.tenant.id, "test"), "break_glass_only");
		const refused = await new TestClient(app).post("/api/auth/login", {
			tenant: world.tenant.slug,
			username: staff.username,
			password: TEST_PASSWORD,
		});
		const problem = await expectProblem(refused, 403, "forbidden");
		assert.equal(problem.issues?.[0]?.code, "local_password_off");
		const breakGlass = await new TestClient(app).login(
			world.tenant.slug,
			admin.username,
			TEST_PASSWORD,
		);
		assert.equal(breakGlass.response.status, 200);
		const options = await new TestClient(app).get(
			`/api/auth/sign-in-options?tenant=${world.tenant.slug}`,
		);
		assert.deepEqual(await options.json(), {
			directory: "ldap",
			oidc: false,
			localPassword: false,
		});
		await saveSignInSettings(runtime, systemActor(world.tenant.id, "test"), "everyone");
	});
});

describe("a directory that is down or refuses TLS", { skip: LDAP_SKIP }, () => {
	let silent: Server;
	let silentPort = 0;
	const sockets = new Set<Socket>();
	before(async () => {
		// Accepts the connection and never answers: only the operation timeout ends the wait.
		silent = createServer((socket) => {
			sockets.add(socket);
			socket.on("close", () => sockets.delete(socket));
		});
		await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", () => resolve()));
		const address = silent.address();
		silentPort = typeof address === "object" && address ? address.port : 0;
	});
	after(async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => silent.close(() => resolve()));
	});

	async function worldAt(settingsUrl: string, extra = {}) {
		return makeDirectoryWorld(runtime, settingsUrl, { timeoutMs: 300, ...extra });
	}

	test("nothing listening: directory_unavailable, no local fallback, logged", async () => {
		const closed = await worldAt("ldap://127.0.0.1:1");
		const client = new TestClient(app);
		await expectProblem(
			await directoryLogin(client, closed.tenant.slug, "suzuki", password("suzuki")),
			503,
			"directory_unavailable",
		);
		// The local password of the same person is not tried in its place.
		await expectProblem(
			await directoryLogin(client, closed.tenant.slug, "suzuki", TEST_PASSWORD),
			503,
			"directory_unavailable",
		);
		const failed = (await auditEvents(runtime.db, closed.tenant.id)).filter(
			(e) => e.type === "auth.login_failed",
		);
		assert.ok(failed.some((e) => e.payload.reason === "directory_unavailable"));
	});

	test("a server that never answers: the bounded timeout answers directory_unavailable", async () => {
		const hung = await worldAt(`ldap://127.0.0.1:${silentPort}`);
		await expectProblem(
			await directoryLogin(new TestClient(app), hung.tenant.slug, "suzuki", password("suzuki")),
			503,
			"directory_unavailable",
		);
	});

	test("a wrong service password: directory_unavailable (nobody can sign in), not a person's refusal", async () => {
		const misconfigured = await worldAt(url);
		await configureLdap(
			runtime,
			misconfigured.tenant.id,
			openLdapSettings(url),
			"not the service password",
		);
		await expectProblem(
			await directoryLogin(
				new TestClient(app),
				misconfigured.tenant.slug,
				"suzuki",
				password("suzuki"),
			),
			503,
			"directory_unavailable",
		);
	});

	test("StartTLS and ldaps:// with the configured CA sign in; without the CA they refuse", async () => {
		const ldap = await sharedLdap();
		assert.ok(ldap.caPem && ldap.ldapsUrl);
		const startTls = await worldAt(ldap.url, { startTls: true, caCertificate: ldap.caPem });
		assert.equal(
			(
				await directoryLogin(
					new TestClient(app),
					startTls.tenant.slug,
					"suzuki",
					password("suzuki"),
				)
			).status,
			200,
		);
		const ldaps = await worldAt(ldap.ldapsUrl, { caCertificate: ldap.caPem });
		assert.equal(
			(await directoryLogin(new TestClient(app), ldaps.tenant.slug, "suzuki", password("suzuki")))
				.status,
			200,
		);
		const untrusted = await worldAt(ldap.url, { startTls: true, caCertificate: null });
		await expectProblem(
			await directoryLogin(
				new TestClient(app),
				untrusted.tenant.slug,
				"suzuki",
				password("suzuki"),
			),
			503,
			"directory_unavailable",
		);
	});
});
