/**
 * `mamori incident assess` in process: how many cases per second the reporting rules decide
 * (the rule evaluation and due dates, not the process start). Target: at least 20,000/s. The
 * cases are generated (people, data kinds, facts, a day known anywhere in 2026–2030, so the
 * deadlines cross weekends, national holidays and the New Year closure); the baseline is parsing
 * the same facts with the schema alone, which every assessment also does.
 *
 * The section also measures the case list and the dashboard at 100,000 cases (incident-cases.ts).
 *
 * Run alone: `node bench/incidents.ts`
 */
import { performance } from "node:perf_hooks";
import { ReportingRules } from "../src/modules/incidents/assess-obligations.ts";
import { caseFactsSchema } from "../src/modules/incidents/assessment.schema.ts";
import { addDays } from "../src/modules/incidents/closed-days.ts";
import { loadBundledPack } from "../src/modules/policies/pack/load-pack.ts";
import { runIncidentCasesBench } from "./incident-cases.ts";
import { median } from "./lib/stats.ts";

const CASES = 100_000;
const ROUNDS = 5;
const KINDS = ["personal", "sensitive", "ordinance_sensitive", "my_number"] as const;

function generateFacts(count: number): unknown[] {
	let state = 42;
	const next = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	return Array.from({ length: count }, () => ({
		knownAt: addDays("2026-01-01", Math.floor(next() * 365 * 5)),
		people: Math.floor(next() * 400),
		dataKinds: KINDS.filter(() => next() < 0.35),
		wrongfulIntent: next() < 0.1,
		financialDamageRisk: next() < 0.1,
		encrypted: next() < 0.2,
		publishedOnline: next() < 0.05,
	}));
}

function rate(count: number, run: () => void): number {
	const started = performance.now();
	run();
	return count / ((performance.now() - started) / 1000);
}

export async function runIncidentsBench(): Promise<string> {
	const standard = loadBundledPack("standard");
	const rules = new ReportingRules(loadBundledPack("saga"), standard);
	const raw = generateFacts(CASES);
	let required = 0;
	const assessAll = () => {
		required = 0;
		for (const value of raw) {
			const obligations = rules.assess(caseFactsSchema.parse(value));
			if (obligations.some((o) => o.code === "ppc_personal_information" && o.required)) required++;
		}
	};
	const parseAll = () => {
		for (const value of raw) caseFactsSchema.parse(value);
	};
	assessAll(); // warm-up (JIT)
	const assessRate = median(Array.from({ length: ROUNDS }, () => rate(CASES, assessAll)));
	const parseRate = median(Array.from({ length: ROUNDS }, () => rate(CASES, parseAll)));
	const met = assessRate >= 20_000;
	return [
		"## Incident reporting rules (`mamori incident assess`, in process)",
		"",
		`${CASES.toLocaleString("en")} generated cases (days known 2026–2030), Saga's pack with the standard rules, median of ${ROUNDS} runs after a warm-up. Each assessment parses the facts with the schema, evaluates every obligation and computes the due dates over the closed-day calendar.`,
		"",
		"| what | cases/s |",
		"| --- | ---: |",
		`| assess (parse + rules + due dates) | ${Math.round(assessRate).toLocaleString("en")} |`,
		`| baseline: parse the facts only | ${Math.round(parseRate).toLocaleString("en")} |`,
		"",
		`Target (at least 20,000 assessments/s): ${met ? "met" : "NOT met"}. ${required.toLocaleString("en")} of the cases needed a report to the PPC.`,
		"",
		await runIncidentCasesBench(),
	].join("\n");
}

if (import.meta.main) {
	console.log(await runIncidentsBench());
}
