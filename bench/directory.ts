/**
 * Directory sign-in (issue #18), against a private slapd on loopback (scripts/test-ldap.ts)
 * seeded through ldapadd with 3,000 people and 200 groups, and an in-process app on SQLite:
 * - directory sign-in end to end (service bind, search, bind as the person, group search, role
 *   mapping, session), p95 of 200 sign-ins; target under 50 ms. Baseline in the same run: a local
 *   password sign-in (its scrypt hash is the cost);
 * - `syncDirectory` (what `mamori directory sync` runs) of 3,000 people and 200 groups: the first
 *   run links everyone and grants their roles, the second finds nothing to change; target under
 *   10 s.
 *
 * Run alone: `node bench/directory.ts`
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
	groupDn,
	PASSWORD_SUFFIX,
	slapdAvailable,
	startTestLdap,
	type TestGroup,
	type TestPerson,
} from "../scripts/test-ldap.ts";
import { systemActor } from "../src/bootstrap.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { createApp } from "../src/http/app.ts";
import { addGroupMapping } from "../src/modules/directory/configure.ts";
import { syncDirectory } from "../src/modules/directory/sync.ts";
import { TestClient } from "../tests/helpers/client.ts";
import { configureLdap, openLdapSettings } from "../tests/helpers/directory-world.ts";
import { makeAccount, makeTenant, TEST_PASSWORD } from "../tests/helpers/factories.ts";
import { makeOrgUnit } from "../tests/helpers/org-factories.ts";
import { createTestRuntime } from "../tests/helpers/test-db.ts";

const PEOPLE = 3_000;
const GROUPS = 200;
const SIGN_INS = 200;
const ROLES = ["auditor", "committee_member", "csirt", "staff"] as const;

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

const ms = (value: number) => value.toFixed(1);

export async function runDirectoryBench(): Promise<string> {
	if (!slapdAvailable()) return "_slapd / ldap-utils are not installed: nothing measured._";
	const people: TestPerson[] = Array.from({ length: PEOPLE }, (_, i) => ({
		uid: `p${i}`,
		cn: `Person ${i}`,
		displayName: `職員 ${i}`,
		mail: `p${i}@city.test`,
		employeeNumber: `B${String(i).padStart(5, "0")}`,
		departmentNumber: `課${i % 50}`,
	}));
	// Each person in two groups.
	const groups: TestGroup[] = Array.from({ length: GROUPS }, (_, g) => ({
		cn: `g${g}`,
		members: people.filter((_, i) => i % GROUPS === g || (i * 7) % GROUPS === g).map((p) => p.uid),
	}));
	const seedStart = performance.now();
	const ldap = await startTestLdap({ people, groups });
	const seedSeconds = (performance.now() - seedStart) / 1000;
	const runtime = await createTestRuntime({ engine: "sqlite" });
	try {
		const app = createApp(runtime);
		const tenant = await makeTenant(runtime);
		const unit = await makeOrgUnit(runtime, tenant);
		const now = new Date().toISOString();
		await inTransaction(runtime.db, async (tx) => {
			for (let start = 0; start < PEOPLE; start += 250) {
				const slice = people.slice(start, start + 250);
				const accounts = slice.map((p) => ({
					id: randomUUID(),
					tenant_id: tenant.id,
					username: `local-${p.uid}`,
					display_name: p.cn,
					email: null,
					password_hash: "!directory",
					must_change_password: false,
					works_in_mynumber: false,
					totp_secret: null,
					totp_enabled_at: null,
					totp_last_step: null,
					recovery_codes: null,
					disabled_at: null,
					password_changed_at: now,
					created_at: now,
					updated_at: now,
				}));
				await tx.insertInto("accounts").values(accounts).execute();
				await tx
					.insertInto("staff")
					.values(
						slice.map((p, i) => ({
							id: randomUUID(),
							tenant_id: tenant.id,
							account_id: accounts[i]?.id ?? "",
							staff_number: p.employeeNumber,
							category: "regular",
							org_unit_id: unit.id,
							title: null,
							active: true,
							left_at: null,
							created_at: now,
							updated_at: now,
						})),
					)
					.execute();
			}
		});
		await configureLdap(runtime, tenant.id, openLdapSettings(ldap.url));
		const actor = systemActor(tenant.id, "bench");
		for (let g = 0; g < GROUPS; g++) {
			await addGroupMapping(runtime, actor, {
				groupKey: groupDn(`g${g}`),
				role: ROLES[g % ROLES.length] ?? "staff",
				orgUnitId: null,
			});
		}

		// A fresh browser each time, its CSRF token fetched before the clock starts.
		const post = async (path: string, body: unknown) => {
			const client = new TestClient(app);
			await client.refreshCsrf();
			const started = performance.now();
			const response = await client.post(path, body);
			return { status: response.status, elapsed: performance.now() - started };
		};
		const directory: number[] = [];
		for (let i = 0; i < SIGN_INS; i++) {
			const uid = `p${(i * 13) % PEOPLE}`;
			const response = await post("/api/auth/directory/login", {
				tenant: tenant.slug,
				username: uid,
				password: `${uid}${PASSWORD_SUFFIX}`,
			});
			directory.push(response.elapsed);
			if (response.status !== 200) throw new Error(`directory sign-in answered ${response.status}`);
		}
		const local = await makeAccount(runtime, tenant);
		const baseline: number[] = [];
		for (let i = 0; i < 50; i++) {
			const response = await post("/api/auth/login", {
				tenant: tenant.slug,
				username: local.username,
				password: TEST_PASSWORD,
			});
			baseline.push(response.elapsed);
			if (response.status !== 200) throw new Error(`local sign-in answered ${response.status}`);
		}

		const syncTimed = async (dryRun: boolean) => {
			const started = performance.now();
			const result = await syncDirectory(runtime, tenant.slug, { dryRun, actorLabel: "bench" });
			return { seconds: (performance.now() - started) / 1000, changes: result.changes.length };
		};
		const dry = await syncTimed(true);
		const first = await syncTimed(false);
		const second = await syncTimed(false);

		return [
			`${PEOPLE.toLocaleString("en-US")} people and ${GROUPS} groups in slapd (ldapadd: ${seedSeconds.toFixed(1)} s), SQLite, in-process app; ${SIGN_INS} directory sign-ins.`,
			"",
			"| measurement | p50 / time | p95 | target |",
			"| --- | --- | --- | --- |",
			`| directory sign-in, end to end | ${ms(directory.sort((a, b) => a - b)[Math.floor(SIGN_INS / 2)] ?? 0)} ms | ${ms(p95(directory))} ms | p95 < 50 ms |`,
			`| baseline: local password sign-in | ${ms(baseline.sort((a, b) => a - b)[25] ?? 0)} ms | ${ms(p95(baseline))} ms | — |`,
			`| sync, dry run (${dry.changes} accounts would change) | ${dry.seconds.toFixed(2)} s | | < 10 s |`,
			`| sync, first (${first.changes} accounts changed) | ${first.seconds.toFixed(2)} s | | < 10 s |`,
			`| sync, nothing to change (${second.changes}) | ${second.seconds.toFixed(2)} s | | < 10 s |`,
		].join("\n");
	} finally {
		await runtime.cleanup();
		await ldap.stop();
	}
}

if (import.meta.main) console.log(await runDirectoryBench());
