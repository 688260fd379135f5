/**
 * Third parties: 業務委託 at scale. One tenant (the standard pack, 40 units) with 2,000 contractors,
 * 5,000 ledger assets and 10,000 contracts handling one to three assets each (their clauses a
 * random part of the pack's checklist, the gaps stored as the use cases store them). Measured on
 * SQLite and PostgreSQL through the HTTP app (a session cookie, the route, its JSON): every list
 * page with its filters, as the CISO sees it (every contract) and as a unit's manager; target p95
 * under 50 ms. And the clause-gap check of all contracts (`computeClauseGaps`: every contract's
 * assets and clauses read and checked against the pack; `checkAllClauses` also stores the changes
 * and the audit event); target under 1 s.
 *
 * The section is a list of parts (`PARTS`): another part (cloud services) appends its own lines.
 *
 * Run alone: `node bench/third-parties.ts [--samples=N]`
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { systemActor } from "../src/bootstrap.ts";
import type {
	AssetTable,
	ContractAssetTable,
	ContractorTable,
	ContractTable,
} from "../src/db/schema.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import { createApp } from "../src/http/app.ts";
import { updateAccount } from "../src/modules/accounts/accounts.repository.ts";
import { assignRole } from "../src/modules/accounts/assign-role.ts";
import { createAccount } from "../src/modules/accounts/create-account.ts";
import { assetSearchText } from "../src/modules/assets/assets.repository.ts";
import { classificationOf } from "../src/modules/assets/classification.ts";
import { insertSession } from "../src/modules/auth/sessions.repository.ts";
import type { Role } from "../src/modules/authz/roles.ts";
import { checkAllClauses, computeClauseGaps } from "../src/modules/contracts/clause-check.ts";
import { contractClausesOf } from "../src/modules/contracts/contract-clauses.ts";
import { openContractDesk } from "../src/modules/contracts/contract-desk.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { runCloudServicesBench } from "./cloud-services.ts";
import { onPostgres, onSqlite } from "./lib/engines.ts";
import { median } from "./lib/stats.ts";

const CONTRACTS = 10_000;
const CONTRACTORS = 2_000;
const ASSETS = 5_000;
const UNITS = 40;
const LIST_TARGET_MS = 50;
const CHECK_TARGET_MS = 1_000;
const CHECK_ROUNDS = 5;
const samplesFlag = process.argv.find((arg) => arg.startsWith("--samples="));
const SAMPLES = samplesFlag ? Number(samplesFlag.slice("--samples=".length)) : 100;

/** Confidentiality levels of the standard pack's default scheme, weighted towards the lower ones. */
const LEVELS = [
	["C3A", "I2", "A2"],
	["C3B", "I2", "A2"],
	["C2", "I2", "A2"],
	["C2", "I1", "A1"],
	["C1", "I2", "A1"],
	["C1", "I1", "A1"],
];

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

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
}

interface Seeded {
	tenantId: string;
	units: string[];
	contractorId: string;
	fill: number;
}

