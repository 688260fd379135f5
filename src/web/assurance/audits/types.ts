import type { Schemas } from "../../api/client.ts";
import type { MessageKey } from "../../i18n/ja.ts";

export type AuditPlans = Schemas["AuditPlans"];
export type MultiYearPlan = Schemas["AuditPlan"];
export type YearlyPlan = Schemas["YearlyAuditPlan"];
export type Audit = Schemas["Audit"];
export type AuditSummary = Schemas["AuditSummary"];
export type AuditOptions = Schemas["AuditOptions"];
export type Fieldwork = Schemas["AuditFieldwork"];
export type FieldworkItem = NonNullable<Fieldwork["checklist"]>["items"][number];
export type FieldworkUnit = Fieldwork["units"][number];
export type ChecklistChoices = Schemas["AuditChecklistChoices"];

export const FINDING_SEVERITIES = ["major", "moderate", "minor"] as const;
export const resultKey = (result: string) => `audits.result.${result}` as MessageKey;

export const AUDIT_STATES = ["planned", "fieldwork", "reporting", "closed"] as const;
export const AUDIT_KINDS = ["planned", "ad_hoc"] as const;
export const AUDIT_STEPS = ["start_fieldwork", "start_reporting", "close"] as const;
export type AuditStep = (typeof AUDIT_STEPS)[number];

export const stateKey = (state: string) => `audits.state.${state}` as MessageKey;
export const kindKey = (kind: string) => `audits.kind.${kind}` as MessageKey;

export const PLANS_PATH = "/assurance/audit-plans";
export const AUDITS_PATH = "/assurance/audits";
export const auditPath = (id: string) => `${AUDITS_PATH}/${encodeURIComponent(id)}`;

/** The badge of each state: planned quiet, under way amber, closed green. */
export const STATE_BADGE: Record<string, string> = {
	planned: "badge-muted",
	fieldwork: "badge-warn",
	reporting: "badge-warn",
	closed: "badge-ok",
};
