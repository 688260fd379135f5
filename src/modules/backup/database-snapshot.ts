import { spawn } from "node:child_process";
import { join } from "node:path";
import { DatabaseSync, backup as sqliteBackup } from "node:sqlite";
import pg from "pg";
import type { TenantHead } from "./backup-manifest.ts";

/** What a backup records about the database it copied, read in the copy's own snapshot. */
export interface SnapshotFacts {
	migrations: string[];
	tenants: TenantHead[];
	tables: Record<string, number>;
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Tables Mamori's migrator keeps for itself; restored with the rest, never counted. */
const MIGRATOR_TABLES = new Set(["mamori_migrations", "mamori_migrations_lock"]);

export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Read the schema version, every tenant's audit head and the rows per table through `query`. */
export async function readFacts(query: Query, tableNames: string[]): Promise<SnapshotFacts> {
	const migrations = (await query("SELECT name FROM mamori_migrations ORDER BY name")).map((r) =>
		String(r.name),
	);
	const tenants = (
		await query(
			"SELECT t.id, t.slug, h.seq, h.hash FROM tenants t LEFT JOIN audit_heads h ON h.tenant_id = t.id ORDER BY t.slug",
		)
	).map((r) => ({
		id: String(r.id),
		slug: String(r.slug),
		seq: r.seq === null || r.seq === undefined ? 0 : Number(r.seq),
		hash: r.hash === null || r.hash === undefined ? null : String(r.hash),
	}));
	const tables: Record<string, number> = {};
	for (const name of tableNames.filter((t) => !MIGRATOR_TABLES.has(t)).sort()) {
		const [row] = await query(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
		tables[name] = Number(row?.n ?? 0);
	}
	return { migrations, tenants, tables };
}

export function sqliteTables(db: DatabaseSync): string[] {
	return (
		db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
			.all() as { name: string }[]
	).map((r) => r.name);
}

/** The facts of a SQLite database file (a backup copy), opened read-only. */
export async function sqliteFacts(path: string): Promise<SnapshotFacts> {
	const db = new DatabaseSync(path, { readOnly: true });
	try {
		const query: Query = async (text) => db.prepare(text).all() as Record<string, unknown>[];
		return await readFacts(query, sqliteTables(db));
	} finally {
		db.close();
	}
}

/**
 * Copy the live SQLite database at `livePath` to `to` with SQLite's online backup (node:sqlite's
 * `backup`, which steps on the thread pool): one step over all pages, so writers of other
 * connections cannot force it to start over; WAL lets them go on writing meanwhile.
 */
export async function snapshotSqlite(livePath: string, to: string): Promise<SnapshotFacts> {
	const source = new DatabaseSync(livePath, { readOnly: true, timeout: 10_000 });
	try {
		await sqliteBackup(source, to, { rate: 2 ** 31 - 1 });
	} finally {
		source.close();
	}
	// A self-contained file: no WAL beside it.
	const copy = new DatabaseSync(to);
	try {
		copy.exec("PRAGMA journal_mode = DELETE");
	} finally {
		copy.close();
	}
	return sqliteFacts(to);
}

/** A connection string without its password, and the environment that carries the password. */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
	const parsed = new URL(url);
	const env: NodeJS.ProcessEnv = { ...process.env };
	if (parsed.password) {
		env.PGPASSWORD = decodeURIComponent(parsed.password);
		parsed.password = "";
	}
	return { dbname: parsed.toString(), env };
}

/** Where PostgreSQL's client programs are: `MAMORI_PG_BIN`, else the PATH. */
function pgTool(name: "pg_dump" | "pg_restore"): string {
	const dir = process.env.MAMORI_PG_BIN;
	return dir ? join(dir, name) : name;
}

/** Run one of PostgreSQL's own client programs; throws with its error output when it fails. */
export function runPgTool(
	name: "pg_dump" | "pg_restore",
	args: string[],
	env: NodeJS.ProcessEnv,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(pgTool(name), args, { env, stdio: ["ignore", "ignore", "pipe"] });
		let stderr = "";
		child.stderr.on("data", (chunk: Buffer) => {
			if (stderr.length < 8000) stderr += chunk.toString("utf8");
		});
		child.on("error", (error) =>
			reject(
				new Error(
					`${name} could not be started (${error.message}); install PostgreSQL's client programs (Debian: postgresql-client)`,
				),
			),
		);
		child.on("close", (code) => {
			if (code === 0) resolve();
			else
				reject(
					new Error(
						`${name} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`,
					),
				);
		});
	});
}

export async function pgTables(client: pg.ClientBase): Promise<string[]> {
	const { rows } = await client.query<{ name: string }>(
		"SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
	);
	return rows.map((r) => r.name);
}

export function pgQuery(client: pg.ClientBase): Query {
	return async (text) => (await client.query(text)).rows as Record<string, unknown>[];
}

/**
 * `pg_dump --format=custom` of the database at `url` into `to`, in a snapshot exported by a
 * transaction of ours, so the audit heads and counts read here are exactly those of the dump.
 */
export async function snapshotPostgres(url: string, to: string): Promise<SnapshotFacts> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
		const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
		const facts = await readFacts(pgQuery(client), await pgTables(client));
		const { dbname, env } = toolConnection(url);
		await runPgTool(
			"pg_dump",
			["--format=custom", `--snapshot=${rows[0]?.id}`, "--file", to, "--dbname", dbname],
			env,
		);
		await client.query("COMMIT");
		return facts;
	} finally {
		await client.end();
	}
}
