/**
 * People and places: training. 3,000 staff in 60 units × 20 courses of the fiscal year (60,000
 * assignments, about two thirds completed): the per-unit completion table (target: p95 under
 * 100 ms on SQLite and PostgreSQL), as the route computes it after authentication (open the
 * caller's desk, count per unit and per staff category by query over the live roster). The
 * baseline, measured in the same run, is the least the database can do for the same answer: one
 * count of the year's completed assignments, with no roster join and no grouping.
 *
 * The entry-log figures of 管理区域 live in bench/people-areas.ts (folded into this section).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { systemActor } from "../src/bootstrap.ts";
import type { AccountTable, StaffTable } from "../src/db/schema.ts";
import { inTransaction } from "../src/db/transaction.ts";
import type { AppDeps } from "../src/deps.ts";
import type { Actor } from "../src/modules/authz/roles.ts";
import { createOrgUnit } from "../src/modules/org/create-org-unit.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { completion } from "../src/modules/training/read-training.ts";
import type { AssignmentRow, CourseRow } from "../src/modules/training/training.repository.ts";
import { insertAssignments } from "../src/modules/training/training.repository.ts";
import { openTrainingDesk } from "../src/modules/training/training-desk.ts";
import { fiscalYear } from "../src/shared/dates.ts";
import { onPostgres, onSqlite } from "./lib/engines.ts";
import { median } from "./lib/stats.ts";

const STAFF = 3_000;
const UNITS = 60;
const COURSES = 20;
const SAMPLES = 100;
const WARM_UP = 10;
const TARGET_MS = 100;
const CATEGORIES = ["regular", "regular", "regular", "fiscal_year_appointed", "part_time"];

function p95(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

async function chunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
}

/** A tenant with 60 units, 3,000 staff (with accounts), 20 courses each owed by everyone. */
async function seed(deps: AppDeps): Promise<{ tenantId: string; year: number }> {
	const tenant = await inTransaction(deps.db, (tx) =>
		createTenant(
			tx,
			{ label: "bench", ip: null },
			{
				slug: `bench-people-${randomBytes(3).toString("hex")}`,
				name: "ベンチ市",
				pack: "standard",
			},
		),
	);
	const system = systemActor(tenant.id, "bench");
	const units: string[] = [];
	await inTransaction(deps.db, async (tx) => {
		for (let i = 0; i < UNITS; i++)
			units.push(
				(
					await createOrgUnit(tx, system, {
						code: `bench-p${String(i).padStart(3, "0")}`,
						name: `ベンチ課 ${i}`,
						kind: "section",
						parentId: null,
					})
				).id,
			);
	});
	const now = new Date().toISOString();
	const year = fiscalYear(now);
	const accounts: AccountTable[] = [];
	const staff: StaffTable[] = [];
	for (let i = 0; i < STAFF; i++) {
		const accountId = randomUUID();
		accounts.push({
			id: accountId,
			tenant_id: tenant.id,
			username: `bench-${i}`,
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
			password_changed_at: now,
			created_at: now,
			updated_at: now,
		});
		staff.push({
			id: randomUUID(),
			tenant_id: tenant.id,
			account_id: accountId,
			staff_number: `B${String(i).padStart(6, "0")}`,
			category: CATEGORIES[i % CATEGORIES.length] as string,
			org_unit_id: units[i % UNITS] as string,
			title: null,
			// One in 100 has left: counted nowhere.
			active: i % 100 !== 99,
			left_at: null,
			created_at: now,
			updated_at: now,
		});
	}
	const courses: CourseRow[] = Array.from({ length: COURSES }, (_, i) => ({
		id: randomUUID(),
		tenant_id: tenant.id,
		fiscal_year: year,
		title: `研修 ${i + 1}`,
		description: "",
		kind: i % 5 === 0 ? "e_learning" : "in_person",
		audience: "all_staff",
		due_on: `${year + 1}-03-31`,
		held_on: null,
		remind_days: 14,
		quiz: null,
		pass_mark: null,
		owner_account_id: "bench",
		owner_label: "bench",
		version: 1,
		created_at: now,
		updated_at: now,
	}));
	const assignments: AssignmentRow[] = [];
	let n = 0;
	for (const course of courses)
		for (const member of staff) {
			n++;
			const done = n % 3 !== 0;
			assignments.push({
				id: randomUUID(),
				tenant_id: tenant.id,
				course_id: course.id,
				staff_id: member.id,
				source: "audience",
				assigned_at: now,
				completed_at: done ? now : null,
				completed_via: done ? "manual" : null,
				recorded_by: null,
				recorded_by_label: null,
				reminded_for: null,
			});
		}
	await inTransaction(deps.db, async (tx) => {
		await chunked(accounts, (c) => tx.insertInto("accounts").values(c).execute());
		await chunked(staff, (c) => tx.insertInto("staff").values(c).execute());
		await tx.insertInto("training_courses").values(courses).execute();
		await insertAssignments(tx, assignments);
	});
	return { tenantId: tenant.id, year };
}

