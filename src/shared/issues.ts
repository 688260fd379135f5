import type { ZodError } from "zod";
import { FILE_ISSUE_TEXT, type FileIssueCode } from "./file-issues.ts";
import { NETWORK_ISSUE_CODES, type NetworkIssueCode } from "./network-issues.ts";
import { Problem, type ProblemCode, type ProblemIssue } from "./problem.ts";

/**
 * Why one field of a request is refused by its schema. Every Zod issue becomes one of these
 * (`issuesOfZod`), with the field's name in `params.field`; the web shows catalogue text.
 */
export const VALIDATION_ISSUE_CODES = [
	"required",
	"invalid_type",
	"not_integer",
	"too_short",
	"too_long",
	"too_small",
	"too_big",
	"too_few",
	"too_many",
	"invalid_pattern",
	"invalid_email",
	"invalid_uuid",
	"invalid_date",
	"invalid_format",
	"invalid_choice",
	"unknown_field",
	"invalid",
] as const;

/**
 * Why a use case refuses a request on a rule of its own (a unit that cannot nest, a code that
 * does not match). Each is thrown with its parameters; the web shows catalogue text.
 */
export const RULE_ISSUE_CODES = [
	"already_taken",
	"directory_secret_required",
	"password_incorrect",
	"totp_mismatch",
	"own_account_disable",
	"org_unit_unknown",
	"org_unit_kind_not_allowed",
	"org_unit_needs_parent",
	"org_unit_cycle",
	"org_unit_not_managed",
	"staff_category_unknown",
	"role_needs_unit",
	"role_is_tenant_wide",
	"period_ends_before_start",
	"classification_not_in_scheme",
	"classification_axes",
	"asset_unknown",
	"account_unknown",
	"disposal_method_restorable",
	"disposal_contractor_required",
	"disposal_certificate_required",
	"take_out_mynumber",
	"take_out_prohibited",
	"take_out_encryption_required",
	"take_out_locked_case_required",
	"attachment_unknown",
	"release_as_is_never",
	"attachment_rule_never",
	"versions_of_other_documents",
	"document_not_public",
	"publish_units_required",
	"review_no_yearly_cadence",
	"review_risk_unrated",
	"threat_unknown",
	"threat_rated_twice",
	"risk_rating_off_matrix",
	"risk_acceptance_elsewhere",
	"export_too_many_rows",
	"policy_not_plain_text",
	"policy_binary",
	"policy_text_empty",
	"policy_no_headings",
	"policy_one_heading",
	"policy_too_many_sections",
	"policy_too_deep",
	"pack_file_type",
	"pack_not_utf8",
	"pack_syntax",
	"pack_syntax_at",
] as const;

/**
 * Why a use case refuses a request as a whole rather than one field of it: the record is not in
 * a state that allows the step (`conflict`), the caller may read but not act (`forbidden`), or
 * someone changed it first. Each is thrown by `refusal` with its parameters; the web shows the
 * catalogue text (src/web/i18n/modules/refusals.*.ts), never the English message.
 */
export const REFUSAL_ISSUE_CODES = [
	"stale_version",
	"created_meanwhile",
	"read_only_scope",
	"already_decided",
	"file_too_large",
	"login_step_done",
	"totp_already_enrolled",
	"login_steps_pending",
	"totp_enrolment_not_started",
	"second_factor_not_pending",
	"release_not_approved",
	"release_already_sent",
	"release_category_never",
	"original_not_in_quarantine",
	"release_cannot_sanitize",
	"release_decider_only",
	"release_recipient_only",
	"attachment_delivered_unchanged",
	"original_purged",
	"release_already_requested",
	"roster_passwords_gone",
	"roster_stale",
	"roster_settled",
	"roster_row_invalid",
	"roster_preview_only",
	"asset_not_disposable",
	"disposal_already_open",
	"disposal_closed",
	"import_codes_taken",
	"take_out_decider_only",
	"own_request_decide",
	"asset_not_at_hand",
	"take_out_return_only",
	"take_out_not_out",
	"take_out_not_own_asset",
	"take_out_already_open",
	"no_published_basic_policy",
	"no_basic_policy_document",
	"review_exists",
	"policy_text_too_long",
	"version_status_wrong",
	"version_not_published",
	"version_not_published_to_you",
	"version_not_draft",
	"draft_open",
	"model_revision_stale",
	"risk_closed",
	"instance_admin_grant",
	"instance_admin_account",
	"assignment_ended",
	"own_tenant_admin_revoke",
	"local_password_off",
	"not_in_roster",
	"oidc_state_invalid",
	"oidc_token_invalid",
	"oidc_provider_refused",
] as const;

