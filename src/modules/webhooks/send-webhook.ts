import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import {
	type AllowedHost,
	addressAllowed,
	hostOf,
	portOfUrl,
	targetAllowed,
} from "../../shared/allowed-hosts.ts";

/** Bounds of one attempt: the receiver has this long in all, and its answer is read this far. */
export const SEND_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendOutcome {
	ok: boolean;
	/** The receiver's HTTP status; null when none answered. */
	status: number | null;
	error: string | null;
	/** Not worth retrying: the instance does not allow the target. */
	permanent: boolean;
}

const refused = (error: string): SendOutcome => ({
	ok: false,
	status: null,
	error,
	permanent: true,
});

/** The address to connect to: resolved once, checked, and then the only one used (rebinding). */
async function pinnedAddress(
	allowList: readonly AllowedHost[],
	url: URL,
): Promise<{ address: string; family: 4 | 6 } | string> {
	const host = hostOf(url);
	const found = isIP(host)
		? [{ address: host, family: isIP(host) }]
		: await lookup(host, { all: true, verbatim: true });
	if (found.length === 0) return `${host} does not resolve`;
	const disallowed = found.find((entry) => !addressAllowed(allowList, url, entry.address));
	if (disallowed) return `${host} resolves to ${disallowed.address}, which is not allowed`;
	const first = found[0] as { address: string; family: number };
	return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * POST a signed body to a subscriber, within the instance's allow-list: the host is checked
 * against it, and so is every address it resolves to; the connection goes to that address. A
 * redirect is not followed, the answer is read to `MAX_RESPONSE_BYTES` at most, and the whole
 * attempt is abandoned after `SEND_TIMEOUT_MS`. A 2xx answer is success.
 *
 * @example
 * const outcome = await sendWebhook(config.webhookAllowedHosts, url, headers, body);
 */
export async function sendWebhook(
	allowList: readonly AllowedHost[],
	target: string,
	headers: Record<string, string>,
	body: string,
	limits: { timeoutMs: number; maxResponseBytes: number } = {
		timeoutMs: SEND_TIMEOUT_MS,
		maxResponseBytes: MAX_RESPONSE_BYTES,
	},
): Promise<SendOutcome> {
	const url = new URL(target);
	if (url.protocol !== "http:" && url.protocol !== "https:") return refused("not an http(s) URL");
	if (!targetAllowed(allowList, url)) return refused(`host ${hostOf(url)} is not allowed`);
	let pinned: Awaited<ReturnType<typeof pinnedAddress>>;
	try {
		pinned = await pinnedAddress(allowList, url);
	} catch (error) {
		return {
			ok: false,
			status: null,
			error: `lookup failed: ${messageOf(error)}`,
			permanent: false,
		};
	}
	if (typeof pinned === "string") return refused(pinned);
	const { address, family } = pinned;
	const pinnedLookup: LookupFunction = (_host, options, callback) => {
		if (options.all) callback(null, [{ address, family }]);
		else callback(null, address, family);
	};
	const client = url.protocol === "https:" ? https : http;
	return new Promise<SendOutcome>((resolve) => {
		const request = client.request(
			{
				method: "POST",
				hostname: hostOf(url),
				port: portOfUrl(url),
				path: `${url.pathname}${url.search}`,
				headers: {
					...headers,
					"content-type": "application/json",
					"content-length": String(Buffer.byteLength(body)),
					"user-agent": "Mamori-Webhooks/1",
				},
				lookup: pinnedLookup,
				signal: AbortSignal.timeout(limits.timeoutMs),
			},
			(response) => {
				const status = response.statusCode ?? 0;
				let read = 0;
				response.on("data", (chunk: Buffer) => {
					read += chunk.length;
					// Enough is known from the status; a receiver's long answer is not kept.
					if (read > limits.maxResponseBytes) response.destroy();
				});
				const settle = () => {
					if (status >= 200 && status < 300) {
						resolve({ ok: true, status, error: null, permanent: false });
					} else if (status >= 300 && status < 400) {
						resolve({
							ok: false,
							status,
							error: `HTTP ${status}: redirects are not followed`,
							permanent: false,
						});
					} else {
						resolve({ ok: false, status, error: `HTTP ${status}`, permanent: false });
					}
				};
				response.on("end", settle);
				response.on("close", settle);
				response.on("error", settle);
			},
		);
		request.on("error", (error) =>
			resolve({ ok: false, status: null, error: messageOf(error), permanent: false }),
		);
		request.end(body);
	});
}

function messageOf(error: unknown): string {
	if (error instanceof Error) {
		if (error.name === "TimeoutError" || error.name === "AbortError") return "timed out";
		return error.message || error.name;
	}
	return String(error);
}
