import { deriveHandling, levelLists, levelsOfKey } from "../assets/classification.ts";
import type { ClassificationScheme } from "../policies/pack/classification.schema.ts";
import type { ContractClause } from "../policies/pack/contract-clauses.schema.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";

/**
 * The guideline's eight clauses, for a pack that lists none: each required wherever the data
 * handled calls for written safeguards (`outsourcing: written_safeguards` in its level's handling).
 */
export const DEFAULT_CONTRACT_CLAUSES: readonly ContractClause[] = [
	{
		code: "comply_policy",
		label: { ja: "情報セキュリティポリシーの遵守", en: "Compliance with the security policy" },
	},
	{ code: "responsible_person", label: { ja: "責任者の明示", en: "A named responsible person" } },
	{
		code: "staff_and_place",
		label: { ja: "作業者及び作業場所の特定", en: "Named staff and place of work" },
	},
	{ code: "purpose_limit", label: { ja: "目的外利用の禁止", en: "No use beyond the purpose" } },
	{
		code: "subcontract_approval",
		label: { ja: "再委託の事前承認", en: "Subcontracting only with prior approval" },
	},
	{
		code: "return_or_erasure",
		label: { ja: "契約終了時の情報の返却・消去", en: "Return or erasure of data at the end" },
	},
	{ code: "on_site_inspection", label: { ja: "立入検査の受入れ", en: "On-site inspection" } },
	{ code: "incident_reporting", label: { ja: "事故発生時の報告", en: "Incident reporting" } },
];

/** The clause checklist of a tenant's pack. */
export function contractClausesOf(pack: PolicyPack): readonly ContractClause[] {
	return pack.contractClauses ?? DEFAULT_CONTRACT_CLAUSES;
}

interface LevelFacts {
	/** Position of the confidentiality level in its list, 0 = strictest; Infinity if unknown. */
	index: number;
	safeguards: boolean;
}

/** The verdict on one contract: the strictest level involved, what is required and missing. */
export interface ClauseVerdict {
	topLevel: string | null;
	required: string[];
	gaps: string[];
}

/**
 * Evaluates contracts against the pack's clause checklist; built once per pack and reused for
 * many contracts (the facts of each classification key are computed once).
 *
 * @example
 * const check = clauseChecker(pack, scheme);
 * check(["C2/I2/A2"], ["comply_policy"]).gaps; // every required clause but comply_policy
 */
export function clauseChecker(pack: PolicyPack, scheme: ClassificationScheme) {
	const clauses = contractClausesOf(pack);
	const confidentiality = levelLists(scheme)[0] ?? [];
	const facts = new Map<string, LevelFacts>();
	const factsOf = (key: string): LevelFacts => {
		let found = facts.get(key);
		if (found) return found;
		const levels = levelsOfKey(key);
		const index = confidentiality.findIndex((level) => level.code === levels[0]);
		let safeguards = false;
		try {
			safeguards = deriveHandling(scheme, levels).outsourcing === "written_safeguards";
		} catch {
			// A key of another scheme: it asks for nothing here.
		}
		found = { index: index < 0 ? Number.POSITIVE_INFINITY : index, safeguards };
		facts.set(key, found);
		return found;
	};
	const threshold = new Map(
		clauses.map((clause) => {
			const from = clause.requiredFrom;
			if (from === undefined) return [clause.code, undefined] as const;
			if (from === "always") return [clause.code, Number.POSITIVE_INFINITY] as const;
			const index = confidentiality.findIndex((level) => level.code === from);
			return [clause.code, index < 0 ? undefined : index] as const;
		}),
	);
	return (classKeys: readonly string[], present: readonly string[]): ClauseVerdict => {
		if (classKeys.length === 0) return { topLevel: null, required: [], gaps: [] };
		let top = Number.POSITIVE_INFINITY;
		let safeguards = false;
		for (const key of classKeys) {
			const f = factsOf(key);
			if (f.index < top) top = f.index;
			if (f.safeguards) safeguards = true;
		}
		const has = new Set(present);
		const required = clauses
			.filter((clause) => {
				const limit = threshold.get(clause.code);
				return limit === undefined ? safeguards : top <= limit;
			})
			.map((clause) => clause.code);
		return {
			topLevel: confidentiality[top]?.code ?? null,
			required,
			gaps: required.filter((code) => !has.has(code)),
		};
	};
}
export type ClauseChecker = ReturnType<typeof clauseChecker>;
