import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { createTransport } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { SMTPServer } from "smtp-server";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { findAccount, updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import type { Actor, Role } from "../../src/modules/authz/roles.ts";
import { acceptMessage } from "../../src/modules/sanitize/gateway/accept-message.ts";
import {
	deliverDue,
	type MessageSanitizer,
} from "../../src/modules/sanitize/gateway/deliver-queue.ts";
import {
	DEFAULT_MAIL_SETTINGS,
	saveMailSettings,
} from "../../src/modules/sanitize/gateway/mail-settings.ts";
import { requestRelease } from "../../src/modules/sanitize/release/request-release.ts";
import type {
	AttachmentOutcome,
	SanitizeResult,
	TypeCategory,
} from "../../src/modules/sanitize/sanitize.contract.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import type { MadeAccount } from "./factories.ts";
import { makeStaff } from "./org-factories.ts";

/** A message as the test sink received it. */
export interface Received {
	from: string;
	to: string[];
	raw: Buffer;
}

export interface Sink {
	port: number;
	received: Received[];
	/** Resolves with the next message (or one already received and not yet taken). */
	next(): Promise<Received>;
	close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives: the downstream (LGWAN-side) server
 * of the gateway, or Mamori's mail server for release deliveries. Port 0 picks a free port.
 */
export async function startSink(port = 0): Promise<Sink> {
	const received: Received[] = [];
	let taken = 0;
	const waiting: ((message: Received) => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ["AUTH", "STARTTLS"],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on("data", (chunk: Buffer) => chunks.push(chunk));
			stream.on("end", () => {
				const from = session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address;
				const message = {
					from,
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks),
				};
				received.push(message);
				const waiter = waiting.shift();
				if (waiter) {
					taken += 1;
					waiter(message);
				}
				callback();
			});
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, "127.0.0.1", () => resolve());
	});
	return {
		port: (server.server.address() as AddressInfo).port,
		received,
		next() {
			const ready = received[taken];
			if (ready) {
				taken += 1;
				return Promise.resolve(ready);
			}
			return new Promise((resolve) => waiting.push(resolve));
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** The Message-ID header of a raw message (from its header block), or null. */
export function messageIdOf(raw: Buffer): string | null {
	const end = raw.indexOf("\r\n\r\n");
	const head = (end < 0 ? raw : raw.subarray(0, end)).toString("latin1");
	return /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? null;
}

/**
 * A downstream server that counts the messages it accepted (answered 250) by Message-ID, and can
 * hang: while `stall` is set, a message's DATA is read to its end and never answered, as a server
 * that stops mid-transaction. A stalled message is not accepted, so "received once" is
 * well-defined: `release()` answers the stalled ones 250 (and counts them) if their sender is
 * still connected.
 */
export interface CountingSink {
	port: number;
	stall: boolean;
	/** Accepted messages per Message-ID. */
	accepted: Map<string, number>;
	/** Message-IDs whose DATA was stalled, in order. */
	stalled: string[];
	release(): void;
	close(): Promise<void>;
}

export async function startCountingSink(): Promise<CountingSink> {
	const waiting: { id: string; session: string; answer: () => void }[] = [];
	const accept = (id: string) => sink.accepted.set(id, (sink.accepted.get(id) ?? 0) + 1);
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ["AUTH", "STARTTLS"],
		logger: false,
		onClose(session) {
			// A sender gone mid-transaction: its stalled message was never accepted.
			for (let i = waiting.length - 1; i >= 0; i--)
				if (waiting[i]?.session === session.id) waiting.splice(i, 1);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on("data", (chunk: Buffer) => chunks.push(chunk));
			stream.on("end", () => {
				const id = messageIdOf(Buffer.concat(chunks)) ?? "(none)";
				if (sink.stall) {
					sink.stalled.push(id);
					waiting.push({
						id,
						session: session.id,
						answer: () => {
							accept(id);
							callback();
						},
					});
					return;
				}
				accept(id);
				callback();
			});
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve());
	});
	const sink: CountingSink = {
		port: (server.server.address() as AddressInfo).port,
		stall: false,
		accepted: new Map(),
		stalled: [],
		release() {
			for (const message of waiting.splice(0)) message.answer();
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
	return sink;
}

/** Wait until `done()` holds, checking every 50 ms; fails with `what` after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, ms: number, what: string) {
	const deadline = Date.now() + ms;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** A port nothing listens on (found by binding and releasing it), for a downstream outage. */
/**
 * Send `raw` over SMTP, as an outside server would, to the gateway on `port`; the SMTP reply.
 *
 * @example
 * const id = queuedIdOf(await sendRaw(gateway.port, raw));
 */
export async function sendRaw(port: number, raw: Buffer, to = "taro@city.example.jp") {
	const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
	try {
		const info = await transport.sendMail({
			envelope: { from: "sender@outside.example", to: [to] },
			raw,
		});
		return info.response as string;
	} finally {
		transport.close();
	}
}

/** The queue id a gateway's `250 … queued as <id>` names; fails the test when there is none. */
export function queuedIdOf(response: string): string {
	const id = /queued as ([0-9a-f-]{36})/.exec(response)?.[1];
	if (!id) throw new Error(`the 250 reply names the queued message: ${response}`);
	return id;
}

export async function freePort(): Promise<number> {
	const sink = await startSink();
	await sink.close();
	return sink.port;
}

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
	return new MailComposer(options).compile().build();
}

function categoryOf(filename: string, contentType: string): TypeCategory {
	if (/\.exe$/i.test(filename)) return "executable";
	if (contentType.startsWith("text/")) return "text";
	if (contentType.startsWith("image/")) return "image";
	return "pdf";
}

/**
 * A stand-in for the message engine while it is a placeholder: builds a new text-only message
 * with `X-Mamori-Sanitized` and reports each attachment as removed. Tests that must exercise the
 * real engine do not use it.
 */
export const textOnlySanitizer: MessageSanitizer = async (raw) => {
	const parsed = await simpleParser(raw);
	const attachments: AttachmentOutcome[] = parsed.attachments.map((a) => ({
		filename: a.filename ?? "attachment",
		trueType: a.contentType,
		category: categoryOf(a.filename ?? "", a.contentType),
		size: a.size,
		sha256: createHash("sha256").update(a.content).digest("hex"),
		action: "removed",
		reason: "removed by the test sanitiser",
		findings: [],
	}));
	const message = await compose({
		from: parsed.from?.text ?? "",
		to: "recipient",
		subject: parsed.subject ?? "",
		text: parsed.text ?? "",
		headers: { "X-Mamori-Sanitized": "test-double" },
	});
	return {
		status: "sanitized",
		message,
		report: {
			messageId: parsed.messageId ?? null,
			from: parsed.from?.text ?? null,
			to: [],
			subject: parsed.subject ?? null,
			bytesIn: raw.length,
			actions: ["html-to-text"],
			attachments,
			durationMs: 0,
		},
	} satisfies SanitizeResult;
};

/** A sanitiser that holds every message. */
export const holdingSanitizer: MessageSanitizer = async (raw) => ({
	status: "held",
	reason: "held by the test",
	held: { reason: "held by the test", code: "sanitise_failed", params: {} },
	report: {
		messageId: null,
		from: null,
		to: [],
		subject: null,
		bytesIn: raw.length,
		actions: [],
		attachments: [],
		durationMs: 0,
	},
});

/** A message with a text body, an HTML alternative and, optionally, attachments. */
export function composeMail(options: {
	from?: string;
	to: string;
	subject?: string;
	text: string;
	html?: string;
	attachments?: { filename: string; content: Buffer | string; contentType?: string }[];
}): Promise<Buffer> {
	return compose({
		from: options.from ?? "sender@outside.example",
		to: options.to,
		subject: options.subject ?? "テスト",
		text: options.text,
		...(options.html ? { html: options.html } : {}),
		...(options.attachments ? { attachments: options.attachments } : {}),
	});
}

/**
 * A gateway message for `to` with a text attachment, accepted through the gateway's use case and
 * delivered (to a throwaway sink) with the test sanitiser, which removes the attachment: what a
 * recipient may then ask to have released. Returns the message id.
 */
export async function makeGatewayMessage(
	deps: AppDeps,
	tenantId: string,
	to: string,
	options: {
		subject?: string;
		attachments?: { filename: string; content: Buffer | string; contentType?: string }[];
	} = {},
): Promise<string> {
	const raw = await composeMail({
		to,
		subject: options.subject ?? "テスト",
		text: "本文です。",
		attachments: options.attachments ?? [
			{ filename: "memo.txt", content: "original attachment text", contentType: "text/plain" },
		],
	});
	const { id } = await acceptMessage(
		deps,
		tenantId,
		{ from: "sender@outside.example", to: [to] },
		raw,
	);
	const sink = await startSink();
	try {
		await deliverDue(deps, {
			relayUrl: `smtp://127.0.0.1:${sink.port}`,
			sanitize: textOnlySanitizer,
		});
	} finally {
		await sink.close();
	}
	return id;
}

/** Give an account an e-mail address: how gateway recipients are matched to accounts. */
export async function setEmail(deps: AppDeps, tenantId: string, accountId: string, email: string) {
	await inTransaction(deps.db, (tx) => updateAccount(tx, tenantId, accountId, { email }));
}

/** Assign a role held for one unit (e.g. section_manager of the recipient's unit). */
export async function grantRole(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	role: Role,
	orgUnitId: string | null,
) {
	await inTransaction(deps.db, (tx) =>
		assignRole(tx, systemActor(tenantId, "test factory"), accountId, {
			role,
			orgUnitId,
			validTo: null,
		}),
	);
}

/** A recipient's actor, for making release requests through the use case. */
function actorOf(tenantId: string, accountId: string): Actor {
	return { tenantId, accountId, label: "test recipient", roles: [], ip: null };
}

/** An address only this account has. */
async function addressOf(deps: AppDeps, account: MadeAccount): Promise<string> {
	const row = await findAccount(deps.db, account.tenantId, account.id);
	if (row?.email) return row.email;
	const email = `${account.username}@city.example.jp`;
	await setEmail(deps, account.tenantId, account.id, email);
	return email;
}

/** A gateway message in `tenant` addressed to `account` (given an address when it has none). */
export async function messageFor(
	deps: AppDeps,
	tenant: TenantRow,
	account: MadeAccount,
): Promise<string> {
	return makeGatewayMessage(deps, tenant.id, await addressOf(deps, account));
}

/**
 * A pending release request by a staff member of `unitId` (a new one, with an address), on a
 * gateway message addressed to them.
 */
export async function pendingRelease(deps: AppDeps, tenant: TenantRow, unitId: string) {
	const requester = await makeStaff(deps, tenant, unitId);
	const messageId = await messageFor(deps, tenant, requester);
	const request = await inTransaction(deps.db, (tx) =>
		requestRelease(tx, actorOf(tenant.id, requester.id), messageId, {
			attachmentIndex: 0,
			reason: "業務で必要",
		}),
	);
	return { requestId: request.id, messageId, requesterId: requester.id };
}

/**
 * The mail fixtures of a route-walk tenant: a gateway message with its quarantined original and
 * recipient row, a pending release request, and the tenant's gateway settings, so that every
 * mail table has rows of the tenant.
 */
export async function makeMailFixtures(
	deps: AppDeps,
	tenant: TenantRow,
	unitId: string,
): Promise<void> {
	await inTransaction(deps.db, (tx) => saveMailSettings(tx, tenant.id, DEFAULT_MAIL_SETTINGS));
	await pendingRelease(deps, tenant, unitId);
}

/** The unit `caller` manages as section_manager in `tenant`, if any. */
export async function managedUnitOf(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
): Promise<string | null> {
	const row = await deps.db
		.selectFrom("role_assignments")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("role", "=", "section_manager")
		.where("valid_to", "is", null)
		.executeTakeFirst();
	return row?.org_unit_id ?? null;
}
