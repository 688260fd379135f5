import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { endRoleAssignment } from "../../accounts/accounts.repository.ts";
import { assignRole } from "../../accounts/assign-role.ts";
import { createAccount } from "../../accounts/create-account.ts";
import { updateAccountDetails } from "../../accounts/update-account.ts";
import { auditContextOf, recordAudit } from "../../audit/record-audit.ts";
import type { SecretBox } from "../../auth/secret-box.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { orgPolicy } from "../org.policy.ts";
import {
	findStaff,
	insertStaff,
	type StaffRow,
	staffSnapshot,
	updateStaff,
} from "../staff.repository.ts";
import {
	claimRosterImport,
	findRosterImport,
	loadRosterState,
	stateHash,
} from "./roster.repository.ts";
import { type RosterPlan, rosterPlanSchema } from "./roster.schemas.ts";

export interface IssuedPassword {
	staffNumber: string;
	username: string;
	displayName: string;
	oneTimePassword: string;
}

async function endAssignment(tx: Tx, actor: Actor, assignmentId: string, at: string) {
	const found = await tx
		.selectFrom("role_assignments")
		.selectAll()
		.where("tenant_id", "=", actor.tenantId)
		.where("id", "=", assignmentId)
		.executeTakeFirstOrThrow();
	await endRoleAssignment(tx, actor.tenantId, assignmentId, at);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"role.revoked",
		{
			assignmentId,
			accountId: found.account_id,
			role: found.role,
			orgUnitId: found.org_unit_id,
			validFrom: found.valid_from,
			validTo: at,
		},
		{ recordType: "account", recordId: found.account_id },
	);
}

async function changeStaff(tx: Tx, actor: Actor, staffId: string, patch: Partial<StaffRow>) {
	const before = await findStaff(tx, actor.tenantId, staffId);
	if (!before) throw new Problem("conflict", "a staff member of the preview no longer exists");
	const after: StaffRow = { ...before, ...patch, updated_at: new Date().toISOString() };
	await updateStaff(tx, actor.tenantId, staffId, { ...patch, updated_at: after.updated_at });
	await recordAudit(
		tx,
		auditContextOf(actor),
		"staff.updated",
		{ before: staffSnapshot(before), after: staffSnapshot(after) },
		{ recordType: "staff", recordId: staffId },
	);
}

