import { readFileSync } from "node:fs";
import { loadConfig } from "../config.ts";
import { inTransaction } from "../db/transaction.ts";
import { pdfToolsNotice } from "../modules/sanitize/attachments/pdf-tools.ts";
import { mailSettingsOf, saveMailSettings } from "../modules/sanitize/gateway/mail-settings.ts";
import { purgeQuarantine } from "../modules/sanitize/gateway/purge-quarantine.ts";
import { openRuntime } from "../runtime.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";
import { tenantOrFail, withRuntime } from "./runtime-helpers.ts";

/** `25M`, `512k`, `1048576` → bytes. */
export function parseSize(raw: string): number {
	const match = /^(\d+)\s*([kKmMgG]?)[bB]?$/.exec(raw.trim());
	if (!match) throw new UsageError(`--max-size must be bytes or a size like 25M, got "${raw}"`);
	const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? "").toLowerCase()] ?? 1;
	const bytes = Number(match[1]) * unit;
	if (bytes < 1) throw new UsageError("--max-size must be positive");
	return bytes;
}

/** `HOST:PORT` (IPv6 in brackets) → host and port. */
export function parseListen(raw: string): { host: string; port: number } {
	const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(raw.trim());
	const port = Number(match?.[3]);
	if (!match || !Number.isInteger(port) || port > 65535)
		throw new UsageError(`--listen must be HOST:PORT, got "${raw}"`);
	return { host: match[1] ?? match[2] ?? "127.0.0.1", port };
}

function pick(flag: string | undefined, env: string): string | undefined {
	const value = flag ?? process.env[env];
	return value === "" ? undefined : value;
}

function seconds(flag: string, raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1)
		throw new UsageError(`${flag} must be a positive number of seconds`);
	return value;
}

/**
 * A test hook, and only that: with `MAMORI_TEST_GATEWAY_HOLD_REPLY_MS` set, the gateway says on
 * stderr that it stored a message and waits that long before the 250, so that a test can kill
 * it in the window where the message is stored and the sender has no answer. Never set it in
 * production: senders would wait (and time out) for every message.
 */
function replyHoldForTests(): ((accepted: { id: string }) => Promise<void>) | undefined {
	const raw = process.env.MAMORI_TEST_GATEWAY_HOLD_REPLY_MS;
	if (!raw) return undefined;
	const ms = Number(raw);
	if (!Number.isInteger(ms) || ms < 0)
		throw new UsageError("MAMORI_TEST_GATEWAY_HOLD_REPLY_MS must be milliseconds");
	console.error(
		`mamori gateway: TEST HOOK: every 250 is held back ${ms} ms after the message is stored`,
	);
	return async (accepted) => {
		console.error(`mamori gateway: TEST HOOK: stored ${accepted.id}, answering in ${ms} ms`);
		await new Promise((resolve) => setTimeout(resolve, ms));
	};
}

