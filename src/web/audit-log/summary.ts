import type { AuditEvent, OrgUnit } from "../api/client.ts";
import type { Dates } from "../i18n/dates.ts";
import type { I18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";

type Data = Record<string, unknown>;

const SNAPSHOT_FIELDS = [
	"username",
	"displayName",
	"email",
	"worksInMynumber",
	"disabled",
] as const;

function text(data: Data, key: string): string {
	const value = data[key];
	return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

function record(data: Data, key: string): Data {
	const value = data[key];
	return typeof value === "object" && value !== null ? (value as Data) : {};
}

function show(value: unknown, i18n: I18n): string {
	if (value === null || value === undefined || value === "") return i18n.t("common.none");
	if (typeof value === "boolean") return i18n.t(value ? "common.yes" : "common.no");
	return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** What changed between two account snapshots, `氏名: 山田 → 山田太郎`. */
function accountChanges(data: Data, i18n: I18n): string {
	const before = record(data, "before");
	const after = record(data, "after");
	const changes = SNAPSHOT_FIELDS.filter((field) => before[field] !== after[field]).map(
		(field) =>
			`${i18n.t(`audit.field.${field}`)}: ${show(before[field], i18n)} → ${show(after[field], i18n)}`,
	);
	return changes.length > 0 ? changes.join("; ") : i18n.t("audit.data.noChange");
}

function roleChange(
	data: Data,
	i18n: I18n,
	units: ReadonlyMap<string, OrgUnit>,
	dates: Dates,
): string {
	const unitId = text(data, "orgUnitId");
	const unit = unitId ? (units.get(unitId)?.name ?? unitId) : "";
	const until = text(data, "validTo");
	return i18n.t("audit.data.role", {
		role: i18n.label("role", text(data, "role")),
		unit: unit ? i18n.t("audit.data.roleUnit", { unit }) : "",
		until: until ? i18n.t("audit.data.roleUntil", { date: dates.date(until) }) : "",
	});
}

function generic(data: Data, i18n: I18n): string {
	return Object.entries(data)
		.map(([key, value]) => `${key}: ${show(value, i18n)}`)
		.join("; ");
}

/**
 * A readable line for an audit event's data, in the current language. Unknown event types
 * fall back to `key: value` pairs, so new events are never hidden.
 */
export function summarize(
	event: AuditEvent,
	i18n: I18n,
	units: ReadonlyMap<string, OrgUnit>,
	dates: Dates,
): string {
	const { t, label } = i18n;
	const data = event.data;
	switch (event.type) {
		case "tenant.created":
			return t("audit.data.tenant", { name: text(data, "name"), slug: text(data, "slug") });
		case "auth.login_succeeded":
			return t("audit.data.method", { method: label("audit.data.method", text(data, "method")) });
		case "auth.login_failed":
			return t("audit.data.failed", {
				username: text(data, "username"),
				reason: label("audit.data.reason", text(data, "reason")),
			});
		case "auth.login_throttled": {
			const until = text(data, "until");
			return t("audit.data.throttled", {
				username: text(data, "username"),
				until: until ? dates.dateTime(until) : "",
			});
		}
		case "auth.logout":
		case "auth.mfa_enrolled":
			return "";
		case "auth.password_changed":
		case "account.password_reset":
		case "account.mfa_reset":
			return t("audit.data.sessionsRevoked", { count: text(data, "sessionsRevoked") });
		case "auth.recovery_code_used":
			return t("audit.data.remaining", { count: text(data, "remaining") });
		case "account.created": {
			const after = record(data, "after");
			return t("audit.data.accountCreated", {
				username: text(after, "username"),
				displayName: text(after, "displayName"),
			});
		}
		case "account.updated":
			return accountChanges(data, i18n);
		case "role.assigned":
		case "role.revoked":
			return roleChange(data, i18n, units, dates);
		case "org_unit.created":
			return t("audit.data.orgUnit", {
				code: text(data, "code"),
				name: text(data, "name"),
				kind: label("org.kind", text(data, "kind")),
			});
		case "audit.checkpointed":
			return t("audit.data.checkpointed", {
				seq: text(data, "seq"),
				hash: text(data, "hash").slice(0, 12),
			});
		case "audit.exported":
		case "finding.exported":
			return t("audit.data.exported", { rows: text(data, "rows") });
		case "assurance_checklist.created":
		case "assurance_checklist.version_added":
			return t("audit.data.checklistVersion", {
				title: text(data, "title"),
				version: text(data, "version"),
				items: text(data, "items"),
				source: label("checklists.origin", text(data, "source")),
			});
		case "finding.raised":
			return t("audit.data.findingRaised", {
				reference: text(data, "reference"),
				source: t(`findings.source.${text(data, "source")}` as MessageKey),
				severity: t(`findings.severity.${text(data, "severity")}` as MessageKey),
				clause: text(data, "clause"),
			});
		case "finding.planned":
			return t("audit.data.findingPlanned", {
				reference: text(data, "reference"),
				dueOn: dates.date(text(data, "dueOn")),
			});
		case "finding.evidence_added":
			return t("audit.data.findingEvidence", {
				reference: text(data, "reference"),
				fileName: text(data, "fileName"),
			});
		case "finding.overdue_notified":
			return t("audit.data.findingOverdue", {
				reference: text(data, "reference"),
				dueOn: dates.date(text(data, "dueOn")),
			});
		case "finding.done":
		case "finding.verified":
		case "finding.reopened":
		case "finding.risk_linked":
		case "finding.accepted_as_risk":
			return t("audit.data.finding", { reference: text(data, "reference") });
		default:
			return generic(data, i18n);
	}
}
