import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { endRoleAssignment } from "../../accounts/accounts.repository.ts";
import { assignRole } from "../../accounts/assign-role.ts";
import { createAccount } from "../../accounts/create-account.ts";
import { updateAccountDetails } from "../../accounts/update-account.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
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
	if (!before)
		throw refusal("conflict", "roster_stale", "a staff member of the preview no longer exists");
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

/** Told how many of the plan's changes have been written so far. */
export type RosterProgress = (written: number) => void;

async function carryOut(
	tx: Tx,
	actor: Actor,
	plan: RosterPlan,
	now: string,
	progress: RosterProgress,
) {
	const issued: IssuedPassword[] = [];
	let written = 0;
	const step = () => progress(++written);
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
		step();
	}
	for (const person of plan.returning) {
		await updateAccountDetails(tx, actor, person.accountId, { disabled: false });
		await changeStaff(tx, actor, person.staffId, { active: true, left_at: null });
		step();
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
		step();
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
		step();
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
		step();
	}
	return issued;
}

/**
 * Whether a preview may be applied now: it exists, is still a preview, has no invalid rows, and
 * staff, accounts, roles and units are as they were when it was computed. Returns it and its
 * plan; throws the `Problem` that says why not. Checked when apply is requested, and again in
 * the apply's own transaction.
 */
export async function applicableRoster(
	db: Queryable,
	actor: Actor,
	importId: string,
	now: Date = new Date(),
) {
	authorize(actor, orgPolicy, "roster.import");
	const found = await findRosterImport(db, actor.tenantId, importId);
	if (!found) throw new Problem("not_found", `roster import ${importId} does not exist`);
	if (found.status !== "previewed") {
		throw refusal("conflict", "roster_settled", `this roster import is already ${found.status}`, {
			rosterStatus: found.status,
		});
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
					code: "roster_row_invalid",
					params: { row: e.row, column: e.column ?? "-" },
				})),
			},
		);
	}
	const state = await loadRosterState(db, actor.tenantId, now.toISOString());
	if (stateHash(state) !== found.state_hash) {
		throw refusal(
			"conflict",
			"roster_stale",
			"staff, accounts, roles or org units changed since this preview: upload the roster again",
		);
	}
	return { found, plan };
}

/**
 * Apply a previewed roster in one transaction: exactly the stored plan, refused when any row
 * was invalid or when staff, accounts, roles or units changed since the preview. Returns the
 * one-time passwords of the new accounts; they are also kept sealed for one CSV download.
 * Runs as an import job (`roster.import.ts`), in the import worker thread.
 */
export async function applyRoster(
	tx: Tx,
	actor: Actor,
	importId: string,
	secrets: SecretBox,
	now: Date = new Date(),
	progress: RosterProgress = () => {},
) {
	const { found, plan } = await applicableRoster(tx, actor, importId, now);
	const at = now.toISOString();
	if (
		!(await claimRosterImport(tx, actor.tenantId, importId, "previewed", {
			status: "applied",
			applied_at: at,
		}))
	) {
		throw refusal(
			"conflict",
			"roster_settled",
			"this roster import was applied or discarded meanwhile",
		);
	}
	const issued = await carryOut(tx, actor, plan, at, progress);
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
