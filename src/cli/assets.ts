import { readFile, stat, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { systemActor } from "../bootstrap.ts";
import { assetImportReportSchema } from "../modules/assets/asset-transfer.schemas.ts";
import type { AssetFilter } from "../modules/assets/assets.repository.ts";
import { assetQuerySchema } from "../modules/assets/assets.schemas.ts";
import { exportAssets, ledgerTemplate } from "../modules/assets/export-assets.ts";
import { ASSET_IMPORT_LIMITS, type ImportReport } from "../modules/assets/import-assets.ts";
import { ledgerImport } from "../modules/assets/ledger.import.ts";
import { findOrgUnitByCode } from "../modules/org/org.repository.ts";
import type { ImportProgress } from "../platform/imports/import-kind.ts";
import { runImportInWorker } from "../platform/imports/run-import.ts";
import { Problem } from "../shared/problem.ts";
import { type Command, parseFlags, required, UsageError } from "./command.ts";
import { readMappingFile } from "./mapping-file.ts";
import { progressLine } from "./progress-line.ts";
import { cliLabel, tenantOrFail, withRuntime } from "./runtime-helpers.ts";

/** The format an output file's extension asks for. */
function formatOf(file: string): "xlsx" | "csv" {
	const ext = extname(file).toLowerCase();
	if (ext === ".xlsx") return "xlsx";
	if (ext === ".csv") return "csv";
	throw new UsageError(`-o ${file}: the file name must end in .xlsx or .csv`);
}

async function readLedgerFile(file: string): Promise<Uint8Array> {
	let size: number;
	try {
		const info = await stat(file);
		if (info.isDirectory()) throw new Error(`cannot read ${file}: it is a directory`);
		size = info.size;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "ENOENT") throw new Error(`cannot read ${file}: no such file`);
		throw error;
	}
	if (size > ASSET_IMPORT_LIMITS.maxBytes) {
		throw new Problem(
			"payload_too_large",
			`${file} is ${size} bytes; a ledger file may be at most ${ASSET_IMPORT_LIMITS.maxBytes} bytes`,
		);
	}
	return readFile(file);
}

/** The human-readable report: one line per error, then the counts. */
export function formatImportReport(report: ImportReport, dryRun: boolean): string {
	const lines = report.errors.map((error) => {
		const where = [
			error.row === null ? null : `${error.row}行目`,
			error.column === null ? null : `「${error.column}」`,
		].filter((part) => part !== null);
		return `${where.length > 0 ? `${where.join(" ")}: ` : ""}${error.message}`;
	});
	if (report.errorCount > report.errors.length) {
		lines.push(`… ほか ${report.errorCount - report.errors.length} 件のエラー`);
	}
	const counts =
		`rows ${report.rows}: created ${report.created}, updated ${report.updated}, ` +
		`unchanged ${report.unchanged}, skipped ${report.skipped}, errors ${report.errorCount}`;
	const verdict = report.applied
		? "applied"
		: dryRun
			? "dry run: nothing applied"
			: "nothing applied (fix the errors, or use --skip-invalid)";
	lines.push(`${counts} — ${verdict}`);
	return lines.join("\n");
}

export const assetsTemplateCommand: Command = {
	name: "assets template",
	summary: "Write an empty information-asset ledger (XLSX with a sheet of allowed values, or CSV)",
	usage: "mamori assets template --tenant SLUG -o FILE.xlsx|FILE.csv",
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			output: { type: "string", short: "o" },
		});
		const slug = required(values.tenant, "--tenant");
		const output = required(values.output, "-o");
		const format = formatOf(output);
		const file = await withRuntime(async (rt) => {
			const tenant = await tenantOrFail(rt, slug);
			return ledgerTemplate(rt.db, systemActor(tenant.id, cliLabel()), format);
		});
		await writeFile(output, file.bytes);
		console.log(`wrote ${output}`);
		return 0;
	},
};