export const gatewayCommand: Command = {
	name: "gateway",
	summary: "Run the 無害化 SMTP gateway: accept, quarantine, sanitise and relay mail",
	usage: [
		"mamori gateway --tenant SLUG --domains a.jp,b.jp --relay smtp://HOST:PORT",
		"       [--listen HOST:PORT] [--max-size 25M] [--tls-cert FILE --tls-key FILE]",
		"       [--backlog N] [--retention-days N] [--held-notice-from ADDRESS]",
		"       [--lease-seconds N] [--poll-seconds N]",
		"Each flag may come from the environment instead: MAMORI_GATEWAY_TENANT, _DOMAINS, _RELAY,",
		"_LISTEN (default 127.0.0.1:2525), _MAX_SIZE (default: the tenant's message size limit in",
		"its mail settings), _TLS_CERT, _TLS_KEY, _BACKLOG",
		"(default 1000), _HELD_NOTICE_FROM, _LEASE_SECONDS (default 30: a crashed gateway's message",
		"is relayed by another within lease + poll), _POLL_SECONDS (default 15).",
	].join("\n"),
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			listen: { type: "string" },
			domains: { type: "string" },
			relay: { type: "string" },
			"max-size": { type: "string" },
			"tls-cert": { type: "string" },
			"tls-key": { type: "string" },
			backlog: { type: "string" },
			"retention-days": { type: "string" },
			"held-notice-from": { type: "string" },
			"lease-seconds": { type: "string" },
			"poll-seconds": { type: "string" },
		});
		const slug = pick(values.tenant, "MAMORI_GATEWAY_TENANT");
		const domains = pick(values.domains, "MAMORI_GATEWAY_DOMAINS");
		const relayUrl = pick(values.relay, "MAMORI_GATEWAY_RELAY");
		if (!slug) throw new UsageError("--tenant is required");
		if (!domains) throw new UsageError("--domains is required");
		if (!relayUrl || !/^smtps?:\/\//.test(relayUrl))
			throw new UsageError("--relay smtp://HOST:PORT is required");
		const { host, port } = parseListen(
			pick(values.listen, "MAMORI_GATEWAY_LISTEN") ?? "127.0.0.1:2525",
		);
		const sizeFlag = pick(values["max-size"], "MAMORI_GATEWAY_MAX_SIZE");
		const flaggedSize = sizeFlag === undefined ? undefined : parseSize(sizeFlag);
		const certFile = pick(values["tls-cert"], "MAMORI_GATEWAY_TLS_CERT");
		const keyFile = pick(values["tls-key"], "MAMORI_GATEWAY_TLS_KEY");
		if (Boolean(certFile) !== Boolean(keyFile))
			throw new UsageError("--tls-cert and --tls-key go together");
		const backlog = Number(pick(values.backlog, "MAMORI_GATEWAY_BACKLOG") ?? "1000");
		if (!Number.isInteger(backlog) || backlog < 1)
			throw new UsageError("--backlog must be a positive integer");
		const heldFrom = pick(values["held-notice-from"], "MAMORI_GATEWAY_HELD_NOTICE_FROM");
		const leaseSeconds = seconds(
			"--lease-seconds",
			pick(values["lease-seconds"], "MAMORI_GATEWAY_LEASE_SECONDS"),
		);
		const pollSeconds = seconds(
			"--poll-seconds",
			pick(values["poll-seconds"], "MAMORI_GATEWAY_POLL_SECONDS"),
		);
		const beforeReply = replyHoldForTests();

		const runtime = await openRuntime();
		try {
			const tenant = await tenantOrFail(runtime, slug);
			if (values["retention-days"]) {
				const days = Number(values["retention-days"]);
				if (!Number.isInteger(days) || days < 1)
					throw new UsageError("--retention-days must be a positive integer");
				const current = await mailSettingsOf(runtime.db, tenant.id);
				await inTransaction(runtime.db, (tx) =>
					saveMailSettings(tx, tenant.id, { ...current, retentionDays: days }),
				);
			}
			// Without a flag, SMTP's SIZE is the tenant's own limit, so that a sender learns it at
			// once instead of the message being accepted and then held as too large.
			const maxSize =
				flaggedSize ?? (await mailSettingsOf(runtime.db, tenant.id)).policy.limits.maxMessageBytes;
			// The SMTP stack loads here, not when any other command (or `serve`) starts.
			const { startGateway } = await import("../modules/sanitize/gateway/smtp-gateway.ts");
			const gateway = await startGateway(runtime, {
				tenantId: tenant.id,
				host,
				port,
				domains: domains
					.split(",")
					.map((d) => d.trim())
					.filter(Boolean),
				maxSize,
				relayUrl,
				backlogThreshold: backlog,
				tls:
					certFile && keyFile
						? { cert: readFileSync(certFile), key: readFileSync(keyFile) }
						: undefined,
				heldNotice: heldFrom ? { from: heldFrom } : undefined,
				...(leaseSeconds === undefined ? {} : { leaseSeconds }),
				...(pollSeconds === undefined ? {} : { pollSeconds }),
				beforeReply,
			});
			console.log(
				`mamori gateway: ${tenant.slug} listening on ${host}:${gateway.port}, relaying to ${relayUrl}` +
					`, messages up to ${maxSize} bytes` +
					(certFile ? " (STARTTLS)" : ""),
			);
			const pdfNotice = pdfToolsNotice();
			if (pdfNotice) console.log(pdfNotice);
			await new Promise<void>((resolve) => {
				process.once("SIGINT", () => resolve());
				process.once("SIGTERM", () => resolve());
			});
			await gateway.close();
		} finally {
			await runtime.close();
		}
		return 0;
	},
};

export const gatewayPurgeCommand: Command = {
	name: "gateway purge",
	summary: "Delete quarantined originals whose retention period has ended",
	usage: "mamori gateway purge",
	async run(argv) {
		parseFlags(argv, {});
		const purged = await withRuntime((rt) => purgeQuarantine(rt.db));
		const total = purged.reduce((sum, p) => sum + p.count, 0);
		console.log(`purged ${total} original(s)`);
		return 0;
	},
};

export const gatewayRetryReleasesCommand: Command = {
	name: "gateway retry-releases",
	summary: "Mail approved attachment releases whose delivery failed and is due again",
	usage: [
		"mamori gateway retry-releases",
		"The running gateway does this on every beat; run this from a timer where no gateway runs.",
		"Needs MAMORI_SMTP_URL, the server that mails released files to their recipients.",
	].join("\n"),
	async run(argv) {
		parseFlags(argv, {});
		if (!loadConfig().smtpUrl)
			throw new UsageError(
				"MAMORI_SMTP_URL is not set: there is no server to mail releases through",
			);
		// Loaded here: it brings the sanitising engine, which other commands do not need.
		const { retryReleaseDeliveries } = await import("../modules/sanitize/release/retry-release.ts");
		const sent = await withRuntime((rt) => retryReleaseDeliveries(rt));
		console.log(`sent ${sent} released attachment(s)`);
		return 0;
	},
};