/**
 * Rule codes whose text lives in a module's own catalogue file (incidents.*.ts, adoption.*.ts)
 * rather than issues.*.ts; listed here so the coverage test and the types know them.
 */
export const MODULE_ISSUE_CODES = [
	"prevention_required",
	"reason_required",
	"unknown_category",
	"severity_out_of_scale",
	"unit_not_found",
	"asset_not_found",
	"unknown_obligation",
	"already_filed",
	"case_not_open",
	"case_rejected",
	"transition_not_allowed",
	"in_future",
	"drafter_may_not_decide",
	"decision_required",
	"nothing_to_acknowledge",
	"due_in_past",
	"task_done",
	"emergency_plan_exists",
	"document_has_no_template",
	"drill_step_not_allowed",
	"drill_unit_unknown",
	"drill_held_in_future",
	"drill_participant_account_or_name",
	"drill_participant_account_headcount",
	"drill_participant_unknown",
	"drill_participant_twice",
	"audit_auditor_member_of_unit",
	"audit_auditor_holds_role_in_unit",
	"audit_plan_years_reversed",
	"audit_plan_span_too_long",
	"audit_plan_unknown",
	"audit_yearly_plan_exists",
	"audit_yearly_plan_outside_span",
	"audit_yearly_plan_required",
	"audit_yearly_plan_unknown",
	"audit_unit_unknown",
	"audit_unit_twice",
	"audit_month_outside_quarter",
	"audit_ad_hoc_reason_required",
	"audit_period_outside_year",
	"audit_step_not_allowed",
	"audit_not_editable",
	"audit_not_lead",
	"audit_not_on_team",
	"audit_fieldwork_hidden",
	"audit_not_in_fieldwork",
	"audit_checklist_missing",
	"audit_checklist_unknown",
	"audit_checklist_in_use",
	"audit_result_scale",
	"audit_finding_needs_no",
	"risk_threat_required",
	"risk_unit_required",
	"checklist_sheet_missing",
	"checklist_info_unknown",
	"checklist_info_repeated",
	"checklist_format_version",
	"checklist_no_items",
	"checklist_number_chars",
	"checklist_number_repeated",
	"checklist_clause_missing",
	"checklist_policy_clause_invalid",
	"checklist_chapter_invalid",
	"checklist_levels_missing",
	"checklist_levels_count",
	"checklist_level_empty",
	"checklist_level_repeated",
	"checklist_levels_unexpected",
	"checklist_flag_invalid",
	"checklist_pack_ref_invalid",
	"checklist_kind_mismatch",
	"checklist_bundled_current",
	"campaign_checklist_kind",
	"campaign_unit_unknown",
	"campaign_due_in_past",
	"campaign_no_respondents",
	"campaign_item_not_assigned",
	"campaign_answer_scale",
	"campaign_submitted",
	"campaign_incomplete",
	"campaign_not_unit_manager",
	"campaign_sign_off_note_required",
	"campaign_unit_signed_off",
	"campaign_closed",
	"campaign_close_reason_required",
	"finding_step_not_allowed",
	"finding_not_yours",
	"finding_verifier_marked_done",
	"finding_evidence_required",
	"finding_risk_required",
	"finding_risk_one_of",
	"finding_already_raised",
	"finding_violation_not_found",
	"finding_unit_unknown",
	"finding_owner_unknown",
	"finding_due_in_past",
	"exception_step_not_allowed",
	"exception_not_approver",
	"exception_not_unit_manager",
	"exception_unit_unknown",
	"exception_asset_unknown",
	"exception_refusal_reason_required",
	"social_media_not_in_policy",
	"social_media_step_not_allowed",
	"social_media_not_approver",
	"social_media_not_unit_manager",
	"social_media_unit_unknown",
	"social_media_staff_unknown",
	"social_media_responsible_not_manager",
	"social_media_procedure_unknown",
	"social_media_refusal_reason_required",
	"social_media_end_reason_required",
	"social_media_review_in_future",
	"secure_area_code_taken",
	"secure_area_staff_unknown",
	"secure_area_not_manager",
	"secure_area_escort_not_permitted",
	"secure_area_person_one_of",
	"secure_area_exit_before_entry",
	"secure_area_already_exited",
	"secure_area_entry_repeated",
	"secure_area_export_too_long",
	"secure_area_time_in_future",
	"secure_area_asset_unknown",
	"secure_area_permit_in_past",
	"api_token_expiry_past",
	"api_token_expiry_too_far",
	"api_token_already_revoked",
	"training_not_unit_manager",
	"training_staff_unknown",
	"training_not_owed",
	"training_already_completed",
	"training_no_quiz",
	"training_answers_mismatch",
	"training_quiz_required",
	"training_due_outside_year",
	"training_not_a_drill",
	"training_is_a_drill",
	"training_attended_in_future",
	"training_year_fixed",
	"training_kind_fixed",
	"cloud_service_step_not_allowed",
	"cloud_service_not_approver",
	"cloud_service_not_unit_manager",
	"cloud_service_code_taken",
	"cloud_service_unit_unknown",
	"cloud_service_level_unknown",
	"cloud_service_data_above_max",
	"cloud_service_strict_unmet",
	"cloud_service_free_mail_prohibited",
	"cloud_service_refusal_reason_required",
	"contract_not_unit_manager",
	"contract_not_approver",
	"contract_ended",
	"contract_code_taken",
	"contract_subcontract_decided",
	"contract_unit_unknown",
	"contract_contractor_unknown",
	"contract_asset_unknown",
	"contract_clause_unknown",
	"contract_refusal_reason_required",
	"webhook_host_not_allowed",
	"webhook_url_not_http",
	"webhook_url_has_credentials",
	"webhook_subscription_removed",
	"import_mapping_not_found",
	"import_mapping_unsupported",
	"import_mapping_no_header",
	"import_mapping_changed",
	"my_number_not_in_policy",
	"my_number_not_in_charge",
	"my_number_staff_unknown",
	"my_number_handler_open",
	"my_number_handler_ended",
	"my_number_asset_unknown",
	"my_number_contract_unknown",
	"my_number_link_exists",
	"my_number_dates_reversed",
] as const;

