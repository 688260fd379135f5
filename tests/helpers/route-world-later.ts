import { randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { addGroupMapping, saveSignInSettings } from "../../src/modules/directory/configure.ts";
import { insertGrant, upsertLink } from "../../src/modules/directory/directory.repository.ts";
import { sendTestEvent, subscribe } from "../../src/modules/webhooks/manage-subscriptions.ts";
import { configureLdap, openLdapSettings } from "./directory-world.ts";
import {
	makeAffair,
	makeHandler,
	makeLink,
	makeNotice,
	makeProvision,
	staffOf,
} from "./my-number-world.ts";
import { makeCourse } from "./training-world.ts";

/**
 * Rows in the tables of the modules of the second wave (training, 特定個人情報, directory
 * sign-in, webhooks), so that the tenancy walk's "unchanged" covers them too. Made through the
 * modules' use cases where one exists; the rows a sign-in or an import would write (a directory
 * link and its role grant, a quiz attempt, a drill result) through their repositories.
 */
export async function makeLaterModuleFixtures(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	targetAccountId: string,
	assetId: string,
): Promise<void> {
	const staffId = await staffOf(deps, tenantId, targetAccountId, unitId);

	// 特定個人情報: an affair with a handler, a notice, a link and a provision.
	const affair = await makeAffair(deps, tenantId, staffId);
	const handler = await makeHandler(deps, affair, staffId, unitId);
	await makeNotice(deps, affair, handler, targetAccountId);
	await makeLink(deps, affair, "asset", assetId);
	await makeProvision(deps, affair);

	// Directory sign-in: a connection (switched off: nobody signs in through it in the walk), a
	// group mapping, the target linked to it with a role the mapping granted.
	const admin = systemActor(tenantId, "route walk");
	const connectionId = await configureLdap(deps, tenantId, openLdapSettings("ldap://127.0.0.1:9"));
	await inTransaction(deps.db, (tx) =>
		tx
			.updateTable("directory_connections")
			.set({ enabled: false })
			.where("id", "=", connectionId)
			.execute(),
	);
	await addGroupMapping(deps, admin, {
		groupKey: "cn=walk,ou=groups,dc=mamori-test,dc=jp",
		role: "auditor",
		orgUnitId: null,
	});
	await saveSignInSettings(deps, admin, "everyone");
	await inTransaction(deps.db, async (tx) => {
		const grant = await assignRole(tx, admin, targetAccountId, {
			role: "auditor",
			orgUnitId: null,
			validTo: null,
		});
		await upsertLink(tx, {
			account_id: targetAccountId,
			tenant_id: tenantId,
			connection_id: connectionId,
			subject: `uid=walk-${tenantId},ou=people,dc=mamori-test,dc=jp`,
			login_name: `walk-${tenantId}`,
			department: null,
			disabled_by_directory: false,
			last_sign_in_at: null,
			last_synced_at: null,
		});
		await insertGrant(tx, {
			role_assignment_id: grant.id,
			tenant_id: tenantId,
			account_id: targetAccountId,
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
}
