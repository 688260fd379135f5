/**
 * Assurance: importing a checklist workbook of 1,000 items (target: under 2 s). Measured in
 * process (`importChecklist`: read the workbook, check every item, save the version in one
 * transaction) and through the platform's import pipeline (`runImportInWorker`: the same in a
 * worker thread with its own connection, as the server runs it), on SQLite and PostgreSQL. The
 * baseline, measured in the same run, is reading the same workbook alone (ExcelJS through the
 * bounded reader), which every import does.
 *
 * Part 2 (bench/assurance-campaign.ts): a self-inspection campaign of 3,000 × 120 answers, its
 * rate tables, a respondent's open-items page and the XLSX export.
 *
 * Run alone: `node bench/assurance.ts` (only the campaign: `node bench/assurance.ts campaign`)
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { systemActor } from "../src/bootstrap.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import { checklistImport } from "../src/modules/assurance/checklists/checklist.import.ts";
import type {
	ChecklistContent,
	ChecklistItem,
} from "../src/modules/assurance/checklists/checklist-model.ts";
import { checklistWorkbook } from "../src/modules/assurance/checklists/checklist-workbook.ts";
import type { ChecklistImportReport } from "../src/modules/assurance/checklists/checklists.schemas.ts";
import { importChecklist } from "../src/modules/assurance/checklists/import-checklist.ts";
import { CHECKLIST_IMPORT_LIMITS } from "../src/modules/assurance/checklists/read-checklist-workbook.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { runImportInWorker } from "../src/platform/imports/run-import.ts";
import { readWorkbook } from "../src/shared/tabular.ts";
import {
	ITEMS as CAMPAIGN_ITEMS,
	campaignLines,
	measureCampaign,
	RESPONDENTS,
} from "./assurance-campaign.ts";
import { onPostgres, onSqlite } from "./lib/engines.ts";
import { median } from "./lib/stats.ts";

const ITEMS = 1_000;
const ROUNDS = 5;
const TARGET_MS = 2_000;

const ANSWERERS = ["all_staff", "manager", "system_admin"] as const;

/** A checklist of `ITEMS` items over the nine measures of 基本方針 6, every fifth on a level scale. */
function generatedChecklist(): ChecklistContent {
	const items: ChecklistItem[] = Array.from({ length: ITEMS }, (_, i) => {
		const clause = `6(${(i % 9) + 1})`;
		const level = i % 5 === 0;
		return {
			number: `${clause}-${i + 1}`,
			policyClause: clause,
			standardsChapter: `${(i % 9) + 1}.${(i % 4) + 1}`,
			question: `点検項目 ${i + 1}: 所属の情報資産について、定められた対策を実施しているか。`,
			answerer: ANSWERERS[i % 3] ?? "all_staff",
			scale: level ? "level" : "yes_no_na",
			levels: level ? ["未実施", "一部実施", "実施済み"] : [],
			required: i % 4 !== 0,
			evidence: i % 2 === 0 ? "点検の記録、関係する台帳" : null,
			packRef: i % 50 === 0 ? "provision:freeMail" : null,
		};
	});
	return {
		kind: "self_inspection",
		title: "ベンチ用 自己点検（1,000項目）",
		description: null,
		items,
	};
}

interface Timings {
	inProcess: number[];
	pipeline: number[];
}

function checked(report: unknown): ChecklistImportReport {
	const result = report as ChecklistImportReport;
	if (!result.applied || result.rows !== ITEMS) {
		throw new Error(`the import did not apply: ${JSON.stringify(result).slice(0, 400)}`);
	}
	return result;
}

