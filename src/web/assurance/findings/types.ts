import type { Schemas } from "../../api/client.ts";
import type { MessageKey } from "../../i18n/ja.ts";

export type Finding = Schemas["Finding"];
export type FindingSummary = Schemas["FindingSummary"];
export type FindingOptions = Schemas["FindingOptions"];
export type FindingEvidence = Schemas["FindingEvidence"];

export const FINDING_STATES = [
	"open",
	"action_planned",
	"done",
	"verified",
	"accepted_as_risk",
] as const;
export const FINDING_SEVERITIES = ["major", "moderate", "minor"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_SOURCES = [
	"audit",
	"self_inspection",
	"incident",
	"network_check",
	"manual",
] as const;

/** Evidence files may hold up to 10 MiB (the server's limit, told before sending). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const stateKey = (state: string) => `findings.state.${state}` as MessageKey;
export const severityKey = (severity: string) => `findings.severity.${severity}` as MessageKey;
export const sourceKey = (source: string) => `findings.source.${source}` as MessageKey;

export const findingPath = (id: string) => `/findings/${encodeURIComponent(id)}`;
