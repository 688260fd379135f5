/**
 * Assurance, part 2: a self-inspection campaign of 3,000 respondents × 120 items (360,000
 * answers). Measured: the rate tables per unit, department and clause with the heat map
 * (`campaignRates`, target p95 < 200 ms), a respondent's open-items page (`getResponse`,
 * p95 < 50 ms) and the XLSX export of every answer (`exportCampaignXlsx`, < 10 s), on SQLite and
 * PostgreSQL. The fixture is written with bulk INSERTs (accounts, staff, the checklist), the
 * campaign opened through its use case (timed too), and the answers inserted in batches.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import { campaignRates } from "../src/modules/assurance/campaigns/campaign-rates.ts";
import { exportCampaignXlsx } from "../src/modules/assurance/campaigns/export-campaign.ts";
import { openCampaign } from "../src/modules/assurance/campaigns/open-campaign.ts";
import { getResponse } from "../src/modules/assurance/campaigns/read-campaigns.ts";
import type { Actor } from "../src/modules/authz/roles.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { japanDate } from "../src/shared/dates.ts";
import { median } from "./lib/stats.ts";

export const RESPONDENTS = 3_000;
export const ITEMS = 120;
const UNITS = 100;
const DEPARTMENTS = 10;
const BATCH = 1_000;

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

async function batches<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** The tenant, 10 departments of 10 sections, 3,000 staff and a checklist of 120 items. */
async function seed(deps: AppDeps) {
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{
				slug: `bench-campaign-${randomBytes(3).toString("hex")}`,
				name: "ベンチ市",
				pack: "standard",
			},
		),
	);
	const t = tenant.id;
	const at = new Date().toISOString();
	const departments = Array.from({ length: DEPARTMENTS }, (_, i) => ({
		id: randomUUID(),
		tenant_id: t,
		parent_id: null,
		code: `D${i}`,
		name: `第${i + 1}部`,
		kind: "department",
		display_order: i,
		created_at: at,
	}));
	const units = Array.from({ length: UNITS }, (_, i) => ({
		id: randomUUID(),
		tenant_id: t,
		parent_id: departments[i % DEPARTMENTS]?.id ?? null,
		code: `U${i}`,
		name: `第${i + 1}課`,
		kind: "section",
		display_order: i,
		created_at: at,
	}));
	const accounts = Array.from({ length: RESPONDENTS }, (_, i) => ({
		id: randomUUID(),
		tenant_id: t,
		username: `bench${i}`,
		display_name: `職員 ${i}`,
		email: null,
		password_hash: "x",
		must_change_password: false,
		works_in_mynumber: false,
		totp_secret: null,
		totp_enabled_at: null,
		totp_last_step: null,
		recovery_codes: null,
		disabled_at: null,
		password_changed_at: at,
		created_at: at,
		updated_at: at,
	}));
	const checklistId = randomUUID();
	const versionId = randomUUID();
	await inTransaction(deps.db, async (tx) => {
		await tx
			.insertInto("org_units")
			.values([...departments, ...units])
			.execute();
		await batches(accounts, (chunk) => tx.insertInto("accounts").values(chunk).execute());
		await batches(
			accounts.map((account, i) => ({
				id: randomUUID(),
				tenant_id: t,
				account_id: account.id,
				staff_number: `S${i}`,
				category: "regular",
				org_unit_id: units[i % UNITS]?.id ?? "",
				title: null,
				active: true,
				left_at: null,
				created_at: at,
				updated_at: at,
			})),
			(chunk) => tx.insertInto("staff").values(chunk).execute(),
		);
		await tx
			.insertInto("assurance_checklists")
			.values({
				id: checklistId,
				tenant_id: t,
				kind: "self_inspection",
				title: "ベンチ用 自己点検（120項目）",
				bundled_id: null,
				latest_version: 1,
				created_by: null,
				created_at: at,
				updated_at: at,
			})
			.execute();
		await tx
			.insertInto("assurance_checklist_versions")
			.values({
				id: versionId,
				tenant_id: t,
				checklist_id: checklistId,
				version: 1,
				title: "ベンチ用 自己点検（120項目）",
				description: null,
				source: "import",
				source_name: "bench.xlsx",
				item_count: ITEMS,
				created_by: null,
				created_at: at,
			})
			.execute();
		await tx
			.insertInto("assurance_checklist_items")
			.values(
				Array.from({ length: ITEMS }, (_, i) => ({
					id: randomUUID(),
					tenant_id: t,
					version_id: versionId,
					position: i + 1,
					number: `6(${(i % 9) + 1})-${i + 1}`,
					policy_clause: `6(${(i % 9) + 1})`,
					standards_chapter: null,
					question: `点検項目 ${i + 1}: 定められた対策を実施しているか。`,
					answerer: "all_staff",
					scale: "yes_no_na",
					levels: null,
					required: true,
					evidence: null,
					pack_ref: null,
				})),
			)
			.execute();
	});
	return { tenantId: t, checklistId, versionId, units, departments };
}

export interface CampaignTimings {
	open: number;
	fill: number;
	rates: number[];
	page: number[];
	xlsx: number[];
	answers: number;
}

