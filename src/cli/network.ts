import { readFile, stat, writeFile } from "node:fs/promises";
import { dirname, extname, isAbsolute, resolve } from "node:path";
import { type CheckReport, checkModel } from "../modules/network/check-model.ts";
import { parseFirewallCsv, withFirewallFlows } from "../modules/network/firewall-csv.ts";
import {
	MAX_MODEL_BYTES,
	type ModelProblem,
	parseModelFile,
} from "../modules/network/load-model.ts";
import type { NetworkModelFile } from "../modules/network/model.schema.ts";
import type { ReportLang } from "../modules/network/report-labels.ts";
import { networkReportPdf } from "../modules/network/report-pdf.ts";
import { formatNetworkReport } from "../modules/network/report-text.ts";
import { networkReportXlsx } from "../modules/network/report-xlsx.ts";
import { BUNDLED_PACK_IDS, isBundledPackId, loadPack } from "../modules/policies/pack/load-pack.ts";
import type { PolicyPack } from "../modules/policies/pack/pack.schema.ts";
import { currentTenantPack } from "../modules/policies/pack/tenant-pack.repository.ts";
import { networkFindingText } from "../shared/network-findings.ts";
import { Problem } from "../shared/problem.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";
import { tenantOrFail, withRuntime } from "./runtime-helpers.ts";

/** Exit code when the check ran and found violations (0: compliant; 1: input/IO; 2: usage). */
export const EXIT_VIOLATIONS = 4;

const SYSTEM_ERRORS: Record<string, string> = {
	ENOENT: "no such file",
	EACCES: "permission denied",
	EPERM: "permission denied",
	EISDIR: "it is a directory",
};

async function readInput(file: string, limit: number): Promise<Buffer> {
	try {
		const info = await stat(file);
		if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
		if (info.size > limit) {
			throw new Problem(
				"payload_too_large",
				`${file} is ${info.size} bytes; the limit is ${limit}`,
			);
		}
		return await readFile(file);
	} catch (error) {
		if (error instanceof Problem) throw error;
		const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
		throw new Error(`cannot read ${file}: ${SYSTEM_ERRORS[code] ?? String(error)}`);
	}
}

function formatOf(file: string): "yaml" | "json" {
	const extension = extname(file).toLowerCase();
	if (extension === ".json") return "json";
	if (extension === ".yaml" || extension === ".yml") return "yaml";
	throw new UsageError(`${file}: the model file must end in .yaml, .yml or .json`);
}

/** `net.yaml:12:5: nodes[3].segment: unknown segment "x"` */
export function formatModelProblem(file: string, problem: ModelProblem): string {
	const at = problem.line === null ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
	return problem.path === "(file)"
		? `${at}: ${problem.message}`
		: `${at}: ${problem.path}: ${problem.message}`;
}

/** The pack to check against: --pack, else the tenant's, else the file's `pack:`, else standard. */
async function choosePack(
	values: { pack?: string | undefined; tenant?: string | undefined },
	model: NetworkModelFile,
	modelFile: string,
): Promise<PolicyPack> {
	if (values.pack !== undefined) return loadPack(values.pack);
	if (values.tenant !== undefined) {
		const slug = values.tenant;
		return withRuntime(async (runtime) => {
			const tenant = await tenantOrFail(runtime, slug);
			const stored = await currentTenantPack(runtime.db, tenant.id);
			if (stored === undefined) {
				throw new Problem("not_found", `tenant "${slug}" has no policy pack yet`);
			}
			return stored.pack;
		});
	}
	const own = model.pack;
	if (own === undefined) return loadPack("standard");
	// A pack path in the file is read relative to the file, not to the working directory.
	if (isBundledPackId(own) || isAbsolute(own)) return loadPack(own);
	return loadPack(resolve(dirname(modelFile), own));
}