async function sample(run: () => Promise<unknown>): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < SAMPLES + WARM_UP; i++) {
		const started = performance.now();
		await run();
		if (i >= WARM_UP) times.push(performance.now() - started);
	}
	return times;
}

async function measure(deps: AppDeps, engine: string): Promise<string[]> {
	const { tenantId, year } = await seed(deps);
	if (engine === "PostgreSQL")
		for (const table of ["accounts", "staff", "training_courses", "training_assignments"])
			await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(deps.db);
	const actor: Actor = {
		tenantId,
		accountId: "bench-reader",
		label: "統括",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
	let units = 0;
	let owed = 0;
	const table = await sample(async () => {
		const desk = await openTrainingDesk(deps.db, actor);
		const figures = await completion(deps.db, desk, year, undefined);
		units = figures.units.length;
		owed = figures.total.owed;
	});
	const baseline = await sample(() =>
		deps.db
			.selectFrom("training_assignments as a")
			.innerJoin("training_courses as c", "c.id", "a.course_id")
			.select((eb) => eb.fn.count("a.completed_at").as("completed"))
			.where("c.tenant_id", "=", tenantId)
			.where("c.fiscal_year", "=", year)
			.executeTakeFirst(),
	);
	const row = (label: string, times: number[], target: boolean) => {
		const slow = p95(times);
		return `| ${engine} | ${label} | ${median(times).toFixed(1)} | ${slow.toFixed(1)} | ${target ? (slow < TARGET_MS ? "yes" : "**no**") : "—"} |`;
	};
	return [
		row(
			`completion per unit and category (${units} units, ${owed.toLocaleString("en")} owed)`,
			table,
			true,
		),
		row("baseline: one count of the year's completions", baseline, false),
	];
}

export async function runPeopleBench(): Promise<string> {
	const lines = [
		"## People and places: training completion",
		"",
		`${STAFF.toLocaleString("en")} staff (with accounts; one in 100 has left) in ${UNITS} units × ${COURSES} courses of the fiscal year, each owed by everyone (${(STAFF * COURSES).toLocaleString("en")} assignments, two in three completed). Each sample is what \`GET /api/training/completion\` does after authentication, as the 統括: open the caller's desk (the unit tree) and count owed and completed per unit and per staff category by query over the live roster (nothing cached). The baseline is one count of the year's completions without the roster join or grouping. ${SAMPLES} samples after ${WARM_UP} warm-up calls; on PostgreSQL the tables are VACUUM ANALYZEd after the bulk fill.`,
		"",
		"| engine | query | median ms | p95 ms | p95 under 100 ms |",
		"| --- | --- | ---: | ---: | :---: |",
	];
	lines.push(...(await onSqlite((deps) => measure(deps, "SQLite"))));
	const pgLines = await onPostgres((deps) => measure(deps, "PostgreSQL"));
	if (typeof pgLines === "string") lines.push(`| PostgreSQL | ${pgLines} | | | |`);
	else lines.push(...pgLines);
	return `${lines.join("\n")}\n`;
}
