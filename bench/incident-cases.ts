/**
 * Incident cases at municipal scale and beyond: 100,000 cases over 5 fiscal years in one tenant
 * (40 units, the standard pack). Measured on SQLite and PostgreSQL: a page of the case list (the
 * page and its total) filtered by state, severity and unit, as the CSIRT sees it (every case) and
 * as a unit's manager (their unit's cases); and the dashboard's figures (`incidentStats`: the
 * year's counts, durations and dated reports, and the reports owed of every year). Targets: list
 * p95 under 50 ms, dashboard under 100 ms. The rows are written with multi-row INSERTs shaped as
 * the use cases write them (a report, its units, filings for most cases that owe them, the report
 * dues kept with each case); the section also times deriving every case's dues again, as the
 * first read of the figures does after the tenant's rules changed.
 *
 * Run alone: `node bench/incident-cases.ts [--samples=N]`
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import pg from "pg";
import { systemActor } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import type { IncidentFilingTable, IncidentTable, IncidentUnitTable } from "../src/db/schema.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import type { Actor } from "../src/modules/authz/roles.ts";
import { caseFacts } from "../src/modules/incidents/case-rules.ts";
import { openIncidentDesk } from "../src/modules/incidents/incident-desk.ts";
import { incidentStats, openObligations } from "../src/modules/incidents/incident-stats.ts";
import { incidentQuerySchema } from "../src/modules/incidents/incidents.schemas.ts";
import { listIncidents } from "../src/modules/incidents/list-incidents.ts";
import {
	lockDueStamp,
	replaceReportDues,
	setDueStamp,
} from "../src/modules/incidents/report-dues.repository.ts";
import { rederiveTenantDues, reportDuesOf } from "../src/modules/incidents/report-dues.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { openRuntime } from "../src/runtime.ts";
import { fiscalYear } from "../src/shared/dates.ts";
import { makeTempDir, removeTempDir } from "./lib/processes.ts";
import { median } from "./lib/stats.ts";

const CASES = 100_000;
const UNITS = 40;
const YEARS = 5;
/** The last of the five fiscal years is the current one, with cases up to now only. */
const FIRST_YEAR = fiscalYear(new Date().toISOString()) - YEARS + 1;
const PG_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const samplesFlag = process.argv.find((arg) => arg.startsWith("--samples="));
const SAMPLES = samplesFlag ? Number(samplesFlag.slice("--samples=".length)) : 200;
const STATS_SAMPLES = Math.max(5, Math.round(SAMPLES / 10));

const STATES = ["closed", "closed", "closed", "closed", "recovered", "contained", "triaged"];
const CATEGORIES = ["unintentional", "unintentional", "intentional", "infrastructure", "other"];
const KINDS = ["personal", "sensitive", "ordinance_sensitive", "my_number"] as const;

function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

const HOUR = 3_600_000;
const japanDay = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 10);

