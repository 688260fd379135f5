/**
 * Cloud and external services: the register's list pages with 2,000 services in 40 units (target:
 * p95 under 50 ms per page of 50, on SQLite and PostgreSQL). Each sample is what the list route
 * does after authentication: open the caller's desk (the tenant's pack, their units) and read one
 * page with its total. On PostgreSQL the table is `VACUUM ANALYZE`d after the bulk fill, as
 * autovacuum would soon do (the test server runs with autovacuum off).
 *
 * Run alone: `node bench/zz-run-services.ts` (a throwaway runner; not registered in run.ts)
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { systemActor } from "../src/bootstrap.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import type { Actor } from "../src/modules/authz/roles.ts";
import { newServiceRow } from "../src/modules/cloud-services/change-cloud-service.ts";
import { openCloudDesk } from "../src/modules/cloud-services/cloud-desk.ts";
import {
	addMonths,
	CLOUD_SERVICE_KINDS,
	serviceFlags,
	storedFlags,
} from "../src/modules/cloud-services/cloud-rules.ts";
import type { CloudServiceRow } from "../src/modules/cloud-services/cloud-services.repository.ts";
import { insertCloudServices } from "../src/modules/cloud-services/cloud-services.repository.ts";
import { cloudServiceQuerySchema } from "../src/modules/cloud-services/cloud-services.schemas.ts";
import { listVisibleCloudServices } from "../src/modules/cloud-services/read-cloud-services.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { japanDate } from "../src/shared/dates.ts";
import { onPostgres, onSqlite } from "./lib/engines.ts";
import { median } from "./lib/stats.ts";

const SERVICES = 2_000;
const UNITS = 40;
const SAMPLES = 200;
const WARM_UP = 10;
const TARGET_MS = 50;

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

function generator(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

const STATES = [
	"draft",
	"requested",
	"approved",
	"in_use",
	"in_use",
	"in_use",
	"refused",
	"retired",
];
const LEVELS = ["C3A", "C3B", "C3C", "C2", "C1", "C1"];

/** A tenant of the standard pack with 40 units and 2,000 services in every state and class. */
async function seed(deps: AppDeps): Promise<{ tenantId: string; unitId: string }> {
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{
				slug: `bench-cloud-${randomBytes(3).toString("hex")}`,
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
				code: `bench-c${String(i).padStart(3, "0")}`,
				name: `ベンチ課 ${i}`,
				kind: "section",
				parentId: null,
			});
			units.push(unit.id);
		}
	});
	const desk = await openCloudDesk(deps.db, system);
	const next = generator(7);
	const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
	const today = japanDate(new Date());
	const rows: CloudServiceRow[] = [];
	for (let i = 0; i < SERVICES; i++) {
		const state = pick(STATES);
		const level = pick(LEVELS);
		const approved = state === "approved" || state === "in_use";
		const base = newServiceRow(
			desk,
			{
				code: `CS-${String(i + 1).padStart(5, "0")}`,
				name: `業務サービス ${i + 1}`,
				provider: `事業者 ${i % 120}`,
				kind: pick(CLOUD_SERVICE_KINDS),
				org_unit_id: units[i % UNITS] as string,
				purpose: "業務の効率化",
				data_description: "業務に関する情報",
				data_level: level,
				ismap: next() < 0.7 ? "ismap" : next() < 0.5 ? "ismap_liu" : "none",
				data_location: next() < 0.85 ? "japan" : "overseas",
				location_detail: "",
				sla_uptime: "99.9%",
				sla_recovery: "4時間",
				backups: next() < 0.8 ? 1 : 0,
				notes: "",
				next_review_on: addMonths(today, Math.floor(next() * 24) - 6),
			},
			new Date().toISOString(),
		);
		const row = {
			...base,
			state,
			// One approval in ten is below the data now stored: flagged.
			approved_max_level: approved ? (next() < 0.1 ? "C1" : level) : null,
		};
		rows.push({ ...row, ...storedFlags(serviceFlags(desk.scale, row, today)) });
	}
	await inTransaction(deps.db, (tx) => insertCloudServices(tx, rows));
	return { tenantId: tenant.id, unitId: units[3] as string };
}

const QUERIES: { label: string; query: Record<string, string>; unit?: true }[] = [
	{ label: "first page, no filter", query: {} },
	{ label: "page 20 (offset 950)", query: { offset: "950" } },
	{ label: "state = in_use", query: { state: "in_use" } },
	{ label: "flagged only", query: { flagged: "true" } },
	{ label: "kind = saas + state = approved", query: { kind: "saas", state: "approved" } },
	{ label: "one unit", query: {}, unit: true },
	{ label: "search 事業者 1", query: { q: "事業者 1" } },
];

async function measure(deps: AppDeps, engine: string): Promise<string[]> {
	const { tenantId, unitId } = await seed(deps);
	if (engine === "PostgreSQL") await sql`VACUUM ANALYZE cloud_services`.execute(deps.db);
	const actor: Actor = {
		tenantId,
		accountId: "bench-reader",
		label: "統括",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
	const lines: string[] = [];
	for (const { label, query, unit } of QUERIES) {
		const parsed = cloudServiceQuerySchema.parse({
			...query,
			...(unit ? { orgUnitId: unitId } : {}),
			limit: "50",
		});
		const times: number[] = [];
		let total = 0;
		for (let i = 0; i < SAMPLES + WARM_UP; i++) {
			const started = performance.now();
			const desk = await openCloudDesk(deps.db, actor);
			const page = await listVisibleCloudServices(deps.db, desk, parsed);
			if (i >= WARM_UP) times.push(performance.now() - started);
			total = page.total;
		}
		const slow = p95(times);
		lines.push(
			`| ${engine} | ${label} | ${total.toLocaleString("en")} | ${median(times).toFixed(1)} | ${slow.toFixed(1)} | ${slow < TARGET_MS ? "yes" : "**no**"} |`,
		);
	}
	return lines;
}

export async function runCloudServicesBench(): Promise<string> {
	const lines = [
		"## Cloud and external services: list pages",
		"",
		`${SERVICES.toLocaleString("en")} services of the standard pack in ${UNITS} units, in every state, kind and class (one approval in ten below the data now stored, so flagged). Each sample is what the list route does after authentication: open the caller's desk (pack and units) and read a page of 50 with its total, as the 統括. ${SAMPLES} samples after ${WARM_UP} warm-up calls. On PostgreSQL the table is VACUUM ANALYZEd after the bulk fill (the test server runs with autovacuum off).`,
		"",
		"| engine | list page | matching | median ms | p95 ms | p95 under 50 ms |",
		"| --- | --- | ---: | ---: | ---: | :---: |",
	];
	lines.push(...(await onSqlite((deps) => measure(deps, "SQLite"))));
	const pgLines = await onPostgres((deps) => measure(deps, "PostgreSQL"));
	if (typeof pgLines === "string") lines.push(`| PostgreSQL | ${pgLines} | | | | |`);
	else lines.push(...pgLines);
	return `${lines.join("\n")}\n`;
}