/** The tenant, its units, contractors, assets and contracts, written with multi-row INSERTs. */
async function seed(deps: AppDeps): Promise<Seeded> {
	const started = performance.now();
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{
				slug: `bench-contracts-${randomBytes(3).toString("hex")}`,
				name: "ベンチ市",
				pack: "standard",
			},
		),
	);
	const system = systemActor(tenant.id, "bench");
	const units: { id: string; code: string }[] = [];
	await inTransaction(deps.db, async (tx) => {
		for (let i = 0; i < UNITS; i++) {
			const code = `bench-k${String(i).padStart(3, "0")}`;
			const unit = await createOrgUnit(tx, system, {
				code,
				name: `ベンチ課 ${i}`,
				kind: "section",
				parentId: null,
			});
			units.push({ id: unit.id, code });
		}
	});
	const desk = await openContractDesk(deps.db, system);
	const codes = contractClausesOf(desk.pack).map((clause) => clause.code);
	const next = generator(17);
	const at = new Date().toISOString();
	const contractors: ContractorTable[] = Array.from({ length: CONTRACTORS }, (_, i) => ({
		id: randomUUID(),
		tenant_id: tenant.id,
		code: `V${String(i).padStart(5, "0")}`,
		name: `ベンチ委託先株式会社 ${i}`,
		address: "佐賀市城内1-1-1",
		contact: null,
		notes: null,
		version: 1,
		created_at: at,
		updated_at: at,
	}));
	const assets: AssetTable[] = Array.from({ length: ASSETS }, (_, i) => {
		const levels = LEVELS[Math.floor(next() * LEVELS.length)] ?? ["C1", "I1", "A1"];
		const classification = classificationOf(desk.scheme, levels);
		const code = `A${String(i).padStart(6, "0")}`;
		const name = `ベンチ資産 ${i}`;
		return {
			id: randomUUID(),
			tenant_id: tenant.id,
			code,
			name,
			search_text: assetSearchText(code, name),
			kind: "systems",
			owner_unit_id: units[i % UNITS]?.id ?? "",
			manager_name: null,
			location: null,
			zone: "lgwan",
			scheme: classification.scheme,
			class_key: classification.key,
			class_rank: classification.rank,
			personal_data: "personal",
			retention: null,
			lifecycle: "in_use",
			related_system: null,
			notes: null,
			version: 1,
			created_by: "bench",
			created_at: at,
			updated_by: "bench",
			updated_at: at,
		};
	});
	const contracts: ContractTable[] = [];
	const links: ContractAssetTable[] = [];
	for (let i = 0; i < CONTRACTS; i++) {
		const id = randomUUID();
		const picked = new Set<AssetTable>();
		const count = 1 + Math.floor(next() * 3);
		for (let k = 0; k < count; k++) {
			const asset = assets[Math.floor(next() * ASSETS)];
			if (asset) picked.add(asset);
		}
		// Most contracts carry the whole checklist; some miss a clause or two, a few most of them.
		const roll = next();
		const clauses =
			roll < 0.7
				? codes
				: roll < 0.95
					? codes.filter(() => next() > 0.2)
					: codes.filter(() => next() > 0.8);
		const verdict = desk.check(
			[...picked].map((asset) => asset.class_key),
			clauses,
		);
		const ended = next() < 0.1;
		const year = 2020 + (i % 7);
		contracts.push({
			id,
			tenant_id: tenant.id,
			code: `K${year}-${String(i).padStart(5, "0")}`,
			title: `ベンチ業務委託 ${i}（システム運用保守）`,
			purpose: "システムの運用と保守",
			contractor_id: contractors[Math.floor(next() * CONTRACTORS)]?.id ?? "",
			owner_unit_id: units[i % UNITS]?.id ?? "",
			starts_on: `${year}-04-01`,
			ends_on: `${year + 1}-03-31`,
			clauses: JSON.stringify(clauses),
			top_level: verdict.topLevel,
			gaps: JSON.stringify(verdict.gaps),
			gap_count: verdict.gaps.length,
			state: ended ? "ended" : "active",
			end_kind: ended ? "erased" : null,
			ended_on: ended ? `${year + 1}-03-31` : null,
			end_note: null,
			end_file_name: null,
			end_media_type: null,
			end_size: null,
			end_sha256: null,
			end_content: null,
			ended_by_label: ended ? "ベンチ" : null,
			ended_at: ended ? at : null,
			created_by_label: "ベンチ",
			version: 1,
			created_at: at,
			updated_at: at,
		});
		for (const asset of picked)
			links.push({ tenant_id: tenant.id, contract_id: id, asset_id: asset.id });
	}
	await inTransaction(deps.db, async (tx) => {
		await inBatches(contractors, (batch) => tx.insertInto("contractors").values(batch).execute());
		await inBatches(assets, (batch) => tx.insertInto("assets").values(batch).execute());
		await inBatches(contracts, (batch) => tx.insertInto("contracts").values(batch).execute());
		await inBatches(links, (batch) => tx.insertInto("contract_assets").values(batch).execute());
	});
	if (deps.engine === "postgres") {
		// What autovacuum does soon after a bulk load (the test server runs with it off).
		for (const table of ["contractors", "assets", "contracts", "contract_assets"]) {
			await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(deps.db);
		}
	}
	return {
		tenantId: tenant.id,
		units: units.map((unit) => unit.id),
		contractorId: contracts[0]?.contractor_id ?? "",
		fill: performance.now() - started,
	};
}

