import { randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { addGroupMapping, saveSignInSettings } from "../../src/modules/directory/configure.ts";
import { insertGrant, upsertLink } from "../../src/modules/directory/directory.repository.ts";
import { startOidcSignIn } from "../../src/modules/directory/oidc-sign-in.ts";
import { findStaffByNumber } from "../../src/modules/org/staff.repository.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { sendTestEvent, subscribe } from "../../src/modules/webhooks/manage-subscriptions.ts";
import { saveMapping } from "../../src/platform/imports/saved-mappings.ts";
import { configureLdap, openLdapSettings, sharedLdap } from "./directory-world.ts";
import { makeAccount } from "./factories.ts";
import {
	makeAffair,
	makeHandler,
	makeLink,
	makeNotice,
	makeProvision,
	staffOf,
} from "./my-number-world.ts";
import { configureOidc, sharedOidc, testOidcSettings } from "./oidc-world.ts";
import { makeStaff } from "./org-factories.ts";
import { makeCourse } from "./training-world.ts";

/**
 * Rows in the tables of the modules of the second wave (training, 特定個人情報, directory
 * sign-in, webhooks), so that the tenancy walk's "unchanged" covers them too. Made through the
 * modules' use cases where one exists; the rows a sign-in or an import would write (a directory
 * link and its role grant, a quiz attempt, a drill result) through their repositories.
 */
export async function makeLaterModuleFixtures(
	deps: AppDeps,
	tenant: TenantRow,
	unitId: string,
	targetAccountId: string,
	assetId: string,
): Promise<void> {
	const tenantId = tenant.id;
	const staffId = await staffOf(deps, tenantId, targetAccountId, unitId);

	// 特定個人情報: an affair with a handler, a notice, a link and a provision.
	const affair = await makeAffair(deps, tenantId, staffId);
	const handler = await makeHandler(deps, affair, staffId, unitId);
	await makeNotice(deps, affair, handler, targetAccountId);
	await makeLink(deps, affair, "asset", assetId);
	await makeProvision(deps, affair);

	// Directory sign-in: connected to the process's slapd as the directory routes expect (with
	// the test directory's suzuki, E1002, on the roster), a group mapping, and a person of the
	// roster linked to the directory with a role its mapping granted. The linked person is an
	// account of their own: a sync may disable them without touching the walk's accounts.
	const admin = systemActor(tenantId, "route walk");
	if (!(await findStaffByNumber(deps.db, tenantId, "E1002"))) {
		await makeStaff(deps, tenant, unitId, { staffNumber: "E1002" });
	}
	const connectionId = await configureLdap(
		deps,
		tenantId,
		openLdapSettings((await sharedLdap()).url),
	);
	await addGroupMapping(deps, admin, {
		groupKey: "cn=walk,ou=groups,dc=mamori-test,dc=jp",
		role: "auditor",
		orgUnitId: null,
	});
	await saveSignInSettings(deps, admin, "everyone");
	// OpenID Connect: the process's test provider, and a sign-in under way (its state kept).
	await configureOidc(deps, tenantId, testOidcSettings((await sharedOidc()).issuer));
	await startOidcSignIn(deps, { tenant: tenant.slug, ip: null });
	const linked = await makeAccount(deps, tenant);
	await inTransaction(deps.db, async (tx) => {
		const grant = await assignRole(tx, admin, linked.id, {
			role: "auditor",
			orgUnitId: null,
			validTo: null,
		});
		await upsertLink(tx, {
			account_id: linked.id,
			tenant_id: tenantId,
			connection_id: connectionId,
			subject: `uid=${linked.username},ou=people,dc=mamori-test,dc=jp`,
			login_name: linked.username,
			department: null,
			disabled_by_directory: false,
			last_sign_in_at: null,
			last_synced_at: null,
		});
		await insertGrant(tx, {
			role_assignment_id: grant.id,
			tenant_id: tenantId,
			account_id: linked.id,
			connection_id: connectionId,
		});
	});

	// Training: an e-learning course (assignments for the roster), an attempt at its quiz, and a
	// phishing drill with one result.
	const course = await makeCourse(deps, tenantId);
	const drill = await makeCourse(deps, tenantId, {
		kind: "phishing_drill",
		title: "標的型メール訓練",
		quiz: null,
		passMark: null,
	});
	const now = new Date().toISOString();
	await inTransaction(deps.db, async (tx) => {
		await tx
			.insertInto("training_quiz_attempts")
			.values({
				id: randomUUID(),
				tenant_id: tenantId,
				course_id: course.id,
				staff_id: staffId,
				score: 0,
				passed: false,
				answers: "[]",
				created_at: now,
			})
			.execute();
		await tx
			.insertInto("training_drill_results")
			.values({
				id: randomUUID(),
				tenant_id: tenantId,
				course_id: drill.id,
				staff_id: staffId,
				opened: true,
				clicked: false,
				reported: true,
				imported_at: now,
			})
			.execute();
	});

	// Webhooks: a subscription and a test event queued to it (an event and a delivery).
	const desk = {
		actor: {
			...admin,
			roles: [{ role: "tenant_admin" as const, orgUnitId: null }],
		},
		allowList: deps.config.webhookAllowedHosts,
		secrets: deps.secrets,
	};
	await inTransaction(deps.db, async (tx) => {
		const made = await subscribe(tx, desk, {
			url: "http://127.0.0.1:9/hook",
			description: "route walk",
			eventTypes: ["incident.opened"],
		});
		await sendTestEvent(tx, desk, made.row.id);
	});

	// Imports: a column mapping saved for a source of the ledger.
	await inTransaction(deps.db, (tx) =>
		saveMapping(tx, desk.actor, {
			version: 1,
			kind: "assets.ledger",
			source: "route walk",
			headerRows: [1],
			columns: { 番号: "code", 名称: "name" },
			values: {},
		}),
	);
}