export const assetsImportCommand: Command = {
	name: "assets import",
	summary:
		"Check every row of a ledger file, then import it in one transaction (progress on stderr)",
	usage:
		"mamori assets import FILE --tenant SLUG [--mapping MAPPING.json] [--dry-run] [--skip-invalid] [--json]\n" +
		"  --mapping: read the city's own layout through a column mapping (docs/column-mapping.md)\n" +
		"  exit 0: applied (or a dry run without errors); 1: errors (nothing applied unless --skip-invalid)",
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				tenant: { type: "string" },
				"dry-run": { type: "boolean" },
				"skip-invalid": { type: "boolean" },
				mapping: { type: "string" },
				json: { type: "boolean" },
			},
			true,
		);
		const [file, ...extra] = positionals;
		if (file === undefined || file === "") throw new UsageError("FILE is required");
		if (extra.length > 0) throw new UsageError(`one FILE only (also got: ${extra.join(" ")})`);
		const slug = required(values.tenant, "--tenant");
		const dryRun = values["dry-run"] === true;
		const bytes = await readLedgerFile(file);
		const mapping = values.mapping === undefined ? null : await readMappingFile(values.mapping);
		const report = await withRuntime(async (rt) => {
			const tenant = await tenantOrFail(rt, slug);
			// The same worker thread as the server's import job: this process stays responsive.
			const line = progressLine(dryRun ? "check" : "import");
			let last: ImportProgress | null = null;
			try {
				const outcome = await runImportInWorker(
					rt,
					{
						kind: ledgerImport.name,
						bytes,
						actor: systemActor(tenant.id, cliLabel()),
						options: { skipInvalid: values["skip-invalid"] === true, mapping },
						dryRun,
					},
					(progress) => line.update(progress),
				);
				last = outcome.progress;
				return assetImportReportSchema.parse(outcome.result);
			} finally {
				line.end(last);
			}
		});
		console.log(values.json ? JSON.stringify(report) : formatImportReport(report, dryRun));
		// 0: applied, or a dry run without errors. 1: errors (and nothing applied, unless skipped).
		return report.applied || (dryRun && report.errorCount === 0) ? 0 : 1;
	},
};

export const assetsExportCommand: Command = {
	name: "assets export",
	summary: "Write the ledger (optionally filtered) to XLSX or CSV in the import layout",
	usage:
		"mamori assets export --tenant SLUG -o FILE.xlsx|FILE.csv [--kind K] [--zone Z] [--unit CODE]\n" +
		"  [--class KEY] [--personal P] [--lifecycle L] [--q TEXT]",
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			output: { type: "string", short: "o" },
			kind: { type: "string" },
			zone: { type: "string" },
			unit: { type: "string" },
			class: { type: "string" },
			personal: { type: "string" },
			lifecycle: { type: "string" },
			q: { type: "string" },
		});
		const slug = required(values.tenant, "--tenant");
		const output = required(values.output, "-o");
		const format = formatOf(output);
		const parsed = assetQuerySchema.safeParse({
			kind: values.kind,
			zone: values.zone,
			classKey: values.class,
			personalData: values.personal,
			lifecycle: values.lifecycle,
			q: values.q,
		});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new UsageError(
				`--${issue?.path.join(".") ?? "filter"}: ${issue?.message ?? "invalid"}`,
			);
		}
		const { sort: _s, order: _o, offset: _f, limit: _l, ...filter } = parsed.data;
		const file = await withRuntime(async (rt) => {
			const tenant = await tenantOrFail(rt, slug);
			const query: AssetFilter = { ...filter };
			if (values.unit !== undefined) {
				const unit = await findOrgUnitByCode(rt.db, tenant.id, values.unit);
				if (!unit) throw new Problem("not_found", `no org unit with code "${values.unit}"`);
				query.unitId = unit.id;
			}
			return exportAssets(rt.db, systemActor(tenant.id, cliLabel()), query, format);
		});
		await writeFile(output, file.bytes);
		console.log(`wrote ${file.rows} assets to ${output}`);
		return 0;
	},
};
