import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../src/db/connection.ts";

/** Row count and a hash of the sorted rows of one table. */
export interface TableDigest {
	rows: number;
	hash: string;
}

/** Table name → digest, for every table the scope covers. */
export type Snapshot = Record<string, TableDigest>;

/**
 * Tables without a `tenant_id` column, each classified by hand: `tenants` belongs to a tenant
 * through its `id`; the others are instance-wide. A table that is neither tenant-owned nor listed
 * here makes every snapshot throw, so a new module's table cannot slip out of the walk.
 */
const TENANT_KEY: Record<string, string> = { tenants: "id" };
const INSTANCE_TABLES = new Set([
	"instance_settings",
	// Scheduled backups and drills of the whole instance (modules/backup).
	"backup_runs",
	"mamori_migrations",
	"mamori_migrations_lock",
]);

/**
 * Columns left out of digests, with the reason: reading with a session touches `last_seen_at`
 * (at most once a minute, see resolve-session.ts), which is bookkeeping, not a change of data.
 */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = { sessions: ["last_seen_at"] };

/** Distinctive values of a tenant's rows, searched for in other tenants' responses. */
const MARKER_COLUMNS: Record<string, readonly string[]> = {
	tenants: ["id", "slug"],
	accounts: ["id", "username"],
	org_units: ["id", "code"],
	role_assignments: ["id"],
	sessions: ["id", "csrf_token"],
	audit_events: ["id", "hash"],
	incidents: ["id"],
	incident_tasks: ["id"],
	incident_evidence: ["id", "sha256"],
	drills: ["id"],
	assurance_checklists: ["id"],
	assurance_checklist_items: ["id"],
	findings: ["id"],
	finding_evidence: ["id"],
};

type Row = Record<string, unknown>;

async function tableColumns(db: Db): Promise<Map<string, string[]>> {
	const tables = await db.introspection.getTables();
	return new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

/** The column that names a table's tenant, or null for instance-wide tables. */
function tenantColumn(table: string, columns: readonly string[]): string | null {
	if (columns.includes("tenant_id")) return "tenant_id";
	const key = TENANT_KEY[table];
	if (key) return key;
	if (INSTANCE_TABLES.has(table)) return null;
	throw new Error(
		`table ${table} has no tenant_id and is not classified in tests/helpers/db-snapshot.ts`,
	);
}

async function rowsOf(db: Db, table: string, column: string | null, tenantId: string | null) {
	const where = column && tenantId ? sql` where ${sql.ref(column)} = ${tenantId}` : sql``;
	const result = await sql<Row>`select * from ${sql.table(table)}${where}`.execute(db);
	return result.rows;
}

function canonical(row: Row, volatile: readonly string[]): string {
	const keys = Object.keys(row)
		.filter((key) => !volatile.includes(key))
		.sort();
	return JSON.stringify(keys.map((key) => [key, String(row[key] ?? "\u0000null")]));
}

/**
 * Digest every table: all rows, or only the rows of one tenant (instance-wide tables are then
 * left out, being nobody's).
 *
 * @example
 * const before = await snapshot(db, tenantA.id); …; assertUnchanged(before, await snapshot(db, tenantA.id));
 */
export async function snapshot(db: Db, tenantId: string | null = null): Promise<Snapshot> {
	const result: Snapshot = {};
	for (const [table, columns] of await tableColumns(db)) {
		const column = tenantColumn(table, columns);
		if (tenantId && !column) continue;
		const lines = (await rowsOf(db, table, column, tenantId))
			.map((row) => canonical(row, VOLATILE_COLUMNS[table] ?? []))
			.sort();
		result[table] = {
			rows: lines.length,
			hash: createHash("sha256").update(lines.join("\n")).digest("hex"),
		};
	}
	return result;
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
	return Object.keys({ ...before, ...after }).filter(
		(table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
	);
}

/** Fail, naming the tables, when two snapshots differ. */
export function assertUnchanged(before: Snapshot, after: Snapshot, what: string): void {
	const changed = changedTables(before, after);
	assert.deepEqual(changed, [], `${what}: tables changed: ${changed.join(", ")}`);
}

/** Ids, user names, codes and hashes of a tenant's rows, as they are in the database now. */
export async function tenantMarkers(db: Db, tenantId: string): Promise<string[]> {
	const columnsByTable = await tableColumns(db);
	const markers = new Set<string>();
	for (const [table, wanted] of Object.entries(MARKER_COLUMNS)) {
		const columns = columnsByTable.get(table);
		if (!columns) throw new Error(`marker table ${table} does not exist`);
		for (const row of await rowsOf(db, table, tenantColumn(table, columns), tenantId)) {
			for (const column of wanted) {
				const value = row[column];
				if (typeof value === "string" && value.length >= 8) markers.add(value);
			}
		}
	}
	return [...markers];
}
