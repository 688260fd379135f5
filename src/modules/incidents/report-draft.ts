import type { Queryable } from "../../db/queryable.ts";
import { type DateStyle, formatDate, formatDateTime } from "../../shared/dates.ts";
import { Problem } from "../../shared/problem.ts";
import { authorize } from "../authz/policy.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { findTenant } from "../tenants/tenants.repository.ts";
import { DATA_KIND_LABELS, reasonText } from "./assessment-text.ts";
import { dataKindsOf } from "./case-rules.ts";
import { presentObligations } from "./get-incident.ts";
import { incidentCaseworkPolicy } from "./incident-casework.policy.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import {
	type IncidentRow,
	incidentAssets,
	incidentUnits,
	listIncidentFilings,
} from "./incidents.repository.ts";

/**
 * The draft of the report a leak needs (漏えい等報告, 個人情報保護法 第68条 and 施行規則 第43条):
 * the items the rules ask for, filled from the case where it has the fact, blank where the
 * officer still has to write it, with the obligations and their due dates. Text only; the PDF and
 * the workbook are drawn from it by report-draft-files.ts.
 */

export const DRAFT_TITLE = "漏えい等報告書（案）";

/** The items of 施行規則 第43条, in its order: a short heading and what it asks for. */
export const REPORT_ITEMS = [
	{ key: "summary", label: "概要", asks: "" },
	{
		key: "items",
		label: "項目",
		asks: "漏えい等が発生し、又は発生したおそれがある保有個人情報の項目",
	},
	{ key: "people", label: "本人の数", asks: "" },
	{ key: "cause", label: "原因", asks: "" },
	{ key: "secondaryDamage", label: "二次被害", asks: "二次被害又はそのおそれの有無及びその内容" },
	{ key: "responseToPeople", label: "本人への対応", asks: "本人への対応の実施状況" },
	{ key: "publicAnnouncement", label: "公表", asks: "公表の実施状況" },
	{ key: "prevention", label: "再発防止", asks: "再発防止のための措置" },
	{ key: "other", label: "その他", asks: "その他参考となる事項" },
] as const;
export type ReportItemKey = (typeof REPORT_ITEMS)[number]["key"];

export interface DraftObligation {
	authority: string;
	law: string;
	required: boolean;
	preliminaryDue: string;
	preliminaryFiled: string;
	finalDue: string;
	finalFiled: string;
}

export interface ReportDraft {
	title: string;
	/** Who reports, which case, when drafted: label and value, in the order the form has them. */
	header: [string, string][];
	/** Why a report is needed: one line per reason of each required obligation. */
	situations: string[];
	/** The nine items; an empty text is a blank for the officer. */
	items: { key: ReportItemKey; label: string; asks: string; text: string }[];
	obligations: DraftObligation[];
	reference: string;
}

/** What a required report without a due date in the rules asks for. */
export const NO_FIXED_DEADLINE = "期限の定めなし（速やかに）";

const yesNo = (value: unknown) => (value ? "あり" : "なし");

function lines(...parts: (string | false | null | undefined)[]): string {
	return parts.filter((part): part is string => Boolean(part)).join("\n");
}

/** 概要: when it was known and noticed, what kind of case, where, and what happened. */
function summary(
	desk: IncidentDesk,
	row: IncidentRow,
	style: DateStyle,
	units: readonly { name: string }[],
	assets: readonly { code: string; name: string }[],
): string {
	const category = desk.pack.threats.find((threat) => threat.code === row.category);
	return lines(
		`発覚日（団体が知った日）: ${formatDate(row.known_on, style)}`,
		`気付いた日時: ${formatDateTime(row.noticed_at, style)}`,
		category && `事案の区分: ${category.label.ja}`,
		units.length > 0 && `関係する組織: ${units.map((unit) => unit.name).join("、")}`,
		assets.length > 0 &&
			`関係する情報資産: ${assets.map((asset) => `${asset.code} ${asset.name}`).join("、")}`,
		`経緯: ${row.what_happened}`,
	);
}