/** An account holding `role` (for `unitId` when per unit) and an active session's cookie. */
async function sessionCookie(
	deps: AppDeps,
	tenantId: string,
	role: Role,
	unitId: string | null,
): Promise<string> {
	const system = systemActor(tenantId, "bench");
	return inTransaction(deps.db, async (tx) => {
		const { account } = await createAccount(tx, system, {
			username: `bench-${role}-${randomBytes(3).toString("hex")}`,
			displayName: "ベンチ 職員",
			email: null,
			worksInMynumber: false,
		});
		await updateAccount(tx, tenantId, account.id, {
			must_change_password: false,
			totp_secret: deps.secrets.seal("JBSWY3DPEHPK3PXP"),
			totp_enabled_at: new Date().toISOString(),
		});
		await assignRole(tx, system, account.id, { role, orgUnitId: unitId, validTo: null });
		const { token } = await insertSession(tx, {
			tenantId,
			accountId: account.id,
			stage: "active",
			ip: null,
			userAgent: "bench",
		});
		return `mamori_session=${token}`;
	});
}

interface ListQuery {
	label: string;
	path: string;
	manager?: true;
}

function listQueries(seeded: Seeded): ListQuery[] {
	const unit = seeded.units[3] ?? "";
	return [
		{ label: "contracts: all, by number", path: "/api/contracts" },
		{ label: "contracts: clause gaps", path: "/api/contracts?gaps=true" },
		{ label: "contracts: no gaps", path: "/api/contracts?gaps=false" },
		{ label: "contracts: ended", path: "/api/contracts?state=ended" },
		{
			label: "contracts: one contractor",
			path: `/api/contracts?contractorId=${seeded.contractorId}`,
		},
		{ label: "contracts: one unit", path: `/api/contracts?orgUnitId=${unit}` },
		{
			label: "contracts: clause gaps + one unit",
			path: `/api/contracts?gaps=true&orgUnitId=${unit}`,
		},
		{ label: "contracts: active + clause gaps", path: "/api/contracts?state=active&gaps=true" },
		{ label: "contracts: text search", path: `/api/contracts?q=${encodeURIComponent("保守")}` },
		{ label: "contracts: page 100 (offset 4,950)", path: "/api/contracts?offset=4950" },
		{
			label: "contracts: a unit's manager, their contracts",
			path: "/api/contracts",
			manager: true,
		},
		{
			label: "contracts: a unit's manager, clause gaps",
			path: "/api/contracts?gaps=true",
			manager: true,
		},
		{ label: "contractors: all, with contract counts", path: "/api/contractors" },
		{
			label: "contractors: text search",
			path: `/api/contractors?q=${encodeURIComponent("委託先")}`,
		},
	];
}

interface ListTiming {
	label: string;
	median: number;
	p95: number;
	total: number;
}

async function listTimings(deps: AppDeps, seeded: Seeded): Promise<ListTiming[]> {
	const app = createApp(deps);
	const ciso = await sessionCookie(deps, seeded.tenantId, "ciso", null);
	const manager = await sessionCookie(
		deps,
		seeded.tenantId,
		"section_manager",
		seeded.units[3] ?? null,
	);
	const timings: ListTiming[] = [];
	for (const query of listQueries(seeded)) {
		const cookie = query.manager ? manager : ciso;
		const get = async () => {
			const response = await app.request(query.path, { headers: { cookie } });
			const text = await response.text();
			if (response.status !== 200) throw new Error(`${query.path}: ${response.status} ${text}`);
			return JSON.parse(text) as { total: number };
		};
		let total = 0;
		for (let i = 0; i < 5; i++) total = (await get()).total; // warm-up
		const samples: number[] = [];
		for (let i = 0; i < SAMPLES; i++) {
			const started = performance.now();
			await get();
			samples.push(performance.now() - started);
		}
		timings.push({ label: query.label, median: median(samples), p95: p95(samples), total });
	}
	return timings;
}

interface CheckTiming {
	compute: number[];
	store: number[];
	contracts: number;
	withGaps: number;
}

async function checkTimings(deps: AppDeps, seeded: Seeded): Promise<CheckTiming> {
	const ciso = {
		tenantId: seeded.tenantId,
		accountId: "bench-ciso",
		label: "CISO",
		roles: [{ role: "ciso" as const, orgUnitId: null }],
		ip: null,
	};
	const desk = await openContractDesk(deps.db, ciso);
	let result = await computeClauseGaps(deps.db, seeded.tenantId, desk.check); // warm-up
	if (result.changes.length > 0) throw new Error("the stored gaps differ from the check's");
	const timing: CheckTiming = {
		compute: [],
		store: [],
		contracts: result.contracts,
		withGaps: result.withGaps,
	};
	for (let round = 0; round < CHECK_ROUNDS; round++) {
		let started = performance.now();
		result = await computeClauseGaps(deps.db, seeded.tenantId, desk.check);
		timing.compute.push(performance.now() - started);
		started = performance.now();
		await checkAllClauses(deps.db, await openContractDesk(deps.db, ciso));
		timing.store.push(performance.now() - started);
	}
	return timing;
}