/** A tenant with 40 units and 100,000 cases, their units and filings; returns ids to query. */
export async function seed(deps: AppDeps) {
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{
				slug: `bench-incidents-${randomBytes(3).toString("hex")}`,
				name: "ベンチ市",
				pack: "standard",
			},
		),
	);
	const system = systemActor(tenant.id, "bench");
	const units: string[] = [];
	await inTransaction(deps.db, async (tx) => {
		for (let i = 0; i < UNITS; i++) {
			const unit = await createOrgUnit(tx, system, {
				code: `bench-i${String(i).padStart(3, "0")}`,
				name: `ベンチ課 ${i}`,
				kind: "section",
				parentId: null,
			});
			units.push(unit.id);
		}
	});
	const desk = await openIncidentDesk(deps.db, system);
	const next = generator(11);
	const counters = new Map<number, number>();
	const today = japanDay(Date.now());
	let filings = 0;
	await inTransaction(deps.db, async (tx) => {
		for (let start = 0; start < CASES; start += 500) {
			const cases: IncidentTable[] = [];
			const links: IncidentUnitTable[] = [];
			const filed: IncidentFilingTable[] = [];
			for (let i = start; i < Math.min(CASES, start + 500); i++) {
				const year = FIRST_YEAR + Math.floor((i / CASES) * YEARS);
				const yearStart = Date.parse(`${year}-04-01T00:00:00+09:00`);
				const span = Math.min(364 * 24 * HOUR, Date.now() - 40 * 24 * HOUR - yearStart);
				const created = yearStart + Math.floor((next() * span) / HOUR) * HOUR;
				const number = (counters.get(year) ?? 0) + 1;
				counters.set(year, number);
				const reported = next() < 0.03;
				const rejected = !reported && next() < 0.05;
				const state = reported
					? "reported"
					: rejected
						? "rejected"
						: (STATES[Math.floor(next() * STATES.length)] ?? "closed");
				const triaged = state === "reported" ? null : created + (1 + next() * 72) * HOUR;
				const closed =
					state === "closed" || state === "rejected"
						? (triaged ?? created) + (1 + next() * 30 * 24) * HOUR
						: null;
				const personal = next() < 0.4;
				const kinds = personal ? KINDS.filter((_, k) => (k === 0 ? true : next() < 0.08)) : [];
				const people = personal ? Math.floor(next() ** 3 * 400) : 0;
				const at = new Date(created).toISOString();
				const row: IncidentTable = {
					id: randomUUID(),
					tenant_id: tenant.id,
					reference: `INC-${year}-${String(number).padStart(5, "0")}`,
					source: "staff",
					reporter_id: null,
					reporter_label: `職員 ${i % 997}`,
					title: `事案 ${i}`,
					what_happened: "ベンチ用の事案。USBメモリの紛失、誤送信など。",
					noticed_at: at,
					known_on: japanDay(created),
					personal_data_suspected: personal,
					state,
					category: state === "reported" ? null : (CATEGORIES[i % CATEGORIES.length] ?? null),
					severity: state === "reported" ? null : 1 + Math.floor(next() ** 2 * 3),
					priority: state === "reported" ? null : 1 + Math.floor(next() * 3),
					people,
					data_kinds: JSON.stringify(kinds),
					wrongful_intent: next() < 0.03,
					financial_damage_risk: next() < 0.03,
					encrypted: next() < 0.2,
					published_online: false,
					network_system: false,
					prevention: state === "closed" ? "再発防止策（ベンチ）" : null,
					reject_reason: rejected ? "インシデントではない" : null,
					cause: null,
					secondary_damage: null,
					response_to_people: null,
					public_announcement: null,
					version: 3,
					created_at: at,
					updated_at: new Date(closed ?? triaged ?? created).toISOString(),
					triaged_at: triaged === null ? null : new Date(triaged).toISOString(),
					closed_at: closed === null ? null : new Date(closed).toISOString(),
					fiscal_year: year,
					unit_count: 1,
					triage_hours: triaged === null ? null : (triaged - created) / HOUR,
					close_hours: closed === null || state !== "closed" ? null : (closed - created) / HOUR,
					source_ref: null,
				};
				cases.push(row);
				const first = units[i % UNITS] ?? "";
				links.push({
					tenant_id: tenant.id,
					incident_id: row.id,
					org_unit_id: first,
					reported_at: at,
				});
				if (next() < 0.25) {
					const second = units[(i * 7 + 3) % UNITS] ?? "";
					if (second !== first) {
						row.unit_count = 2;
						links.push({
							tenant_id: tenant.id,
							incident_id: row.id,
							org_unit_id: second,
							reported_at: at,
						});
					}
				}
				// Most owed reports are filed (on time, some late); a few stay open.
				if (state !== "rejected") {
					for (const obligation of desk.rules.assess(caseFacts(row))) {
						if (!obligation.required) continue;
						for (const stage of ["preliminary", "final"] as const) {
							const deadline = obligation[stage];
							if (!deadline || next() < 0.02) continue;
							const late = next() < 0.1 ? 3 : -1;
							const due = Date.parse(`${deadline.due}T00:00:00Z`);
							const filedOn = new Date(due + late * 24 * HOUR).toISOString().slice(0, 10);
							if (filedOn > today) continue;
							filed.push({
								id: randomUUID(),
								tenant_id: tenant.id,
								incident_id: row.id,
								obligation_code: obligation.code,
								stage,
								filed_on: filedOn,
								reference: null,
								recorded_by: "bench",
								recorded_by_label: "ベンチ",
								recorded_at: at,
							});
						}
					}
				}
			}
			await tx.insertInto("incidents").values(cases).execute();
			await tx.insertInto("incident_units").values(links).execute();
			if (filed.length > 0) await tx.insertInto("incident_filings").values(filed).execute();
			filings += filed.length;
			// The dues the use cases keep with each case (report-dues.ts), from the same rules.
			await replaceReportDues(
				tx,
				tenant.id,
				cases.map((row) => ({
					id: row.id,
					fiscalYear: row.fiscal_year,
					dues: reportDuesOf(
						desk.rules,
						row,
						filed.filter((f) => f.incident_id === row.id),
					),
				})),
			);
		}
		await tx
			.insertInto("incident_counters")
			.values(
				[...counters].map(([year, last]) => ({
					tenant_id: tenant.id,
					fiscal_year: year,
					last_number: last,
				})),
			)
			.execute();
		await lockDueStamp(tx, tenant.id, new Date().toISOString());
		await setDueStamp(tx, tenant.id, desk.rules.stamp, new Date().toISOString());
	});
	return { tenantId: tenant.id, units, filings };
}

