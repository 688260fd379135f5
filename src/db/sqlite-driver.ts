import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import {
	CompiledQuery,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	type QueryResult,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type TransactionSettings,
} from "kysely";

/**
 * Kysely dialect over Node's built-in `node:sqlite`.
 *
 * One connection per process, guarded by a mutex: SQLite serialises writers anyway, and a single
 * connection keeps transactions simple. Transactions start with `BEGIN IMMEDIATE` so that a second
 * process (the CLI while the server runs) waits for the write lock up front instead of failing
 * mid-way. That wait is asynchronous (retries of `BEGIN IMMEDIATE`), so a long CLI import does
 * not freeze the server's event loop; after `BUSY_WAIT_MS` it fails with SQLITE_BUSY, which the
 * fault classifier turns into `503 database_busy`.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new NodeSqliteDialect({ path: "./data/mamori.sqlite" }) });
 */
export class NodeSqliteDialect implements Dialect {
	readonly #path: string;
	constructor(options: { path: string }) {
		this.#path = options.path;
	}
	createAdapter() {
		return new SqliteAdapter();
	}
	createDriver(): Driver {
		return new NodeSqliteDriver(this.#path);
	}
	createQueryCompiler() {
		return new SqliteQueryCompiler();
	}
	createIntrospector(db: Kysely<unknown>) {
		return new SqliteIntrospector(db);
	}
}

class NodeSqliteDriver implements Driver {
	readonly #path: string;
	#db: DatabaseSync | undefined;
	#connection: NodeSqliteConnection | undefined;
	#lock: Promise<void> = Promise.resolve();

	constructor(path: string) {
		this.#path = path;
	}

	async init(): Promise<void> {
		const db = new DatabaseSync(this.#path);
		db.exec("PRAGMA journal_mode = WAL");
		db.exec("PRAGMA synchronous = NORMAL");
		db.exec("PRAGMA foreign_keys = ON");
		db.exec(`PRAGMA busy_timeout = ${BUSY_WAIT_MS}`);
		this.#db = db;
		this.#connection = new NodeSqliteConnection(db);
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		const previous = this.#lock;
		let release!: () => void;
		this.#lock = new Promise((resolve) => {
			release = resolve;
		});
		await previous;
		const connection = this.#connection;
		if (!connection) throw new Error("SQLite driver used before init");
		connection.release = release;
		return connection;
	}

	async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
		const db = this.#db;
		if (!db) throw new Error("SQLite driver used before init");
		const deadline = Date.now() + BUSY_WAIT_MS;
		// busy_timeout sleeps inside SQLite, blocking the whole process: ask without waiting and
		// wait here instead, on timers.
		db.exec("PRAGMA busy_timeout = 0");
		try {
			for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
				try {
					await connection.executeQuery(CompiledQuery.raw("BEGIN IMMEDIATE"));
					return;
				} catch (error) {
					if (!isBusy(error) || Date.now() + pause > deadline) throw error;
					await new Promise((resolve) => setTimeout(resolve, pause));
				}
			}
		} finally {
			db.exec(`PRAGMA busy_timeout = ${BUSY_WAIT_MS}`);
		}
	}
	async commitTransaction(connection: DatabaseConnection) {
		await connection.executeQuery(CompiledQuery.raw("COMMIT"));
	}
	async rollbackTransaction(connection: DatabaseConnection) {
		// SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
		// SQLITE_BUSY on commit…). A ROLLBACK then fails with "no transaction is active" and would
		// hide the real cause from the caller and the log.
		if (!this.#db?.isTransaction) return;
		await connection.executeQuery(CompiledQuery.raw("ROLLBACK"));
	}
	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		(connection as NodeSqliteConnection).release();
	}
	async destroy(): Promise<void> {
		this.#db?.close();
		this.#db = undefined;
	}
}

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_WAIT_MS = 5000;

function isBusy(error: unknown): boolean {
	const SQLITE_BUSY = 5;
	const errcode = (error as { errcode?: unknown } | null)?.errcode;
	return typeof errcode === "number" && (errcode & 0xff) === SQLITE_BUSY;
}

/** node:sqlite accepts neither booleans nor Dates; normalise them on the way in. */
function toSqliteValue(value: unknown): SQLInputValue {
	if (typeof value === "boolean") return value ? 1 : 0;
	if (value instanceof Date) return value.toISOString();
	if (value === undefined) return null;
	return value as SQLInputValue;
}

class NodeSqliteConnection implements DatabaseConnection {
	readonly #db: DatabaseSync;
	readonly #statements = new Map<string, { statement: StatementSync; returnsRows: boolean }>();
	release: () => void = () => {};

	constructor(db: DatabaseSync) {
		this.#db = db;
	}

	/** Prepared once per SQL text; `columns()` builds metadata objects, so it is asked once too. */
	#prepare(sql: string): { statement: StatementSync; returnsRows: boolean } {
		let prepared = this.#statements.get(sql);
		if (!prepared) {
			const statement = this.#db.prepare(sql);
			prepared = { statement, returnsRows: statement.columns().length > 0 };
			if (this.#statements.size > 500) this.#statements.clear();
			this.#statements.set(sql, prepared);
		}
		return prepared;
	}

	async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
		const { statement, returnsRows } = this.#prepare(compiled.sql);
		const parameters = compiled.parameters.map(toSqliteValue);
		if (returnsRows) {
			return { rows: statement.all(...parameters) as R[] };
		}
		const { changes, lastInsertRowid } = statement.run(...parameters);
		return {
			rows: [],
			numAffectedRows: BigInt(changes),
			insertId: BigInt(lastInsertRowid),
		};
	}

	async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
		const { statement } = this.#prepare(compiled.sql);
		const parameters = compiled.parameters.map(toSqliteValue);
		for (const row of statement.iterate(...parameters)) {
			yield { rows: [row as R] };
		}
	}
}
