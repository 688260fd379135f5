import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { type CloudDesk, mayManage, tenantService } from "./cloud-desk.ts";
import {
	invalidField,
	notApprover,
	notUnitManager,
	staleService,
	stepRefused,
} from "./cloud-problems.ts";
import {
	addMonths,
	type CloudServiceState,
	type CloudServiceStep,
	levelOf,
	rankOf,
	serviceFlags,
	stepAllowed,
	storedFlags,
	strictUnmet,
} from "./cloud-rules.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import { type CloudServiceRow, updateCloudService } from "./cloud-services.repository.ts";

const STATE_AFTER: Partial<Record<CloudServiceStep, CloudServiceState>> = {
	request: "requested",
	start_use: "in_use",
	retire: "retired",
};

function freeMailRefused(desk: CloudDesk, row: CloudServiceRow, path: string) {
	if (row.kind === "free_mail" && desk.scale.freeMail === "prohibited")
		throw invalidField(
			path,
			"cloud_service_free_mail_prohibited",
			"the policy prohibits free mail",
		);
}

async function save(
	tx: Tx,
	desk: CloudDesk,
	row: CloudServiceRow,
	version: number,
	patch: Partial<CloudServiceRow>,
	now: Date,
): Promise<CloudServiceRow> {
	const next = { ...row, ...patch };
	const full = {
		...patch,
		...storedFlags(serviceFlags(desk.scale, next, desk.today)),
		updated_at: now.toISOString(),
	};
	if (!(await updateCloudService(tx, desk.actor.tenantId, row.id, version, full)))
		throw staleService();
	return { ...row, ...full, version: version + 1 };
}

/**
 * A step of the unit keeping the service: ask for approval (from draft, or again after a
 * refusal), start using an approved service, record a review (the next date: given, or the pack's
 * interval from today), retire it.
 *
 * @throws Problem `forbidden` (`cloud_service_not_unit_manager`); `conflict`
 * (`cloud_service_step_not_allowed`, `stale_version`); `validation_failed`
 * (`cloud_service_free_mail_prohibited`)
 */
export async function takeServiceStep(
	tx: Tx,
	desk: CloudDesk,
	id: string,
	step: "request" | "start_use" | "review" | "retire",
	input: { version: number; nextReviewOn?: string | undefined },
	now: Date = new Date(),
): Promise<CloudServiceRow> {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.manage");
	const row = await tenantService(tx, desk, id);
	if (!mayManage(desk, row.org_unit_id)) throw notUnitManager();
	const state = row.state as CloudServiceState;
	if (!stepAllowed(state, step)) throw stepRefused(step, state);
	const context = auditContextOf(desk.actor);
	const record = { recordType: "cloud_service", recordId: row.id };
	if (step === "review") {
		const nextReviewOn = input.nextReviewOn ?? addMonths(desk.today, desk.scale.reviewMonths);
		const saved = await save(
			tx,
			desk,
			row,
			input.version,
			{ last_reviewed_on: desk.today, next_review_on: nextReviewOn, review_warned_for: null },
			now,
		);
		await recordAudit(
			tx,
			context,
			"cloud_service.reviewed",
			{ code: row.code, nextReviewOn },
			record,
		);
		return saved;
	}
	if (step === "request") freeMailRefused(desk, row, "kind");
	const saved = await save(tx, desk, row, input.version, { state: STATE_AFTER[step] }, now);
	if (step === "request")
		await recordAudit(
			tx,
			context,
			"cloud_service.requested",
			{ code: row.code, dataLevel: row.data_level },
			record,
		);
	else if (step === "start_use")
		await recordAudit(tx, context, "cloud_service.put_in_use", { code: row.code }, record);
	else
		await recordAudit(
			tx,
			context,
			"cloud_service.retired",
			{ code: row.code, from: state },
			record,
		);
	return saved;
}

/**
 * The pack's approver (or delegate) approves a requested service up to a class of data, or
 * refuses it with a reason. An approval below the class the service declares, or one allowing
 * the stricter classes to a service that misses their requirements, is refused.
 *
 * @throws Problem `forbidden` (`cloud_service_not_approver`); `validation_failed`
 * (`cloud_service_level_unknown`, `cloud_service_data_above_max`, `cloud_service_strict_unmet`,
 * `cloud_service_refusal_reason_required`, `cloud_service_free_mail_prohibited`); `conflict`
 */
export async function decideCloudService(
	tx: Tx,
	desk: CloudDesk,
	id: string,
	decision: "approve" | "refuse",
	input: { version: number; reason: string; maxLevel?: string | undefined },
	now: Date = new Date(),
): Promise<CloudServiceRow> {
	authorize(desk.actor, cloudServicesPolicy, "cloud_service.decide");
	const row = await tenantService(tx, desk, id);
	const role = desk.decideAs;
	if (role === undefined) throw notApprover();
	const state = row.state as CloudServiceState;
	if (!stepAllowed(state, decision)) throw stepRefused(decision, state);
	const reason = input.reason.trim();
	const at = now.toISOString();
	const decided = {
		decided_by: desk.actor.accountId,
		decided_by_label: desk.actor.label,
		decided_as: role,
		decided_at: at,
	};
	const record = { recordType: "cloud_service", recordId: row.id };
	if (decision === "refuse") {
		if (reason === "")
			throw invalidField("reason", "cloud_service_refusal_reason_required", "a refusal says why");
		const saved = await save(
			tx,
			desk,
			row,
			input.version,
			{ state: "refused", decision_reason: reason, approved_max_level: null, ...decided },
			now,
		);
		await recordAudit(
			tx,
			auditContextOf(desk.actor),
			"cloud_service.refused",
			{ code: row.code, role, reason },
			record,
		);
		return saved;
	}
	freeMailRefused(desk, row, "kind");
	const maxLevel = levelOf(desk.scale, input.maxLevel ?? "");
	if (!maxLevel)
		throw invalidField("maxLevel", "cloud_service_level_unknown", "not a level of the scheme", {
			value: input.maxLevel ?? "",
		});
	if (rankOf(desk.scale, row.data_level) < rankOf(desk.scale, maxLevel))
		throw invalidField(
			"maxLevel",
			"cloud_service_data_above_max",
			"the service holds stricter data",
			{
				value: row.data_level,
				max: maxLevel,
			},
		);
	const unmet = strictUnmet(desk.scale, { ...row, data_level: maxLevel });
	if (unmet.length > 0)
		throw invalidField("maxLevel", "cloud_service_strict_unmet", "stricter requirements unmet", {
			value: maxLevel,
			unmet: unmet.join(", "),
		});
	const saved = await save(
		tx,
		desk,
		row,
		input.version,
		{
			state: "approved",
			approved_max_level: maxLevel,
			decision_reason: reason === "" ? null : reason,
			...decided,
		},
		now,
	);
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"cloud_service.approved",
		{ code: row.code, role, maxLevel, reason: reason === "" ? null : reason },
		record,
	);
	return saved;
}