interface EngineResult {
	seeded: Seeded;
	lists: ListTiming[];
	check: CheckTiming;
}

async function measureContracts(deps: AppDeps): Promise<EngineResult> {
	const seeded = await seed(deps);
	return {
		seeded,
		lists: await listTimings(deps, seeded),
		check: await checkTimings(deps, seeded),
	};
}

const ms = (value: number) => value.toFixed(1);
const yes = (met: boolean) => (met ? "met" : "NOT met");

function contractLines(engine: string, result: EngineResult | string): string[] {
	if (typeof result === "string") return [`| ${engine} | ${result} | | | | |`];
	const lines = result.lists.map(
		(t) =>
			`| ${engine} | ${t.label} | ${t.total.toLocaleString("en")} | ${ms(t.median)} | ${ms(t.p95)} | ${yes(t.p95 < LIST_TARGET_MS)} |`,
	);
	const { check } = result;
	const slowestCompute = Math.max(...check.compute);
	const slowestStore = Math.max(...check.store);
	lines.push(
		`| ${engine} | clause-gap check of all contracts (\`computeClauseGaps\`) | ${check.contracts.toLocaleString("en")} (${check.withGaps.toLocaleString("en")} with gaps) | ${ms(median(check.compute))} | ${ms(slowestCompute)} (slowest) | ${yes(slowestCompute < CHECK_TARGET_MS)} |`,
		`| ${engine} | the same through \`checkAllClauses\` (transaction, changes, audit event) | | ${ms(median(check.store))} | ${ms(slowestStore)} (slowest) | ${yes(slowestStore < CHECK_TARGET_MS)} |`,
		`| ${engine} | bulk fill (tenant, units, rows${engine === "PostgreSQL" ? ", VACUUM ANALYZE" : ""}) | | ${Math.round(result.seeded.fill).toLocaleString("en")} | | |`,
	);
	return lines;
}

/** Part 1: contractors and contracts. */
async function contractsPart(): Promise<string[]> {
	return [
		"### Contractors and contracts (業務委託)",
		"",
		`${CONTRACTS.toLocaleString("en")} contracts of ${CONTRACTORS.toLocaleString("en")} contractors in ${UNITS} units, each handling one to three of ${ASSETS.toLocaleString("en")} ledger assets (standard pack, confidentiality from 機密性1 to 3A); 70% carry the whole clause checklist, the rest miss some. List pages through the HTTP app with a session (50 rows, the total counted): ${SAMPLES} requests each after 5 warm-ups, as the CISO and as one unit's manager. The clause-gap check reads every active contract's assets and clauses and checks them against the pack: ${CHECK_ROUNDS} runs after a warm-up. On PostgreSQL the tables are VACUUM ANALYZEd after the bulk fill, as autovacuum soon would (the test server runs with it off).`,
		"",
		"| engine | what | rows | median ms | p95 ms | target |",
		"| --- | --- | ---: | ---: | ---: | :---: |",
		...contractLines("SQLite", await onSqlite(measureContracts)),
		...contractLines("PostgreSQL", await onPostgres(measureContracts)),
		"",
		`Targets: every list page p95 under ${LIST_TARGET_MS} ms; the clause-gap check of all contracts under ${CHECK_TARGET_MS.toLocaleString("en")} ms.`,
	];
}

/** The parts of the section, in order; each returns its markdown lines. */
/** The cloud service register's part: its own section text, one heading level down. */
async function servicesPart(): Promise<string[]> {
	const text = await runCloudServicesBench();
	return text.trimEnd().replace(/^## /, "### ").split("\n");
}

export const PARTS: (() => Promise<string[]>)[] = [contractsPart, servicesPart];

export async function runThirdPartiesBench(): Promise<string> {
	const lines = ["## Third parties", ""];
	for (const part of PARTS) lines.push(...(await part()), "");
	return lines.join("\n").trimEnd();
}

if (import.meta.main) {
	console.log(await runThirdPartiesBench());
}
