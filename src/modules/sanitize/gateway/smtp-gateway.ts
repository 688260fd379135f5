import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { classifyDatabaseFault } from "../../../db/errors.ts";
import { logBackgroundError } from "../../../db/fault-report.ts";
import type { AppDeps } from "../../../deps.ts";
import { retryReleaseDeliveries } from "../release/retry-release.ts";
import { type AcceptedMessage, acceptMessage } from "./accept-message.ts";
import { deliverDue, type WorkerOptions } from "./deliver-queue.ts";
import { countBacklog } from "./mail-queue.repository.ts";
import { purgeQuarantine } from "./purge-quarantine.ts";

export interface GatewayOptions extends WorkerOptions {
	tenantId: string;
	host: string;
	/** 0 asks the system for a free port. */
	port: number;
	/** Recipient domains accepted; any other recipient is refused with 550. */
	domains: string[];
	/** Largest message accepted, in bytes (advertised with SIZE, enforced while reading). */
	maxSize: number;
	/** PEM certificate and key: STARTTLS is offered only when both are set. */
	tls?: { cert: Buffer; key: Buffer } | undefined;
	/** While the downstream is unreachable, new mail is refused (451) once this many wait. */
	backlogThreshold?: number;
	/**
	 * How often the worker looks for due messages (and for messages of a crashed worker whose lease
	 * ran out); 0 turns it off. Default `DEFAULT_POLL_SECONDS`.
	 */
	pollSeconds?: number;
	/** How often the quarantine purge runs; 0 turns it off. */
	purgeEveryMinutes?: number;
	/**
	 * Runs after a message is stored and before the sender gets its 250. Only for tests: the CLI
	 * sets it from `MAMORI_TEST_GATEWAY_HOLD_REPLY_MS`, to crash the gateway in that window.
	 */
	beforeReply?: ((accepted: AcceptedMessage) => Promise<void>) | undefined;
}

/**
 * How often the worker polls. With the lease (`DEFAULT_LEASE_SECONDS`, deliver-queue.ts), it
 * bounds how late a crashed worker's message is taken over: lease + poll, 45 s.
 */
export const DEFAULT_POLL_SECONDS = 15;

export interface RunningGateway {
	port: number;
	/** Run the worker now (also run after every accepted message and on the poll timer). */
	kick(): Promise<void>;
	close(): Promise<void>;
}

class SmtpReply extends Error {
	readonly responseCode: number;
	constructor(code: number, message: string) {
		super(message);
		this.responseCode = code;
	}
}

