import type { Schemas } from "../api/client.ts";
import type { I18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";

export type Incident = Schemas["Incident"];
export type IncidentSummary = Schemas["IncidentSummary"];
export type IncidentCase = Schemas["IncidentCase"];
export type IncidentOptions = Schemas["IncidentOptions"];
export type ReportableAsset = Schemas["ReportableAsset"];
export type IncidentTask = Schemas["IncidentTask"];
export type IncidentEvidence = Schemas["IncidentEvidence"];
export type Obligation = Incident["obligations"][number];
export type Deadline = NonNullable<Obligation["preliminary"]>;
export type TimelineEntry = Incident["timeline"][number];
export type IncidentState = Incident["state"];
export type DataKind = Incident["dataKinds"][number];
export type Priority = NonNullable<Incident["priority"]>;
export type FilingStage = "preliminary" | "final";
export type Label = { ja: string; en: string };

export const STATES: readonly IncidentState[] = [
	"reported",
	"triaged",
	"contained",
	"recovered",
	"closed",
	"rejected",
];
export const DATA_KINDS: readonly DataKind[] = [
	"personal",
	"sensitive",
	"ordinance_sensitive",
	"my_number",
];
/** The yes/no facts of a case that the legal reporting rules test. */
export const FACTS = [
	"wrongfulIntent",
	"financialDamageRisk",
	"encrypted",
	"publishedOnline",
	"networkSystem",
] as const;
export type Fact = (typeof FACTS)[number];

export const stateKey = (state: string) => `incidents.state.${state}` as MessageKey;
export const priorityKey = (priority: string) => `incidents.priority.${priority}` as MessageKey;
export const dataKindKey = (kind: string) => `incidents.dataKind.${kind}` as MessageKey;
export const factKey = (fact: string) => `incidents.fact.${fact}` as MessageKey;

/** A label of the pack in the reader's language. */
export function localized(text: Label | null | undefined, lang: string): string {
	if (!text) return "";
	return lang === "ja" ? text.ja : text.en;
}

/** A case's state as a badge: done cases quiet, open ones marked. */
export function stateBadge(state: string): string {
	if (state === "closed" || state === "rejected") return "badge badge-muted";
	if (state === "reported") return "badge badge-warn";
	return "badge badge-ok";
}

/** The severity as the pack names it, with its step: 大（3）. */
export function severityText(
	severity: { level: number; label: Label | null } | null,
	i18n: Pick<I18n, "t" | "lang">,
): string {
	if (!severity) return i18n.t("incidents.notTriaged");
	const label = localized(severity.label, i18n.lang) || String(severity.level);
	return i18n.t("incidents.severityOption", { label, level: severity.level });
}

/** A list of codes (`personal,sensitive`) as their labels, joined the reader's way. */
function codesText(codes: unknown, key: (code: string) => MessageKey, t: I18n["t"]): string {
	return String(codes ?? "")
		.split(",")
		.filter((code) => code !== "")
		.map((code) => t(key(code)))
		.join(t("incidents.listSeparator"));
}

/** Why an obligation is or is not required, as a sentence from the catalogue, with its clause. */
export function reasonText(
	reason: Obligation["reasons"][number],
	i18n: Pick<I18n, "t" | "lang" | "label">,
): string {
	const { t, lang, label } = i18n;
	const p = reason.params;
	const values: Record<string, string | number> = { ...p };
	if (reason.code === "data_kind" || reason.code === "data_not_concerned") {
		values.kinds = codesText(p.kinds, dataKindKey, t);
	}
	if (reason.code === "fact") values.fact = t(factKey(String(p.fact)));
	if (reason.code === "exempt") values.facts = codesText(p.facts, factKey, t);
	const text = label("incidents.reason", reason.code, values);
	return reason.clause
		? t("incidents.reason.withClause", { text, clause: localized(reason.clause, lang) })
		: text;
}

/** YYYY-MM-DDTHH:mm in Japan: the value of a `datetime-local` field showing now. */
export function japanNowLocal(now = Date.now()): string {
	return new Date(now + 9 * 3600 * 1000).toISOString().slice(0, 16);
}

/** Today in Japan, YYYY-MM-DD. */
export function japanToday(now = Date.now()): string {
	return japanNowLocal(now).slice(0, 10);
}

/** A `datetime-local` value read as Japan time, as an ISO instant with its offset. */
export function japanInstant(local: string): string {
	const withSeconds = local.length === 16 ? `${local}:00` : local;
	return `${withSeconds}+09:00`;
}

/** The decoded size the server keeps of one evidence file (10 MiB), told before uploading. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** The 原因 / 二次被害 / 本人への対応 / 公表 of the leak report, as recorded at triage. */
export const REPORT_ITEMS = [
	"cause",
	"secondaryDamage",
	"responseToPeople",
	"publicAnnouncement",
] as const;
export type ReportItem = (typeof REPORT_ITEMS)[number];
export const reportItemKey = (item: ReportItem) => `incidents.field.${item}` as MessageKey;

export const casePath = (id: string) => `/incidents/${encodeURIComponent(id)}`;