const LIST_QUERIES: { label: string; query: Record<string, string>; manager?: true }[] = [
	{ label: "all, newest first", query: {} },
	{ label: "state = open (not closed or rejected)", query: { state: "open" } },
	{ label: "state = closed", query: { state: "closed" } },
	{ label: "severity = 3", query: { severity: "3" } },
	{ label: "one unit", query: { unitId: "UNIT" } },
	{ label: "state = triaged + severity = 3", query: { state: "triaged", severity: "3" } },
	{
		label: "state = closed + severity = 2 + one unit",
		query: { state: "closed", severity: "2", unitId: "UNIT" },
	},
	{
		label: "state = open + severity = 3 + one unit",
		query: { state: "open", severity: "3", unitId: "UNIT" },
	},
	{ label: "a unit's manager: their cases", query: {}, manager: true },
	{
		label: "a unit's manager: state = closed + severity = 1",
		query: { state: "closed", severity: "1" },
		manager: true,
	},
];

async function listTimes(deps: AppDeps, tenantId: string, unitId: string) {
	const csirt: Actor = {
		tenantId,
		accountId: "bench-csirt",
		label: "CSIRT",
		roles: [{ role: "csirt", orgUnitId: null }],
		ip: null,
	};
	const manager: Actor = {
		tenantId,
		accountId: "bench-manager",
		label: "課長",
		roles: [{ role: "section_manager", orgUnitId: unitId }],
		ip: null,
	};
	const desks = {
		csirt: await openIncidentDesk(deps.db, csirt),
		manager: await openIncidentDesk(deps.db, manager),
	};
	const lines: string[] = [];
	for (const { label, query, manager: asManager } of LIST_QUERIES) {
		const parsed = incidentQuerySchema.parse({
			...query,
			...(query.unitId ? { unitId } : {}),
			limit: "50",
		});
		const desk = asManager ? desks.manager : desks.csirt;
		const times: number[] = [];
		let total = 0;
		for (let i = 0; i < SAMPLES + 10; i++) {
			const t0 = performance.now();
			const result = await listIncidents(deps.db, desk, parsed);
			if (i >= 10) times.push(performance.now() - t0);
			total = result.total;
		}
		lines.push(
			`| ${label} | ${total.toLocaleString("en")} | ${median(times).toFixed(1)} | ${p95(times).toFixed(1)} | ${p95(times) < 50 ? "yes" : "**no**"} |`,
		);
	}
	const statsLines: string[] = [];
	const timed = async (label: string, run: () => Promise<string>) => {
		const times: number[] = [];
		let detail = "";
		for (let i = 0; i < STATS_SAMPLES + 2; i++) {
			const t0 = performance.now();
			detail = await run();
			if (i >= 2) times.push(performance.now() - t0);
		}
		statsLines.push(
			`| ${label} (${detail}) | ${median(times).toFixed(1)} | ${p95(times).toFixed(1)} | ${p95(times) < 100 ? "yes" : "**no**"} |`,
		);
	};
	for (const year of [FIRST_YEAR + YEARS - 1, FIRST_YEAR]) {
		await timed(`a year's figures, FY${year}`, async () => {
			const stats = await incidentStats(deps, desks.csirt, { fiscalYear: year });
			return `${stats.total.toLocaleString("en")} cases`;
		});
	}
	await timed("reports owed and not filed, every year", async () => {
		const open = await openObligations(deps, desks.csirt);
		return `${open.total} owed`;
	});
	// What the job queued by the first read of the figures after the rules changed (a new pack
	// version, the tenant's preliminary days) does: every case's dues derived again, once, a
	// thousand cases per transaction, off the page request.
	await deps.db
		.deleteFrom("incident_report_due_stamps")
		.where("tenant_id", "=", tenantId)
		.execute();
	await timed("reports owed and not filed, while the dues are recalculated", async () => {
		const open = await openObligations(deps, desks.csirt);
		return `${open.total} owed${open.recalculating ? ", recalculating" : ""}`;
	});
	const t0 = performance.now();
	const derived = await rederiveTenantDues(deps, desks.csirt.rules, tenantId);
	const rederive = `Deriving the report dues of all ${derived.toLocaleString("en")} cases again (once, by the scheduler's job after the tenant's rules changed; the reads meanwhile stay fast): ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
	return { lines, statsLines, rederive };
}

async function measure(deps: AppDeps, engine: string): Promise<string[]> {
	const t0 = performance.now();
	const seeded = await seed(deps);
	const seedSeconds = (performance.now() - t0) / 1000;
	if (engine === "PostgreSQL") {
		// What autovacuum does soon after a bulk load: statistics for the plans, and the visibility
		// map that lets counts read the indexes alone.
		for (const table of ["incidents", "incident_units", "incident_filings"]) {
			await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(deps.db);
		}
	}
	const { lines, statsLines, rederive } = await listTimes(
		deps,
		seeded.tenantId,
		seeded.units[7] ?? "",
	);
	return [
		`${engine}: ${CASES.toLocaleString("en")} cases and ${seeded.filings.toLocaleString("en")} filings written in ${seedSeconds.toFixed(1)} s.`,
		"",
		`| ${engine}: case list, page of 50 | matching | median ms | p95 ms | under 50 ms |`,
		"| --- | ---: | ---: | ---: | :---: |",
		...lines,
		"",
		`| ${engine}: dashboard | median ms | p95 ms | under 100 ms |`,
		"| --- | ---: | ---: | :---: |",
		...statsLines,
		"",
		rederive,
	];
}

async function sqliteSection(): Promise<string[]> {
	const dir = makeTempDir("mamori-bench-incidents-");
	try {
		const runtime = await openRuntime({ ...loadConfig({}), dataDir: dir, databaseUrl: undefined });
		try {
			return await measure(runtime, "SQLite");
		} finally {
			await runtime.close();
		}
	} finally {
		removeTempDir(dir);
	}
}

async function postgresSection(): Promise<string[]> {
	const name = `mamori_bench_${randomBytes(4).toString("hex")}`;
	const admin = new pg.Client({ connectionString: PG_URL });
	try {
		await admin.connect();
	} catch (error) {
		return [
			`PostgreSQL at ${new URL(PG_URL).host} not reachable (${(error as Error).message}): skipped.`,
		];
	}
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(PG_URL);
	url.pathname = `/${name}`;
	const dir = makeTempDir("mamori-bench-incidents-pg-");
	try {
		const runtime = await openRuntime({
			...loadConfig({}),
			dataDir: dir,
			databaseUrl: url.toString(),
		});
		try {
			return await measure(runtime, "PostgreSQL");
		} finally {
			await runtime.close();
		}
	} finally {
		removeTempDir(dir);
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}

/** The section's markdown: both engines, list pages and dashboard figures. */
export async function runIncidentCasesBench(): Promise<string> {
	return [
		"## Incident cases: the list and the dashboard",
		"",
		`${CASES.toLocaleString("en")} generated cases over ${YEARS} fiscal years (FY${FIRST_YEAR}–FY${FIRST_YEAR + YEARS - 1}) in one tenant, ${UNITS} units (a quarter of the cases concern two), 40 % with personal data; the reports they owe are filed for most of them. A page of 50 (\`listIncidents\`: the page and its total), ${SAMPLES} samples after 10 warm-ups; the dashboard's figures (\`incidentStats\`, a fiscal year's; \`openObligations\`, every year's), ${STATS_SAMPLES} samples after 2.`,
		"",
		...(await sqliteSection()),
		"",
		...(await postgresSection()),
	].join("\n");
}

if (import.meta.main) {
	console.log(await runIncidentCasesBench());
}
