/**
 * Whether a database error is a unique-constraint violation, on either engine: two requests that
 * both passed a "not taken yet" check and raced to insert. Such requests get 409, not 500.
 */
export function isUniqueViolation(error: unknown): boolean {
	if (typeof error !== "object" || error === null) return false;
	const { code, errcode, message } = error as {
		code?: unknown;
		errcode?: unknown;
		message?: unknown;
	};
	if (code === "23505") return true; // PostgreSQL unique_violation
	const SQLITE_CONSTRAINT_UNIQUE = 2067;
	const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
	if (errcode === SQLITE_CONSTRAINT_UNIQUE || errcode === SQLITE_CONSTRAINT_PRIMARYKEY) return true;
	return typeof message === "string" && message.includes("UNIQUE constraint failed");
}

/** What a database fault means for a caller, whatever the engine. */
export type DatabaseFaultKind = "database_unavailable" | "database_busy" | "storage_full";

export interface DatabaseFault {
	kind: DatabaseFaultKind;
	/** The driver's own words and code, for the operator's log: "57P01 terminating connection …". */
	cause: string;
	/** How long a client should wait before trying again. */
	retryAfterSeconds: number;
}

const RETRY_AFTER_SECONDS: Record<DatabaseFaultKind, number> = {
	database_unavailable: 5,
	database_busy: 2,
	storage_full: 60,
};

/** PostgreSQL SQLSTATEs: the server is gone, going, or not letting us in right now. */
const PG_UNAVAILABLE = new Set([
	"57P01", // admin_shutdown: a restart, or pg_terminate_backend
	"57P02", // crash_shutdown
	"57P03", // cannot_connect_now: starting up or shutting down
	"57P05", // idle_session_timeout
	"53300", // too_many_connections (also CONNECTION LIMIT on the database)
]);
const PG_BUSY = new Set([
	"40001", // serialization_failure
	"40P01", // deadlock_detected
	"55P03", // lock_not_available
]);
const PG_STORAGE_FULL = "53100"; // disk_full

/** Socket errors on the way to the server. */
const NETWORK_ERRNO = new Set([
	"ECONNREFUSED",
	"ECONNRESET",
	"EPIPE",
	"ETIMEDOUT",
	"EHOSTUNREACH",
	"ENETUNREACH",
	"ENOTFOUND",
	"EAI_AGAIN",
]);

/** What `pg` throws, without a code, when its socket or pool is gone. */
const PG_LOST_CONNECTION =
	/Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end/;

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;

/**
 * Classify an error thrown by either database driver as a fault of the database itself (gone,
 * busy, out of space), or `undefined` for anything else (a bug, a constraint). The one place that
 * knows the drivers' codes: the HTTP layer, the CLI and the mail gateway all ask here.
 *
 * @example
 * classifyDatabaseFault(Object.assign(new Error("database is locked"), { errcode: 5 }))
 * // → { kind: "database_busy", cause: "SQLITE_BUSY (5) database is locked", retryAfterSeconds: 2 }
 */
export function classifyDatabaseFault(error: unknown): DatabaseFault | undefined {
	for (let current = error, depth = 0; depth < 3; depth++) {
		const kind = faultKind(current);
		if (kind) {
			return { kind, cause: describeCause(current), retryAfterSeconds: RETRY_AFTER_SECONDS[kind] };
		}
		if (typeof current !== "object" || current === null || !("cause" in current)) break;
		current = (current as { cause: unknown }).cause;
	}
	return undefined;
}

function faultKind(error: unknown): DatabaseFaultKind | undefined {
	if (typeof error !== "object" || error === null) return undefined;
	const { code, errcode, message } = error as {
		code?: unknown;
		errcode?: unknown;
		message?: unknown;
	};
	if (typeof errcode === "number" && code === "ERR_SQLITE_ERROR") {
		// node:sqlite reports extended result codes; the primary code is the low byte.
		const primary = errcode & 0xff;
		if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) return "database_busy";
		if (primary === SQLITE_FULL) return "storage_full";
		if (primary === SQLITE_IOERR || primary === SQLITE_CANTOPEN) return "database_unavailable";
		return undefined;
	}
	if (typeof code === "string") {
		if (code === PG_STORAGE_FULL) return "storage_full";
		if (PG_BUSY.has(code)) return "database_busy";
		if (PG_UNAVAILABLE.has(code) || code.startsWith("08") || NETWORK_ERRNO.has(code)) {
			return "database_unavailable";
		}
		// object_not_in_prerequisite_state, as `ALLOW_CONNECTIONS false` refuses a connection.
		if (code === "55000" && typeof message === "string" && /accepting connections/.test(message)) {
			return "database_unavailable";
		}
	}
	if (typeof message === "string" && PG_LOST_CONNECTION.test(message))
		return "database_unavailable";
	return undefined;
}

function describeCause(error: unknown): string {
	const { code, errcode, errstr, message } = error as {
		code?: unknown;
		errcode?: unknown;
		errstr?: unknown;
		message?: unknown;
	};
	const text = typeof message === "string" ? message : String(error);
	if (typeof errcode === "number") {
		return `SQLite error ${errcode}${typeof errstr === "string" ? ` (${errstr})` : ""}: ${text}`;
	}
	return typeof code === "string" ? `${code} ${text}` : text;
}
