import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type AllowedHost, parseAllowedHosts } from "./shared/allowed-hosts.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./shared/xlsx-archive.ts";

export interface Config {
	port: number;
	dataDir: string;
	databaseUrl: string | undefined;
	/** Idle and absolute session lifetimes, in seconds. */
	sessionIdleSeconds: number;
	sessionAbsoluteSeconds: number;
	/** Largest JSON request body accepted, in bytes. */
	maxJsonBytes: number;
	/** Largest body of a file upload (roster, policy text), which arrives base64-encoded in JSON. */
	maxUploadBytes: number;
	/** Honour X-Forwarded-For / -Proto from a reverse proxy in front of Mamori. */
	trustProxy: boolean;
	/** Calls one API token may make per minute (a bucket refilled evenly); more get 429. */
	apiTokenRatePerMinute: number;
	/** `smtp://host:port` (or `smtps://…`) for e-mail reminders; none sends no mail. */
	smtpUrl: string | undefined;
	/** How often `mamori serve` runs the scheduler's due jobs, in ms; 0 leaves them to cron. */
	jobsPollMs: number;
	/** A client must have sent all its request headers within this many milliseconds. */
	httpHeadersTimeoutMs: number;
	/** …and its whole request (an upload included) within this many. */
	httpRequestTimeoutMs: number;
	/** An idle keep-alive socket is closed after this many milliseconds. */
	httpKeepAliveTimeoutMs: number;
	/** Bounds on an uploaded XLSX workbook's ZIP, checked before the spreadsheet library reads it. */
	xlsx: XlsxLimits;
	/** Where signed audit checkpoints are appended; unset: `<dataDir>/checkpoints`. */
	checkpointDir: string | undefined;
	/**
	 * Hosts, addresses and networks webhooks may be sent to (`MAMORI_WEBHOOK_ALLOWED_HOSTS`,
	 * comma-separated `host[:port]`, `address[:port]` or CIDR); empty: none.
	 */
	webhookAllowedHosts: readonly AllowedHost[];
	/** Delivered and failed webhook deliveries are deleted this many days after they were queued. */
	webhookDeliveryRetentionDays: number;
}

/** Production defaults of the HTTP timeouts; a slow-header client is dropped within 15 s. */
export const HTTP_TIMEOUT_DEFAULTS = {
	headersMs: 10_000,
	requestMs: 120_000,
	keepAliveMs: 5_000,
} as const;

const MB = 1024 * 1024;

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
	const raw = env[name];
	if (raw === undefined || raw === "") return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min) {
		const what = min === 0 ? "a non-negative integer" : "a positive integer";
		throw new Error(`${name} must be ${what}, got "${raw}"`);
	}
	return value;
}

