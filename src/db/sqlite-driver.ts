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
 * process (the CLI while the server runs, or the import worker thread) waits for the write lock up
 * front instead of failing mid-way. That wait is asynchronous (retries of `BEGIN IMMEDIATE` on
 * timers, the connection let go meanwhile), so a long import does not freeze the server's event
 * loop nor hold up its reads; after `BUSY_BUDGET_MS` it fails with SQLITE_BUSY, which the fault
 * classifier turns into `503 database_busy`.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new NodeSqliteDialect({ path: "./data/mamori.sqlite" }) });
 */
export class NodeSqliteDialect implements Dialect {
	readonly #path: string;
	#driver: NodeSqliteDriver | undefined;
	constructor(options: { path: string }) {
		this.#path = options.path;
	}
	/**
	 * A string that changes whenever the database may have changed: a commit by another connection
	 * (another process, the import worker) moves `PRAGMA data_version`, a change through this one
	 * moves `total_changes()`. Read without the connection's lock, it never waits; a value read in
	 * the middle of this connection's transaction already counts its changes, so a cache keyed on it
	 * can only be emptied too often, never kept too long. `undefined` before the driver opens.
	 */
	changeStamp(): string | undefined {
		return this.#driver?.changeStamp();
	}
	createAdapter() {
		return new SqliteAdapter();
	}
	createDriver(): Driver {
		this.#driver = new NodeSqliteDriver(this.#path);
		return this.#driver;
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
	#stamp: StatementSync | undefined;

	constructor(path: string) {
		this.#path = path;
	}

	changeStamp(): string | undefined {
		const row = this.#stamp?.get() as { v: number; n: number } | undefined;
		return row && `${row.v}:${row.n}`;
	}

	async init(): Promise<void> {
		const db = new DatabaseSync(this.#path);
		db.exec("PRAGMA journal_mode = WAL");
		db.exec("PRAGMA synchronous = NORMAL");
		db.exec("PRAGMA foreign_keys = ON");
		// Waiting for another connection's write lock happens in `executeQuery`, between timers, so
		// that a long import in a worker thread never freezes this thread's event loop.
		db.exec(`PRAGMA busy_timeout = ${SYNC_BUSY_MS}`);
		this.#db = db;
		this.#connection = new NodeSqliteConnection(db);
		this.#stamp = db.prepare(
			"select data_version as v, total_changes() as n from pragma_data_version",
		);
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

	/**
	 * `BEGIN IMMEDIATE`, waiting for another connection's write lock (a long import) between
	 * timers, up to `BUSY_BUDGET_MS`. While it waits it lets go of the connection, so that this
	 * process's reads (and `/api/health`) are not held up behind a write waiting for the lock.
	 */
	async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
		const sqlite = connection as NodeSqliteConnection;
		const started = Date.now();
		for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
			try {
				sqlite.beginImmediate();
				return;
			} catch (error) {
				if (!isBusy(error) || Date.now() - started >= BUSY_BUDGET_MS) throw error;
			}
			sqlite.release();
			await new Promise((resolve) => setTimeout(resolve, pause));
			await this.acquireConnection();
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
		this.#stamp = undefined;
		this.#db?.close();
		this.#db = undefined;
	}
}

/** How long SQLite itself may block the thread waiting for a lock, per attempt. */
const SYNC_BUSY_MS = 10;
/** How long a writer waits in all for another connection's write lock before it fails. */
const BUSY_BUDGET_MS = 5000;

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

	/** Start a write transaction now, or throw SQLite's busy error at once (no waiting here). */
	beginImmediate(): void {
		this.#db.exec("BEGIN IMMEDIATE");
	}

	/**
	 * Run a statement; when another connection holds the write lock, wait for it without blocking
	 * the thread (timers, not SQLite's sleeping busy handler) up to `BUSY_BUDGET_MS`, then fail with
	 * SQLite's own "database is locked". Only a statement outside a transaction (a `BEGIN IMMEDIATE`
	 * or a single write) is retried: a failed one has done nothing.
	 */
	async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
		const started = Date.now();
		for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
			try {
				return this.#execute<R>(compiled);
			} catch (error) {
				if (!isBusy(error) || this.#db.isTransaction) throw error;
				if (Date.now() - started >= BUSY_BUDGET_MS) throw error;
				await new Promise((resolve) => setTimeout(resolve, pause));
			}
		}
	}

	#execute<R>(compiled: CompiledQuery): QueryResult<R> {
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