async function measure(deps: AppDeps, bytes: Uint8Array): Promise<Timings> {
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{
				slug: `bench-checklists-${randomBytes(3).toString("hex")}`,
				name: "ベンチ市",
				pack: "standard",
			},
		),
	);
	const actor = systemActor(tenant.id, "bench");
	const options = { checklistId: null, fileName: "bench.xlsx" };
	// Warm-up: ExcelJS loaded, JIT, the worker's first start.
	checked(await importChecklist(deps.db, actor, bytes, { ...options, mode: "apply" }));
	const timings: Timings = { inProcess: [], pipeline: [] };
	for (let round = 0; round < ROUNDS; round++) {
		let started = performance.now();
		checked(await importChecklist(deps.db, actor, bytes, { ...options, mode: "apply" }));
		timings.inProcess.push(performance.now() - started);
		started = performance.now();
		const outcome = await runImportInWorker(deps, {
			kind: checklistImport.name,
			bytes,
			actor,
			options,
			dryRun: false,
		});
		checked(outcome.result);
		timings.pipeline.push(performance.now() - started);
	}
	return timings;
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en")}`;
const met = (value: number) => (value < TARGET_MS ? "met" : "NOT met");

export async function runAssuranceBench(): Promise<string> {
	const bytes = new Uint8Array(await checklistWorkbook(generatedChecklist(), []));
	const reads: number[] = [];
	await readWorkbook(bytes, CHECKLIST_IMPORT_LIMITS);
	for (let round = 0; round < ROUNDS; round++) {
		const started = performance.now();
		await readWorkbook(bytes, CHECKLIST_IMPORT_LIMITS);
		reads.push(performance.now() - started);
	}
	const lines = [
		"## Assurance: checklist import",
		"",
		`A generated self-inspection checklist of ${ITEMS.toLocaleString("en")} items (${Math.round(bytes.length / 1024)} KB XLSX in the documented layout, every fifth item on a level scale), imported as a new checklist: read, every item checked, the version saved in one transaction with its audit event. Median and slowest of ${ROUNDS} runs after a warm-up.`,
		"",
		"| engine | what | median ms | slowest ms | under 2 s |",
		"| --- | --- | ---: | ---: | :---: |",
		`| — | baseline: read the workbook only | ${ms(median(reads))} | ${ms(Math.max(...reads))} | |`,
	];
	const results: [string, Timings | string][] = [
		["SQLite", await onSqlite((deps) => measure(deps, bytes))],
		["PostgreSQL", await onPostgres((deps) => measure(deps, bytes))],
	];
	for (const [engine, timings] of results) {
		if (typeof timings === "string") {
			lines.push(`| ${engine} | ${timings} | | | |`);
			continue;
		}
		const inProcess = median(timings.inProcess);
		const pipeline = median(timings.pipeline);
		lines.push(
			`| ${engine} | in process (\`importChecklist\`) | ${ms(inProcess)} | ${ms(Math.max(...timings.inProcess))} | ${met(Math.max(...timings.inProcess))} |`,
			`| ${engine} | import pipeline (worker thread, own connection) | ${ms(pipeline)} | ${ms(Math.max(...timings.pipeline))} | ${met(Math.max(...timings.pipeline))} |`,
		);
	}
	lines.push(
		"",
		"## Assurance: a self-inspection campaign of 3,000 respondents × 120 items",
		"",
		`${RESPONDENTS.toLocaleString("en")} members of staff in 100 sections of 10 departments, a checklist of ${CAMPAIGN_ITEMS} items answered by all staff: 360,000 answer slots. Nine respondents in ten answered and submitted everything, one in ten left 20 items open (drafts). Rates: 20 runs after a warm-up; the open-items page: 50 runs over different respondents; the export: 2 runs. On PostgreSQL the answers and respondents are \`VACUUM ANALYZE\`d after the bulk fill, as autovacuum would soon do (the test server runs with autovacuum off; without statistics and a visibility map the rates took about 320 ms).`,
		"",
		"| engine | what | median ms | p95 / slowest ms | target |",
		"| --- | --- | ---: | ---: | :---: |",
		...campaignLines("SQLite", await onSqlite(measureCampaign)),
		...campaignLines("PostgreSQL", await onPostgres(measureCampaign)),
	);
	return lines.join("\n");
}

if (import.meta.main) {
	if (process.argv[2] === "campaign") {
		console.log(
			[
				"| engine | what | median ms | p95 / slowest ms | target |",
				"| --- | --- | ---: | ---: | :---: |",
				...campaignLines("SQLite", await onSqlite(measureCampaign)),
				...campaignLines("PostgreSQL", await onPostgres(measureCampaign)),
			].join("\n"),
		);
	} else {
		console.log(await runAssuranceBench());
	}
}