/** Read configuration from the environment; throws with the variable's name when one is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	// PORT=0 asks the system for a free port (tests); the server prints the one it got.
	const port = intFromEnv(env, "PORT", 8080, 0);
	if (port > 65535) throw new Error(`PORT must be at most 65535, got ${port}`);
	const mb = (name: string, fallback: number) => intFromEnv(env, name, fallback / MB) * MB;
	return {
		port,
		dataDir: resolve(env.MAMORI_DATA_DIR || "./data"),
		databaseUrl: env.DATABASE_URL || undefined,
		sessionIdleSeconds: intFromEnv(env, "MAMORI_SESSION_IDLE_SECONDS", 30 * 60),
		sessionAbsoluteSeconds: intFromEnv(env, "MAMORI_SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60),
		maxJsonBytes: intFromEnv(env, "MAMORI_MAX_JSON_BYTES", 1024 * 1024),
		maxUploadBytes: intFromEnv(env, "MAMORI_MAX_UPLOAD_BYTES", 16 * 1024 * 1024),
		trustProxy: env.MAMORI_TRUST_PROXY === "1",
		apiTokenRatePerMinute: intFromEnv(env, "MAMORI_API_TOKEN_RATE_PER_MINUTE", 120),
		smtpUrl: env.MAMORI_SMTP_URL || undefined,
		jobsPollMs: intFromEnv(env, "MAMORI_JOBS_POLL_MS", 5000, 0),
		xlsx: {
			maxParts: intFromEnv(env, "MAMORI_XLSX_MAX_PARTS", DEFAULT_XLSX_LIMITS.maxParts),
			maxPartBytes: mb("MAMORI_XLSX_MAX_PART_MB", DEFAULT_XLSX_LIMITS.maxPartBytes),
			maxSharedStringsBytes: mb(
				"MAMORI_XLSX_MAX_SHARED_STRINGS_MB",
				DEFAULT_XLSX_LIMITS.maxSharedStringsBytes,
			),
			maxTotalBytes: mb("MAMORI_XLSX_MAX_TOTAL_MB", DEFAULT_XLSX_LIMITS.maxTotalBytes),
			maxRatio: intFromEnv(env, "MAMORI_XLSX_MAX_RATIO", DEFAULT_XLSX_LIMITS.maxRatio),
		},
		checkpointDir: env.MAMORI_CHECKPOINT_DIR ? resolve(env.MAMORI_CHECKPOINT_DIR) : undefined,
		webhookAllowedHosts: parseAllowedHosts(env.MAMORI_WEBHOOK_ALLOWED_HOSTS),
		webhookDeliveryRetentionDays: intFromEnv(env, "MAMORI_WEBHOOK_DELIVERY_RETENTION_DAYS", 90),
		...httpTimeouts(env),
	};
}

function httpTimeouts(env: NodeJS.ProcessEnv) {
	const headers = intFromEnv(
		env,
		"MAMORI_HTTP_HEADERS_TIMEOUT_MS",
		HTTP_TIMEOUT_DEFAULTS.headersMs,
	);
	const request = intFromEnv(
		env,
		"MAMORI_HTTP_REQUEST_TIMEOUT_MS",
		HTTP_TIMEOUT_DEFAULTS.requestMs,
	);
	// Node refuses a headers timeout longer than the request timeout.
	if (headers > request) {
		throw new Error(
			`MAMORI_HTTP_HEADERS_TIMEOUT_MS (${headers}) must not exceed MAMORI_HTTP_REQUEST_TIMEOUT_MS (${request})`,
		);
	}
	return {
		httpHeadersTimeoutMs: headers,
		httpRequestTimeoutMs: request,
		httpKeepAliveTimeoutMs: intFromEnv(
			env,
			"MAMORI_HTTP_KEEPALIVE_TIMEOUT_MS",
			HTTP_TIMEOUT_DEFAULTS.keepAliveMs,
		),
	};
}

/**
 * The key that encrypts secrets at rest: `MAMORI_SECRET_KEY` (32 bytes as base64 or hex), or a
 * key file in the data directory, generated on first use with a warning.
 */
export function loadSecretKey(
	dataDir: string,
	env: NodeJS.ProcessEnv = process.env,
	warn: (message: string) => void = console.warn,
): Buffer {
	const raw = env.MAMORI_SECRET_KEY;
	if (raw) return decodeKey(raw, "MAMORI_SECRET_KEY");
	const path = join(dataDir, "secret.key");
	if (existsSync(path)) return decodeKey(readFileSync(path, "utf8").trim(), path);
	mkdirSync(dataDir, { recursive: true });
	const key = crypto.getRandomValues(new Uint8Array(32));
	writeFileSync(path, `${Buffer.from(key).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
	warn(
		`MAMORI_SECRET_KEY is not set: generated ${path}. Back it up with the database; ` +
			"without it, enrolled TOTP secrets cannot be read.",
	);
	return Buffer.from(key);
}

function decodeKey(raw: string, source: string): Buffer {
	const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
	if (key.length !== 32) throw new Error(`${source} must hold 32 bytes as base64 or hex`);
	return key;
}

/** The directory of signed audit checkpoints: `MAMORI_CHECKPOINT_DIR` or `<dataDir>/checkpoints`. */
export function checkpointDirOf(config: Pick<Config, "dataDir" | "checkpointDir">): string {
	return config.checkpointDir ?? join(config.dataDir, "checkpoints");
}