/** The check as JSON; each violation also carries its message and remedy in `lang`. */
function summaryJson(report: CheckReport, lang: ReportLang): string {
	return JSON.stringify({
		compliant: report.compliant,
		model: report.model,
		packModel: report.packModel,
		pack: report.packId,
		violations: report.violations.map((v) => ({ ...v, ...networkFindingText(v, lang) })),
		stats: report.stats,
		flows: report.flows,
		nodes: report.nodes,
	});
}

export const networkCheckCommand: Command = {
	name: "network check",
	summary: "Check a network model (or a firewall rule base) against the three-tier separation",
	usage: [
		`mamori network check FILE [--json] [--pack ${BUNDLED_PACK_IDS.join("|")}|PACK.yaml] [--tenant SLUG]`,
		"       [--firewall RULES.csv] [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--lang ja|en] [--as-of YYYY-MM]",
		"       (FILE may also be given as --model FILE; exit 0 compliant, 4 violations, 1 bad input, 2 usage)",
	].join("\n"),
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				json: { type: "boolean" },
				pack: { type: "string" },
				tenant: { type: "string" },
				model: { type: "string" },
				firewall: { type: "string" },
				pdf: { type: "string" },
				xlsx: { type: "string" },
				lang: { type: "string" },
				"as-of": { type: "string" },
			},
			true,
		);
		if (positionals.length > 1)
			throw new UsageError(`one FILE only (also got: ${positionals.slice(1).join(" ")})`);
		const [positional] = positionals;
		if (positional !== undefined && values.model !== undefined) {
			throw new UsageError("give the model either as FILE or as --model, not both");
		}
		const file = positional ?? values.model;
		if (file === undefined || file === "")
			throw new UsageError("FILE (the network model) is required");
		if (values.pack !== undefined && values.tenant !== undefined) {
			throw new UsageError("--pack and --tenant are alternatives; give one");
		}
		const lang = values.lang ?? "ja";
		if (lang !== "ja" && lang !== "en") throw new UsageError("--lang is ja or en");
		const asOf = values["as-of"];
		if (asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) {
			throw new UsageError("--as-of is YYYY-MM");
		}

		const format = formatOf(file);
		const bytes = await readInput(file, MAX_MODEL_BYTES);
		let text: string;
		try {
			text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
		} catch {
			console.error(`${file}: not UTF-8 text (save it as UTF-8)`);
			return 1;
		}
		const parsed = parseModelFile(text, format);
		if (parsed.model === null) {
			for (const problem of parsed.problems) console.error(formatModelProblem(file, problem));
			console.error(
				`${file}: ${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"}; nothing was checked`,
			);
			return 1;
		}
		let model = parsed.model;
		if (values.firewall !== undefined) {
			const firewallFile = values.firewall;
			const firewall = await parseFirewallCsv(await readInput(firewallFile, 50 * 1024 * 1024));
			const applied = withFirewallFlows(model, firewall);
			const errors = [...firewall.errors, ...applied.errors];
			if (errors.length > 0) {
				for (const e of errors)
					console.error(`${firewallFile}: row ${e.row}, ${e.column}: ${e.message}`);
				console.error(
					`${firewallFile}: ${errors.length} problem${errors.length === 1 ? "" : "s"}; nothing was checked`,
				);
				return 1;
			}
			model = applied.model;
		}
		const pack = await choosePack(values, model, file);
		const report = checkModel(model, pack, asOf === undefined ? {} : { asOf });
		if (values.pdf !== undefined)
			await writeFile(
				values.pdf,
				// A file checked outside any tenant: dated in 和暦, as the policy documents are.
				await networkReportPdf(report, model, pack, lang, {
					at: new Date().toISOString(),
					style: "wareki",
				}),
			);
		if (values.xlsx !== undefined)
			await writeFile(values.xlsx, await networkReportXlsx(report, model, lang));
		console.log(
			values.json ? summaryJson(report, lang) : formatNetworkReport(report, model, pack, lang),
		);
		return report.compliant ? 0 : EXIT_VIOLATIONS;
	},
};
