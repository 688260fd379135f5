import type { CaseFact, DataKind } from "../policies/pack/incident-reporting.schema.ts";
import type { AssessedObligation, AssessmentReason } from "./assess-obligations.ts";

export type Lang = "ja" | "en";

/** The kinds of personal data a case may concern, as the law names them. */
export const DATA_KIND_LABELS: Record<DataKind, Record<Lang, string>> = {
	personal: { ja: "個人情報", en: "personal information" },
	sensitive: { ja: "要配慮個人情報", en: "special-care personal information" },
	ordinance_sensitive: {
		ja: "条例要配慮個人情報",
		en: "personal information needing care under the ordinance",
	},
	my_number: { ja: "特定個人情報", en: "specific personal information (My Number)" },
};

const FACT_LABELS: Record<CaseFact, Record<Lang, string>> = {
	wrongfulIntent: { ja: "不正の目的によるおそれがある", en: "wrongful intent is suspected" },
	financialDamageRisk: {
		ja: "不正利用により財産的被害が生じるおそれがある",
		en: "misuse may cause financial damage",
	},
	encrypted: { ja: "高度な暗号化等で保護されていた", en: "the data was strongly encrypted" },
	publishedOnline: {
		ja: "不特定多数が閲覧できる状態になった",
		en: "the data became open to anyone online",
	},
	networkSystem: {
		ja: "情報提供ネットワークシステム等からの漏えい等である",
		en: "it came from an information-exchange system",
	},
};

function list(codes: string, labels: Record<string, Record<Lang, string>>, lang: Lang): string {
	const separator = lang === "ja" ? "・" : ", ";
	return codes
		.split(",")
		.map((code) => labels[code]?.[lang] ?? code)
		.join(separator);
}

/** One reason as a sentence in `lang`. */
export function reasonText(reason: AssessmentReason, lang: Lang): string {
	const p = reason.params;
	const ja = lang === "ja";
	switch (reason.code) {
		case "always":
			return ja ? "すべてのインシデントが対象" : "every incident is covered";
		case "data_kind":
			return ja
				? `${list(String(p.kinds), DATA_KIND_LABELS, lang)}を含む`
				: `involves ${list(String(p.kinds), DATA_KIND_LABELS, lang)}`;
		case "people_more_than":
			return ja
				? `本人の数が${p.limit}人を超える（${p.people}人）`
				: `more than ${p.limit} people (${p.people})`;
		case "fact":
			return FACT_LABELS[p.fact as CaseFact]?.[lang] ?? String(p.fact);
		case "exempt":
			return ja
				? `対象外: ${list(String(p.facts), FACT_LABELS, lang)}`
				: `exempt: ${list(String(p.facts), FACT_LABELS, lang)}`;
		case "no_criterion_met":
			return ja ? "報告を要する基準に当たらない" : "no criterion for a report is met";
		case "data_not_concerned":
			return ja
				? `${list(String(p.kinds), DATA_KIND_LABELS, lang)}を含まない`
				: `involves none of ${list(String(p.kinds), DATA_KIND_LABELS, lang)}`;
		case "provision_not_in_force":
			return ja
				? "この団体のポリシーでは特定個人情報の規定が施行されていない"
				: "the tenant's policy does not state rules for specific personal information";
	}
}

/**
 * The obligations as lines a security officer reads: required or not, why, and the due dates.
 *
 * @example
 * console.log(formatAssessment(obligations, "ja"));
 */
export function formatAssessment(obligations: AssessedObligation[], lang: Lang): string {
	const ja = lang === "ja";
	const lines: string[] = [];
	for (const obligation of obligations) {
		const verdict = obligation.required
			? ja
				? "報告が必要"
				: "report required"
			: ja
				? "報告は不要"
				: "no report required";
		lines.push(`■ ${obligation.authority[lang]}: ${verdict}`);
		lines.push(`  ${obligation.law[lang]} ${obligation.clause[lang]}`);
		for (const reason of obligation.reasons) {
			const clause = reason.clause ? ` [${reason.clause[lang]}]` : "";
			lines.push(`  - ${reasonText(reason, lang)}${clause}`);
		}
		for (const deadline of [obligation.preliminary, obligation.final]) {
			if (!deadline) continue;
			const aim = deadline.aim
				? ja
					? "（目安。団体で設定可）"
					: " (an aim; the tenant may set it)"
				: "";
			lines.push(
				ja
					? `  ${deadline.label.ja}期限: ${deadline.due}（知った日を1日目として${deadline.days}日目、閉庁日は翌開庁日）${aim}`
					: `  ${deadline.label.en} due: ${deadline.due} (day ${deadline.days}, the day known being day 1; closed days move it on)${aim}`,
			);
		}
		if (obligation.required && !obligation.preliminary && !obligation.final) {
			lines.push(ja ? "  期限の定めなし（速やかに）" : "  no fixed deadline (promptly)");
		}
	}
	return lines.join("\n");
}