/** Seed, open, answer every slot (one respondent in ten leaves 20 items open) and measure. */
export async function measureCampaign(deps: AppDeps): Promise<CampaignTimings> {
	const seeded = await seed(deps);
	const actor: Actor = {
		tenantId: seeded.tenantId,
		accountId: "bench",
		label: "ベンチ（統括）",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
	let started = performance.now();
	const campaign = await inTransaction(deps.db, (tx) =>
		openCampaign(tx, actor, {
			title: "ベンチ 自己点検",
			fiscalYear: 2026,
			checklistId: seeded.checklistId,
			version: 1,
			unitIds: seeded.departments.map((d) => d.id),
			includeSubUnits: true,
			dueOn: japanDate(new Date(Date.now() + 30 * 86_400_000)),
		}),
	);
	const open = performance.now() - started;
	started = performance.now();
	const respondents = await deps.db
		.selectFrom("assurance_campaign_respondents")
		.select(["id", "account_id", "org_unit_id"])
		.where("campaign_id", "=", campaign.id)
		.execute();
	const items = await deps.db
		.selectFrom("assurance_checklist_items")
		.select(["id", "policy_clause"])
		.where("version_id", "=", seeded.versionId)
		.orderBy("position")
		.execute();
	const at = new Date().toISOString();
	let answers = 0;
	for (const [index, r] of respondents.entries()) {
		const partial = index % 10 === 0;
		const given = partial ? items.slice(0, ITEMS - 20) : items;
		const rows = given.map((item, i) => {
			const answer = (index + i) % 17 === 0 ? "no" : (index + i) % 23 === 0 ? "na" : "yes";
			return {
				tenant_id: seeded.tenantId,
				campaign_id: campaign.id,
				respondent_id: r.id,
				item_id: item.id,
				org_unit_id: r.org_unit_id,
				clause: item.policy_clause ?? "-",
				answer,
				level_index: null,
				compliant: answer === "yes" ? 1 : answer === "no" ? 0 : null,
				submitted: partial ? 0 : 1,
				comment: null,
				evidence_name: null,
				evidence_media_type: null,
				evidence_size: null,
				evidence_sha256: null,
				evidence: null,
				answered_at: at,
			};
		});
		answers += rows.length;
		if (index % 25 === 0 || rows.length > 0) {
			await inTransaction(deps.db, async (tx) => {
				await batches(rows, (chunk) =>
					tx.insertInto("assurance_campaign_answers").values(chunk).execute(),
				);
				await tx
					.updateTable("assurance_campaign_respondents")
					.set({ answered_items: rows.length, submitted_at: partial ? null : at })
					.where("id", "=", r.id)
					.execute();
			});
		}
	}
	const fill = performance.now() - started;
	if (deps.engine === "postgres") {
		// What autovacuum does soon after a bulk load (the test server runs with it off): the
		// planner's statistics, and the visibility map that lets the rates read the index alone.
		for (const table of ["assurance_campaign_answers", "assurance_campaign_respondents"]) {
			await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(deps.db);
		}
	}
	const unitInfos = seeded.units.map((u) => ({
		unitId: u.id,
		unitName: u.name,
		departmentId: u.parent_id ?? u.id,
		departmentName: u.parent_id ?? u.id,
	}));
	const rates: number[] = [];
	await campaignRates(deps.db, campaign, unitInfos);
	for (let round = 0; round < 20; round++) {
		const t0 = performance.now();
		await campaignRates(deps.db, campaign, unitInfos);
		rates.push(performance.now() - t0);
	}
	const partial = respondents.filter((_, i) => i % 10 === 0);
	const page: number[] = [];
	for (let round = 0; round < 50; round++) {
		const r = partial[round % partial.length];
		if (!r) break;
		const me: Actor = {
			tenantId: seeded.tenantId,
			accountId: r.account_id,
			label: "x",
			roles: [],
			ip: null,
		};
		const t0 = performance.now();
		await getResponse(deps.db, me, r.id);
		page.push(performance.now() - t0);
	}
	const xlsx: number[] = [];
	for (let round = 0; round < 2; round++) {
		const t0 = performance.now();
		const file = await exportCampaignXlsx(deps.db, actor, campaign.id);
		xlsx.push(performance.now() - t0);
		if (file.body.length < 1000) throw new Error("empty export");
	}
	return { open, fill, rates, page, xlsx, answers };
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en")}`;

/** The markdown lines of one engine's figures. */
export function campaignLines(engine: string, t: CampaignTimings | string): string[] {
	if (typeof t === "string") return [`| ${engine} | ${t} | | | |`];
	const met = (value: number, target: number) => (value < target ? "met" : "NOT met");
	return [
		`| ${engine} | open the campaign (resolve 3,000 respondents, write their rows) | ${ms(t.open)} | — | |`,
		`| ${engine} | rate tables per unit, department, clause + heat map | ${ms(median(t.rates))} | ${ms(p95(t.rates))} | ${met(p95(t.rates), 200)} (200 ms) |`,
		`| ${engine} | a respondent's open-items page | ${ms(median(t.page))} | ${ms(p95(t.page))} | ${met(p95(t.page), 50)} (50 ms) |`,
		`| ${engine} | XLSX export of ${t.answers.toLocaleString("en")} answers | ${ms(median(t.xlsx))} | ${ms(Math.max(...t.xlsx))} | ${met(Math.max(...t.xlsx), 10_000)} (10 s) |`,
	];
}
