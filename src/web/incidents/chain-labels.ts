import type { Schemas } from "../api/client.ts";
import type { I18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { type Incident, type IncidentOptions, localized, type TimelineEntry } from "./labels.ts";

export type IncidentChain = Schemas["IncidentChain"];
export type ChainNotification = IncidentChain["notifications"][number];
export type CaseToAcknowledge = Schemas["IncidentsToAcknowledge"]["items"][number];

type Texts = Pick<I18n, "t" | "lang" | "label">;

/** A role of the chain that nobody holds (for one of the case's units, or for the tenant). */
export interface ChainGap {
	role: string;
	unitId: string | null;
}

/** The timeline kinds the reporting chain writes. */
const CHAIN_KINDS = new Set(["chain_notified", "acknowledged", "escalated", "deadline_reminded"]);

export const chainReasonKey = (reason: string) => `incidentChain.reason.${reason}` as MessageKey;

/** The name of a unit the case or the pack's units know, else its id. */
export function unitName(
	unitId: string,
	incident: Pick<Incident, "units">,
	options: Pick<IncidentOptions, "units"> | null,
): string {
	return (
		incident.units.find((unit) => unit.id === unitId)?.name ??
		options?.units.find((unit) => unit.id === unitId)?.name ??
		unitId
	);
}

/** A role as its catalogue label, with the unit it is held for: 情報セキュリティ管理者（市民課）. */
export function roleText(role: string, unit: string | null, i18n: Pick<I18n, "t" | "label">) {
	const name = i18n.label("role", role);
	return unit ? i18n.t("incidentChain.roleInUnit", { role: name, unit }) : name;
}

function gapsOf(entry: TimelineEntry | undefined): ChainGap[] {
	const gaps = entry?.data.gaps;
	if (!Array.isArray(gaps)) return [];
	return gaps.flatMap((gap: unknown) => {
		if (typeof gap !== "object" || gap === null) return [];
		const { role, unitId } = gap as { role?: unknown; unitId?: unknown };
		if (typeof role !== "string") return [];
		return [{ role, unitId: typeof unitId === "string" ? unitId : null }];
	});
}

/**
 * The chain's links nobody holds, as its latest notice found them (each notice resolves the whole
 * chain again), and the CISO when an escalation found none.
 */
export function chainGaps(timeline: readonly TimelineEntry[]): ChainGap[] {
	const latest = timeline.filter((entry) => entry.kind === "chain_notified").at(-1);
	const escalation = timeline.find((entry) => entry.kind === "escalated");
	const seen = new Set<string>();
	return [...gapsOf(latest), ...gapsOf(escalation)].filter((gap) => {
		const key = `${gap.role}:${gap.unitId ?? ""}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The people a chain entry of the timeline names: 氏名（役職）. */
function toldText(
	data: Record<string, unknown>,
	incident: Incident,
	options: IncidentOptions | null,
	i18n: Texts,
): string | null {
	if (!Array.isArray(data.notified) || data.notified.length === 0) return null;
	const people = data.notified.map((person: unknown) => {
		const { name, role, unitId } = (person ?? {}) as {
			name?: unknown;
			role?: unknown;
			unitId?: unknown;
		};
		const unit = typeof unitId === "string" ? unitName(unitId, incident, options) : null;
		return i18n.t("incidentChain.person", {
			name: String(name ?? ""),
			role: roleText(String(role ?? ""), unit, i18n),
		});
	});
	return i18n.t("incidentChain.timeline.told", {
		people: people.join(i18n.t("incidents.listSeparator")),
	});
}

/**
 * What a timeline entry of the reporting chain says beyond its kind: who was told and why, the
 * roles nobody holds, the escalation's wait, the report a reminder was for. Empty for other kinds.
 */
export function chainTimelineDetails(
	entry: TimelineEntry,
	incident: Incident,
	options: IncidentOptions | null,
	i18n: Texts,
	day: (value: string) => string,
): string[] {
	if (!CHAIN_KINDS.has(entry.kind)) return [];
	const { t, lang } = i18n;
	const data = entry.data;
	const lines: string[] = [];
	if (entry.kind === "chain_notified" && typeof data.reason === "string") {
		lines.push(t("incidentChain.timeline.reason", { reason: t(chainReasonKey(data.reason)) }));
	}
	if (entry.kind === "escalated") {
		lines.push(
			t("incidentChain.timeline.escalation", {
				hours: Number(data.afterHours ?? 0),
				waiting: Array.isArray(data.waiting) ? data.waiting.length : 0,
			}),
		);
	}
	if (entry.kind === "deadline_reminded") {
		const label = data.label as { ja: string; en: string } | undefined;
		const authority = data.authority as { ja: string; en: string } | undefined;
		lines.push(
			t(
				data.overdue === true
					? "incidentChain.timeline.deadlineOverdue"
					: "incidentChain.timeline.deadline",
				{
					authority: localized(authority, lang),
					label: localized(label, lang),
					due: typeof data.due === "string" ? day(data.due) : "—",
				},
			),
		);
	}
	if (entry.kind === "acknowledged" && typeof data.notices === "number") {
		lines.push(t("incidentChain.timeline.acknowledgedNotices", { count: data.notices }));
	}
	if (entry.kind !== "acknowledged") {
		lines.push(toldText(data, incident, options, i18n) ?? t("incidentChain.timeline.nobodyTold"));
	}
	const gaps = gapsOf(entry);
	if (gaps.length > 0) {
		const roles = gaps.map((gap) =>
			roleText(gap.role, gap.unitId ? unitName(gap.unitId, incident, options) : null, i18n),
		);
		lines.push(
			t("incidentChain.timeline.gaps", { roles: roles.join(t("incidents.listSeparator")) }),
		);
	}
	return lines;
}