/** その他: the facts the legal assessment rests on, once the CSIRT has assessed them. */
function otherFacts(row: IncidentRow): string {
	if (row.state === "reported") return "";
	return lines(
		`不正の目的によるおそれ: ${yesNo(row.wrongful_intent)}`,
		`不正利用による財産的被害のおそれ: ${yesNo(row.financial_damage_risk)}`,
		`高度な暗号化等の保護: ${yesNo(row.encrypted)}`,
		`不特定多数が閲覧できる状態: ${yesNo(row.published_online)}`,
	);
}

function itemTexts(
	desk: IncidentDesk,
	row: IncidentRow,
	style: DateStyle,
	units: readonly { name: string }[],
	assets: readonly { code: string; name: string }[],
): Record<ReportItemKey, string> {
	const people = Number(row.people);
	return {
		summary: summary(desk, row, style, units, assets),
		items: dataKindsOf(row)
			.map((kind) => DATA_KIND_LABELS[kind].ja)
			.join("・"),
		people: people > 0 ? `${people.toLocaleString("ja-JP")}人` : "",
		cause: row.cause ?? "",
		secondaryDamage: row.secondary_damage ?? "",
		responseToPeople: row.response_to_people ?? "",
		publicAnnouncement: row.public_announcement ?? "",
		prevention: row.prevention ?? "",
		other: otherFacts(row),
	};
}

/**
 * The draft of the legal report of a case, dates the tenant's way.
 *
 * @throws Problem `not_found` for a case the caller may not see; `conflict` for a case rejected
 * as not an incident (`case_rejected`)
 * @example
 * const draft = await reportDraft(db, desk, id); // draft.items[0].label === "概要"
 */
export async function reportDraft(
	db: Queryable,
	desk: IncidentDesk,
	incidentId: string,
	now: Date = new Date(),
): Promise<ReportDraft> {
	const { actor } = desk;
	authorize(actor, incidentCaseworkPolicy, "incident.report_draft");
	const row = await visibleIncident(db, desk, incidentId);
	if (row.state === "rejected") {
		throw new Problem("conflict", "the case was rejected as not an incident", {
			issues: [{ path: "state", code: "case_rejected", params: {}, message: "rejected" }],
		});
	}
	const [tenant, style, units, assets, filings] = await Promise.all([
		findTenant(db, actor.tenantId),
		tenantDateStyle(db, actor.tenantId),
		incidentUnits(db, actor.tenantId, row.id),
		incidentAssets(db, actor.tenantId, row.id),
		listIncidentFilings(db, actor.tenantId, row.id),
	]);
	const day = (value: string | null | undefined) => (value ? formatDate(value, style) : "");
	const obligations = presentObligations(desk, row, filings);
	const texts = itemTexts(desk, row, style, units, assets);
	return {
		title: DRAFT_TITLE,
		reference: row.reference,
		header: [
			["報告者（団体名）", tenant?.name ?? ""],
			["事案番号", row.reference],
			["件名", row.title],
			["報告の区分", "速報 ・ 確報"],
			["作成日", formatDate(now.toISOString(), style)],
		],
		situations: obligations
			.filter((obligation) => obligation.required)
			.flatMap((obligation) =>
				obligation.reasons.map(
					({ code, params }) => `${obligation.authority.ja}: ${reasonText({ code, params }, "ja")}`,
				),
			),
		items: REPORT_ITEMS.map((item) => ({ ...item, text: texts[item.key] })),
		obligations: obligations.map((obligation) => ({
			authority: obligation.authority.ja,
			law: `${obligation.law.ja} ${obligation.clause.ja}`,
			required: obligation.required,
			preliminaryDue:
				obligation.required && !obligation.preliminary && !obligation.final
					? NO_FIXED_DEADLINE
					: day(obligation.preliminary?.due),
			preliminaryFiled: day(obligation.preliminary?.filedOn),
			finalDue: day(obligation.final?.due),
			finalFiled: day(obligation.final?.filedOn),
		})),
	};
}
