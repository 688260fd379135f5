import { DatabaseSync, type SQLOutputValue } from "node:sqlite";
import pg from "pg";
import { openDatabase } from "../../db/connection.ts";
import { migrateTo } from "../../db/migrate.ts";
import { pgTables, quoteIdent } from "./database-snapshot.ts";

const MIGRATOR_TABLES = new Set(["mamori_migrations", "mamori_migrations_lock"]);
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMS = 30_000;
const MAX_BATCH_ROWS = 1000;

interface Column {
	name: string;
	type: string;
}

interface ForeignKey {
	table: string;
	column: string;
	references: string;
	referencedColumn: string;
}

async function foreignKeys(client: pg.Client): Promise<ForeignKey[]> {
	const { rows } = await client.query<ForeignKey>(
		`SELECT cl.relname AS table, a.attname AS column, rcl.relname AS references, ra.attname AS "referencedColumn"
		 FROM pg_constraint c
		 JOIN pg_class cl ON cl.oid = c.conrelid
		 JOIN pg_class rcl ON rcl.oid = c.confrelid
		 JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = current_schema()
		 JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, rcol) ON true
		 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
		 JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.rcol
		 WHERE c.contype = 'f'`,
	);
	return rows;
}

/** Tables ordered so that each comes after every table it references (self-references aside). */
export function foreignKeyOrder(tables: string[], keys: ForeignKey[]): string[] {
	const ordered: string[] = [];
	const state = new Map<string, "visiting" | "done">();
	const visit = (table: string) => {
		if (state.get(table) === "done") return;
		if (state.get(table) === "visiting")
			throw new Error(`foreign keys form a cycle through ${table}`);
		state.set(table, "visiting");
		for (const key of keys) {
			if (key.table === table && key.references !== table && tables.includes(key.references)) {
				visit(key.references);
			}
		}
		state.set(table, "done");
		ordered.push(table);
	};
	for (const table of [...tables].sort()) visit(table);
	return ordered;
}

function convert(value: SQLOutputValue, type: string): unknown {
	if (value === null) return null;
	if (type === "boolean") return Number(value) !== 0;
	if (type === "bytea")
		return value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(String(value));
	if (typeof value === "bigint") return value.toString();
	return value;
}

/** Rows of a self-referencing table, parents before their children. */
function parentsFirst(
	rows: Record<string, SQLOutputValue>[],
	selfKeys: ForeignKey[],
): Record<string, SQLOutputValue>[] {
	if (selfKeys.length === 0) return rows;
	const ordered: Record<string, SQLOutputValue>[] = [];
	const placed = selfKeys.map(() => new Set<unknown>());
	let pending = rows;
	while (pending.length > 0) {
		const next: Record<string, SQLOutputValue>[] = [];
		for (const row of pending) {
			const ready = selfKeys.every((key) => {
				const parent = row[key.column];
				return (
					parent === null || parent === undefined || placed[selfKeys.indexOf(key)]?.has(parent)
				);
			});
			if (ready) {
				ordered.push(row);
				selfKeys.forEach((key, i) => {
					placed[i]?.add(row[key.referencedColumn]);
				});
			} else next.push(row);
		}
		if (next.length === pending.length) {
			// A parent outside the table (or a cycle): let the constraint say so.
			ordered.push(...next);
			break;
		}
		pending = next;
	}
	return ordered;
}

/**
 * Restore a SQLite backup into an empty PostgreSQL database: migrate it to the backup's schema,
 * then copy every table, in foreign-key order, in batches, inside one transaction, and move every
 * sequence past the rows copied. The logical content moves; nothing of SQLite's file does.
 */
export async function copySqliteIntoPostgres(
	sqlitePath: string,
	databaseUrl: string,
	schemaVersion: string,
): Promise<void> {
	const handle = openDatabase({ databaseUrl, dataDir: "." });
	try {
		await migrateTo(handle, schemaVersion);
	} finally {
		await handle.db.destroy();
	}
	const source = new DatabaseSync(sqlitePath, { readOnly: true });
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		await client.query("BEGIN");
		const tables = (await pgTables(client)).filter((t) => !MIGRATOR_TABLES.has(t));
		const keys = await foreignKeys(client);
		const { rows: columnRows } = await client.query<{
			table: string;
			name: string;
			type: string;
			def: string | null;
		}>(
			`SELECT table_name AS table, column_name AS name, data_type AS type, column_default AS def
			 FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY ordinal_position`,
		);
		for (const table of foreignKeyOrder(tables, keys)) {
			const sourceColumns = new Set(
				(source.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string }[]).map(
					(c) => c.name,
				),
			);
			if (sourceColumns.size === 0) continue;
			const columns: Column[] = columnRows
				.filter((c) => c.table === table && sourceColumns.has(c.name))
				.map((c) => ({ name: c.name, type: c.type }));
			const selfKeys = keys.filter((k) => k.table === table && k.references === table);
			const select = source.prepare(
				`SELECT ${columns.map((c) => quoteIdent(c.name)).join(", ")} FROM ${quoteIdent(table)}`,
			);
			const batchRows = Math.max(
				1,
				Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMS / columns.length)),
			);
			const insert = async (batch: Record<string, SQLOutputValue>[]) => {
				if (batch.length === 0) return;
				const values: unknown[] = [];
				const tuples = batch.map((row) => {
					const marks = columns.map((c) => {
						values.push(convert(row[c.name] ?? null, c.type));
						return `$${values.length}`;
					});
					return `(${marks.join(", ")})`;
				});
				await client.query(
					`INSERT INTO ${quoteIdent(table)} (${columns.map((c) => quoteIdent(c.name)).join(", ")}) VALUES ${tuples.join(", ")}`,
					values,
				);
			};
			if (selfKeys.length > 0) {
				const all = parentsFirst(select.all() as Record<string, SQLOutputValue>[], selfKeys);
				for (let i = 0; i < all.length; i += batchRows) await insert(all.slice(i, i + batchRows));
			} else {
				let batch: Record<string, SQLOutputValue>[] = [];
				for (const row of select.iterate() as Iterable<Record<string, SQLOutputValue>>) {
					batch.push(row);
					if (batch.length === batchRows) {
						await insert(batch);
						batch = [];
					}
				}
				await insert(batch);
			}
			for (const column of columnRows.filter(
				(c) => c.table === table && c.def?.startsWith("nextval("),
			)) {
				await client.query(
					`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quoteIdent(column.name)}) FROM ${quoteIdent(table)}), 0) + 1, false)`,
					[table, column.name],
				);
			}
		}
		await client.query("COMMIT");
	} catch (error) {
		await client.query("ROLLBACK").catch(() => {});
		throw error;
	} finally {
		await client.end();
		source.close();
	}
}
