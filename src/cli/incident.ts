import { readFile, stat } from "node:fs/promises";
import { ReportingRules } from "../modules/incidents/assess-obligations.ts";
import { caseFactsSchema } from "../modules/incidents/assessment.schema.ts";
import { formatAssessment, type Lang } from "../modules/incidents/assessment-text.ts";
import { loadBundledPack, loadPack } from "../modules/policies/pack/load-pack.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";

/** A case's facts are a few lines of JSON; anything larger is not one. */
export const MAX_FACTS_BYTES = 64 * 1024;

/** Bad facts: one line per problem, naming the field. */
export class FactsError extends Error {}

/** A small JSON file (at most MAX_FACTS_BYTES), parsed; FactsError names what is wrong. */
export async function readFacts(file: string): Promise<unknown> {
	let text: string;
	try {
		const info = await stat(file);
		if (!info.isFile()) throw new FactsError(`${file}: not a file`);
		if (info.size > MAX_FACTS_BYTES) {
			throw new FactsError(`${file}: ${info.size} bytes; the limit is ${MAX_FACTS_BYTES}`);
		}
		text = await readFile(file, "utf8");
	} catch (error) {
		if (error instanceof FactsError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new FactsError(`${file}: ${code === "ENOENT" ? "no such file" : String(error)}`);
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new FactsError(`${file}: not valid JSON (${(error as Error).message})`);
	}
}

export const incidentAssessCommand: Command = {
	name: "incident assess",
	summary: "Decide the legal reports a leak requires (PPC, prefecture) and their due dates",
	usage:
		"mamori incident assess FILE.json [--json] [--pack ID|FILE] [--lang ja|en]\n" +
		"  FILE.json: the case's facts (docs/incident-assessment.md): knownAt, people, dataKinds,\n" +
		"  wrongfulIntent, financialDamageRisk, encrypted[, publishedOnline, networkSystem, pack,\n" +
		"  preliminaryDays]. Prints every obligation, required or not, with why and by when.\n" +
		"  Exit 0 when printed; 1 on bad input (the field is named); 2 on wrong usage.",
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{ json: { type: "boolean" }, pack: { type: "string" }, lang: { type: "string" } },
			true,
		);
		const [file, ...extra] = positionals;
		if (!file || extra.length > 0) throw new UsageError("give exactly one FILE.json");
		const lang = (values.lang ?? "ja") as Lang;
		if (lang !== "ja" && lang !== "en") throw new UsageError("--lang is ja or en");
		try {
			const parsed = caseFactsSchema.safeParse(await readFacts(file));
			if (!parsed.success) {
				for (const issue of parsed.error.issues) {
					const field = issue.path.join(".") || "(file)";
					console.error(`${file}: ${field}: ${issue.message}`);
				}
				return 1;
			}
			const facts = parsed.data;
			const pack = loadPack(values.pack ?? facts.pack ?? "standard");
			const obligations = new ReportingRules(pack, loadBundledPack("standard")).assess(facts);
			if (values.json) {
				console.log(
					JSON.stringify({ pack: pack.id, knownAt: facts.knownAt, obligations }, null, 2),
				);
			} else {
				console.log(formatAssessment(obligations, lang));
			}
			return 0;
		} catch (error) {
			if (error instanceof FactsError || error instanceof RangeError) {
				console.error(error.message);
				return 1;
			}
			throw error;
		}
	},
};