async function carryOut(tx: Tx, actor: Actor, plan: RosterPlan, now: string) {
	const issued: IssuedPassword[] = [];
	for (const person of plan.newStaff) {
		const created = person.accountId
			? null
			: await createAccount(tx, actor, {
					username: person.username,
					displayName: person.displayName,
					email: person.email,
					worksInMynumber: person.worksInMynumber,
				});
		const accountId = person.accountId ?? created?.account.id ?? "";
		const staff: StaffRow = {
			id: randomUUID(),
			tenant_id: actor.tenantId,
			account_id: accountId,
			staff_number: person.staffNumber,
			category: person.category,
			org_unit_id: person.unitId,
			title: person.title,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		};
		await insertStaff(tx, staff);
		await recordAudit(
			tx,
			auditContextOf(actor),
			"staff.created",
			{ after: staffSnapshot(staff) },
			{ recordType: "staff", recordId: staff.id },
		);
		for (const target of person.roles) {
			await assignRole(tx, actor, accountId, {
				role: target.role,
				orgUnitId: target.unitId,
				validFrom: person.effectiveAt,
				validTo: null,
			});
		}
		if (created) {
			issued.push({
				staffNumber: person.staffNumber,
				username: person.username,
				displayName: person.displayName,
				oneTimePassword: created.oneTimePassword,
			});
		}
	}
	for (const person of plan.returning) {
		await updateAccountDetails(tx, actor, person.accountId, { disabled: false });
		await changeStaff(tx, actor, person.staffId, { active: true, left_at: null });
	}
	const staffPatches = new Map<string, Partial<StaffRow>>();
	const accountPatches = new Map<
		string,
		{ displayName?: string; email?: string | null; worksInMynumber?: boolean }
	>();
	for (const move of plan.moves) {
		staffPatches.set(move.staffId, {
			...staffPatches.get(move.staffId),
			org_unit_id: move.toUnitId,
		});
	}
	for (const update of plan.updates) {
		const staff = staffPatches.get(update.staffId) ?? {};
		const account = accountPatches.get(update.accountId) ?? {};
		if (update.field === "category") staff.category = update.after ?? "";
		else if (update.field === "title") staff.title = update.after;
		else if (update.field === "displayName") account.displayName = update.after ?? "";
		else if (update.field === "email") account.email = update.after;
		else account.worksInMynumber = update.after === "true";
		staffPatches.set(update.staffId, staff);
		accountPatches.set(update.accountId, account);
	}
	for (const [staffId, patch] of staffPatches) {
		if (Object.keys(patch).length > 0) await changeStaff(tx, actor, staffId, patch);
	}
	for (const [accountId, patch] of accountPatches) {
		if (Object.keys(patch).length > 0) await updateAccountDetails(tx, actor, accountId, patch);
	}
	for (const change of plan.roleChanges) {
		for (const ended of change.end) {
			await endAssignment(tx, actor, ended.assignmentId, change.effectiveAt);
		}
		for (const target of change.start) {
			await assignRole(tx, actor, change.accountId, {
				role: target.role,
				orgUnitId: target.unitId,
				validFrom: change.effectiveAt,
				validTo: null,
			});
		}
	}
	for (const leaver of plan.leavers) {
		for (const assignmentId of leaver.endRoles) await endAssignment(tx, actor, assignmentId, now);
		await updateAccountDetails(tx, actor, leaver.accountId, { disabled: true });
		await changeStaff(tx, actor, leaver.staffId, { active: false, left_at: now });
		await recordAudit(
			tx,
			auditContextOf(actor),
			"staff.left",
			{ staffNumber: leaver.staffNumber, accountId: leaver.accountId },
			{ recordType: "staff", recordId: leaver.staffId },
		);
	}
	return issued;
}

/**
 * Apply a previewed roster in one transaction: exactly the stored plan, refused when any row
 * was invalid or when staff, accounts, roles or units changed since the preview. Returns the
 * one-time passwords of the new accounts; they are also kept sealed for one CSV download.
 */
export async function applyRoster(
	tx: Tx,
	actor: Actor,
	importId: string,
	secrets: SecretBox,
	now: Date = new Date(),
) {
	authorize(actor, orgPolicy, "roster.import");
	const found = await findRosterImport(tx, actor.tenantId, importId);
	if (!found) throw new Problem("not_found", `roster import ${importId} does not exist`);
	if (found.status !== "previewed") {
		throw new Problem("conflict", `this roster import is already ${found.status}`);
	}
	const plan = rosterPlanSchema.parse(JSON.parse(found.plan));
	if (plan.errors.length > 0) {
		throw new Problem(
			"validation_failed",
			"the roster has invalid rows: fix them and upload again",
			{
				issues: plan.errors.map((e) => ({
					path: `row ${e.row}${e.column ? ` ${e.column}` : ""}`,
					message: e.message,
				})),
			},
		);
	}
	const state = await loadRosterState(tx, actor.tenantId, now.toISOString());
	if (stateHash(state) !== found.state_hash) {
		throw new Problem(
			"conflict",
			"staff, accounts, roles or org units changed since this preview: upload the roster again",
		);
	}
	const at = now.toISOString();
	if (
		!(await claimRosterImport(tx, actor.tenantId, importId, "previewed", {
			status: "applied",
			applied_at: at,
		}))
	) {
		throw new Problem("conflict", "this roster import was applied or discarded meanwhile");
	}
	const issued = await carryOut(tx, actor, plan, at);
	await claimRosterImport(tx, actor.tenantId, importId, "applied", {
		passwords: issued.length > 0 ? secrets.seal(JSON.stringify(issued)) : null,
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"roster.applied",
		{ importId, sha256: found.sha256, counts: plan.counts },
		{ recordType: "roster_import", recordId: importId },
	);
	return { row: { ...found, status: "applied", applied_at: at }, plan, issued };
}