function domainOf(address: string): string {
	return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Start the SMTP side of the 無害化 gateway and its delivery worker. A message is answered 250
 * only once its original is sealed in quarantine and queued in the database; the worker sanitises
 * and relays from the queue with retries. While the downstream is unreachable and the backlog is
 * over its threshold, new mail is refused with 451 so that senders keep it.
 *
 * @example
 * const gw = await startGateway(deps, { tenantId, host: "127.0.0.1", port: 2525,
 *   domains: ["city.example.jp"], maxSize: 25e6, relayUrl: "smtp://10.0.0.5:25" });
 */
export async function startGateway(
	deps: Pick<AppDeps, "db" | "config" | "engine">,
	options: GatewayOptions,
): Promise<RunningGateway> {
	const domains = new Set(options.domains.map((d) => d.toLowerCase()));
	const worker: WorkerOptions = { ...options, owner: options.owner ?? `gateway-${randomUUID()}` };
	let downstreamReachable = true;
	let running: Promise<void> | null = null;
	let again = false;
	let closed = false;

	const runWorker = async () => {
		do {
			again = false;
			const steps = await deliverDue(deps, worker);
			const last = steps.at(-1);
			if (last) downstreamReachable = last.downstreamReachable;
			// Approved attachment releases whose mail failed are retried on the same beat.
			await retryReleaseDeliveries(deps).catch((error: unknown) =>
				logBackgroundError(error, "mail gateway release retry"),
			);
		} while (again && !closed);
	};
	const kick = (): Promise<void> => {
		if (running !== null) {
			again = true;
			return running;
		}
		running = runWorker()
			.catch((error: unknown) => logBackgroundError(error, "mail gateway worker"))
			.finally(() => {
				running = null;
			});
		return running;
	};

	const server = new SMTPServer({
		name: "mamori-gateway",
		banner: "Mamori sanitising gateway",
		size: options.maxSize,
		rejectOversized: true,
		authOptional: true,
		disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
		...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
		logger: false,
		onRcptTo(address: SMTPServerAddress, _session, callback) {
			if (!domains.has(domainOf(address.address))) {
				callback(new SmtpReply(550, `5.7.1 relaying to <${address.address}> is not allowed`));
				return;
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			let bytes = 0;
			stream.on("data", (chunk: Buffer) => {
				bytes += chunk.length;
				// The hard cut: stop keeping bytes past the limit, refuse at the end.
				if (bytes <= options.maxSize) chunks.push(chunk);
			});
			stream.on("end", () => {
				if (stream.sizeExceeded || bytes > options.maxSize) {
					callback(new SmtpReply(552, "5.3.4 message exceeds the maximum size"));
					return;
				}
				void (async () => {
					if (!downstreamReachable) {
						const backlog = await countBacklog(deps.db);
						if (backlog >= (options.backlogThreshold ?? 1000)) {
							throw new SmtpReply(451, "4.3.2 downstream unavailable, try again later");
						}
					}
					const mailFrom = session.envelope.mailFrom;
					const from = mailFrom === false ? "" : mailFrom.address;
					const to = session.envelope.rcptTo.map((r) => r.address);
					const raw = Buffer.concat(chunks);
					const accepted = await acceptMessage(deps, options.tenantId, { from, to }, raw);
					await options.beforeReply?.(accepted);
					return accepted;
				})().then(
					(accepted) => {
						if (accepted.duplicate) {
							// The sender never saw our 250 for it (a crash, a lost connection) and retried.
							console.error(
								`mail gateway: a retry of message ${accepted.id} (${session.envelope.rcptTo.length} recipient(s)) was answered 250 and not stored again`,
							);
							callback(null, `2.0.0 already queued as ${accepted.id}`);
							return;
						}
						callback(null, `2.0.0 queued as ${accepted.id}`);
						void kick();
					},
					(error: unknown) => {
						if (error instanceof SmtpReply) callback(error);
						else if (classifyDatabaseFault(error)) {
							// Nothing was queued: the sender keeps the message and tries again.
							logBackgroundError(error, "mail gateway: queueing a message");
							callback(new SmtpReply(451, "4.3.0 the queue is unavailable, try again later"));
						} else {
							console.error(`mail gateway: could not queue a message: ${String(error)}`);
							callback(new SmtpReply(451, "4.3.0 could not queue the message, try again later"));
						}
					},
				);
			});
		},
	});

	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port, options.host, () => {
			server.off("error", reject);
			resolve();
		});
	});
	server.on("error", (error) => console.error(`mail gateway: ${String(error)}`));
	const port = (server.server.address() as AddressInfo).port;

	const timers: NodeJS.Timeout[] = [];
	const poll = options.pollSeconds ?? DEFAULT_POLL_SECONDS;
	if (poll > 0) timers.push(setInterval(() => void kick(), poll * 1000));
	const purgeMinutes = options.purgeEveryMinutes ?? 60;
	if (purgeMinutes > 0) {
		timers.push(
			setInterval(() => {
				purgeQuarantine(deps.db).catch((error: unknown) =>
					logBackgroundError(error, "mail gateway purge"),
				);
			}, purgeMinutes * 60_000),
		);
	}
	for (const timer of timers) timer.unref();
	void kick();

	return {
		port,
		kick,
		async close() {
			closed = true;
			for (const timer of timers) clearInterval(timer);
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await running;
		},
	};
}