/** The codes of password refusals (auth/password-rule.ts), shown from the same catalogue. */
export const PASSWORD_ISSUE_CODES = [
	"password_too_short",
	"password_too_long",
	"password_contains_name",
	"password_low_entropy",
	"password_common",
	"password_unchanged",
] as const;

export type ValidationIssueCode = (typeof VALIDATION_ISSUE_CODES)[number];
export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];
export type RefusalIssueCode = (typeof REFUSAL_ISSUE_CODES)[number];

/** Every issue code in the web catalogue's `issue` namespace, for the coverage test. */
export const ISSUE_CODES = [
	...VALIDATION_ISSUE_CODES,
	...RULE_ISSUE_CODES,
	...REFUSAL_ISSUE_CODES,
	...MODULE_ISSUE_CODES,
	...PASSWORD_ISSUE_CODES,
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Any code an issue may carry: the `issue`, `fileIssue` and `networkIssue` namespaces. */
export type AnyIssueCode = IssueCode | FileIssueCode | NetworkIssueCode;

/** Every code an issue may carry: the `issue` namespace above, `fileIssue` and `networkIssue`. */
export const ALL_ISSUE_CODES: readonly AnyIssueCode[] = [
	...ISSUE_CODES,
	...(Object.keys(FILE_ISSUE_TEXT) as FileIssueCode[]),
	...NETWORK_ISSUE_CODES,
];

export type IssueParams = Record<string, string | number>;

/** The field an issue path names: its last segment that is not an array index. */
export function fieldOf(path: readonly PropertyKey[]): string | null {
	for (let i = path.length - 1; i >= 0; i--) {
		const segment = path[i];
		// Numbers are array indexes; "(body)" and "(filter)" name no field of a form.
		if (typeof segment === "string" && !/^\d+$/.test(segment) && !segment.startsWith("(")) {
			return segment;
		}
	}
	return null;
}

/**
 * An issue with a stable code; `field` (the last named path segment) joins the parameters so
 * the catalogue text can name the field by its label.
 *
 * @example
 * ruleIssue("parentId", "org_unit_kind_not_allowed", "not allowed under agency", { kind, parentKind });
 */
export function ruleIssue(
	path: string,
	code: AnyIssueCode,
	message: string,
	params: IssueParams = {},
): ProblemIssue {
	const field = fieldOf(path.split("."));
	return { path, message, code, params: field ? { field, ...params } : params };
}

/**
 * A problem carrying one coded issue: `message` is developer English, people see the catalogue.
 *
 * @example
 * throw ruleProblem("validation_failed", "the code does not match", "code", "totp_mismatch");
 */
export function ruleProblem(
	problemCode: ProblemCode,
	message: string,
	path: string,
	code: AnyIssueCode,
	params: IssueParams = {},
	issueMessage: string = message,
): Problem {
	return new Problem(problemCode, message, {
		issues: [ruleIssue(path, code, issueMessage, params)],
	});
}

/**
 * A refusal of the request as a whole, with its stable reason: `conflict` when the record's state
 * does not allow the step, `forbidden` when the caller may not take it. The English message is
 * for developers and logs; a person reads the catalogue text of `reason`.
 *
 * @example
 * throw refusal("conflict", "take_out_already_open", "the asset already has a take-out request open");
 * throw refusal("conflict", "asset_not_at_hand", `the asset is ${lifecycle}`, { lifecycle });
 */
export function refusal(
	problemCode: ProblemCode,
	reason: IssueCode,
	message: string,
	params: IssueParams = {},
): Problem {
	return new Problem(problemCode, message, {
		issues: [{ path: "", message, code: reason, params }],
	});
}

/** A size in bytes as people read a limit: `10 MB`, `512 KB`. */
export function sizeText(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * `payload_too_large` for a file past its limit, with the limit for the catalogue text.
 *
 * @example
 * throw tooLarge(`the roster is larger than ${max} bytes`, max);
 */
export function tooLarge(message: string, maxBytes: number): Problem {
	return refusal("payload_too_large", "file_too_large", message, { limit: sizeText(maxBytes) });
}

type ZodIssue = ZodError["issues"][number];

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== "object") return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

const FORMAT_CODES: Record<string, ValidationIssueCode> = {
	regex: "invalid_pattern",
	email: "invalid_email",
	uuid: "invalid_uuid",
	guid: "invalid_uuid",
	date: "invalid_date",
	datetime: "invalid_date",
	time: "invalid_date",
};

function sized(
	kind: "small" | "big",
	origin: string,
	limit: number,
): [ValidationIssueCode, IssueParams] {
	const bound = kind === "small" ? "min" : "max";
	if (origin === "string") {
		if (kind === "small" && limit <= 1) return ["required", {}];
		return [kind === "small" ? "too_short" : "too_long", { [bound]: limit }];
	}
	if (origin === "array" || origin === "set" || origin === "map" || origin === "file") {
		return [kind === "small" ? "too_few" : "too_many", { [bound]: limit }];
	}
	return [kind === "small" ? "too_small" : "too_big", { [bound]: limit }];
}

export type CodedIssue = [IssueCode | FileIssueCode, IssueParams];

/** The code and parameters of one Zod issue; `data` is the input, to tell missing from wrong. */
function coded(issue: ZodIssue, data: unknown): CodedIssue {
	switch (issue.code) {
		case "invalid_type":
			if (valueAt(data, issue.path) === undefined) return ["required", {}];
			if (issue.expected === "int") return ["not_integer", {}];
			return ["invalid_type", { expected: issue.expected }];
		case "too_small":
			return sized("small", issue.origin, Number(issue.minimum));
		case "too_big":
			return sized("big", issue.origin, Number(issue.maximum));
		case "invalid_format":
			return [FORMAT_CODES[issue.format] ?? "invalid_format", { format: issue.format }];
		case "invalid_value":
			return ["invalid_choice", { options: issue.values.map(String).join(", ") }];
		case "unrecognized_keys":
			return ["unknown_field", {}];
		case "custom": {
			// A refinement may name its own code: `.refine(fn, { params: { code: "…" } })`.
			const { code: own, ...params } = (issue.params ?? {}) as Record<string, unknown>;
			if (!(ALL_ISSUE_CODES as readonly string[]).includes(String(own))) return ["invalid", {}];
			const kept = Object.entries(params).filter(
				(entry): entry is [string, string | number] =>
					typeof entry[1] === "string" || typeof entry[1] === "number",
			);
			return [own as IssueCode | FileIssueCode, Object.fromEntries(kept)];
		}
		default:
			return ["invalid", {}];
	}
}

/** The stable code and parameters of one Zod issue, for callers that shape issues themselves. */
export function codedZodIssue(issue: ZodIssue, data?: unknown): CodedIssue {
	return coded(issue, data);
}

function withField(path: readonly PropertyKey[], params: IssueParams): IssueParams {
	const field = fieldOf(path);
	const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
	return field ? { field, ...clean } : clean;
}

/**
 * Zod's issues as problem issues: each with a stable code, its parameters and the field it names.
 * Zod's own wording stays in `message`, for developers.
 *
 * @example
 * issuesOfZod(schema.safeParse(body).error, body); // [{ path: "code", code: "too_long", params: { field: "code", max: 20 }, … }]
 */
export function issuesOfZod(error: ZodError, data?: unknown): ProblemIssue[] {
	return error.issues.flatMap((issue): ProblemIssue[] => {
		// Name each unknown field by its own path, not the object that holds it.
		if (issue.code === "unrecognized_keys") {
			return issue.keys.map((key) => {
				const path = [...issue.path, key];
				return {
					path: path.map(String).join("."),
					message: "unknown field",
					code: "unknown_field",
					params: withField(path, {}),
				};
			});
		}
		const [code, params] = coded(issue, data);
		return [
			{
				path: issue.path.map(String).join(".") || "(body)",
				message: issue.message,
				code,
				params: withField(issue.path, params),
			},
		];
	});
}
