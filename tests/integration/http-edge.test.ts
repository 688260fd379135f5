import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { after, test } from "node:test";
import { HTTP_TIMEOUT_DEFAULTS, loadConfig } from "../../src/config.ts";
import { createApp, WEB_DIST } from "../../src/http/app.ts";
import { startServer } from "../../src/server.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** Issue #21.6: the HTTP edge — socket timeouts, the web build's caching, HSTS. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

test("production timeouts: a slow-header client is dropped within 15 s, idle sockets in seconds", () => {
	const config = loadConfig({});
	assert.ok(config.httpHeadersTimeoutMs <= 15_000);
	assert.equal(config.httpHeadersTimeoutMs, HTTP_TIMEOUT_DEFAULTS.headersMs);
	assert.ok(config.httpKeepAliveTimeoutMs >= 1000 && config.httpKeepAliveTimeoutMs <= 10_000);
	assert.ok(config.httpRequestTimeoutMs >= config.httpHeadersTimeoutMs);
	assert.throws(
		() =>
			loadConfig({
				MAMORI_HTTP_HEADERS_TIMEOUT_MS: "5000",
				MAMORI_HTTP_REQUEST_TIMEOUT_MS: "1000",
			}),
		/MAMORI_HTTP_HEADERS_TIMEOUT_MS/,
	);
});

test("the listening server drops a slow-header client and closes an idle keep-alive socket", async () => {
	const log = console.log;
	console.log = () => {};
	const server = await startServer({
		...runtime.config,
		port: 0,
		httpHeadersTimeoutMs: 400,
		httpRequestTimeoutMs: 2000,
		httpKeepAliveTimeoutMs: 300,
	});
	console.log = log;
	try {
		const slow = await open(server.port);
		const slowStart = Date.now();
		slow.socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
		await slow.closed;
		const slowMs = Date.now() - slowStart;
		assert.ok(slowMs >= 300 && slowMs < 2500, `dropped after ${slowMs} ms`);
		assert.doesNotMatch(slow.received(), /200 OK/);

		const idle = await open(server.port);
		idle.socket.write(
			"GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n",
		);
		const answered = Date.now();
		await idle.closed;
		const idleMs = Date.now() - answered;
		assert.match(idle.received(), /^HTTP\/1\.1 200 OK/);
		assert.match(idle.received(), /keep-alive: timeout=0?/i);
		assert.ok(idleMs < 2000, `idle socket closed after ${idleMs} ms`);
	} finally {
		await server.close();
	}
});

test("built chunks live under /static, cached for good; pages and a missing chunk are not", async () => {
	const app = createApp(runtime);
	const index = readFileSync(join(WEB_DIST, "index.html"), "utf8");
	const chunk = /src="(\/static\/[^"]+\.js)"/.exec(index)?.[1];
	assert.ok(chunk, "index.html loads its script from /static/");

	const script = await app.request(chunk);
	assert.equal(script.status, 200);
	assert.match(script.headers.get("content-type") ?? "", /javascript/);
	assert.equal(script.headers.get("cache-control"), "public, max-age=31536000, immutable");

	const missing = await app.request("/static/missing.js");
	assert.equal(missing.status, 404);
	assert.notEqual(missing.headers.get("cache-control"), "public, max-age=31536000, immutable");
	assert.doesNotMatch(await missing.text(), /<html/i);

	// The ledger's pages (and anything else under /assets) are the app, revalidated every time.
	for (const path of ["/", "/assets", "/assets/x.js", "/assets/0193-abc/custody"]) {
		const page = await app.request(path);
		assert.equal(page.status, 200, path);
		assert.equal(await page.text(), index, path);
		assert.equal(page.headers.get("cache-control"), "no-cache", path);
	}
});

test("HSTS only on HTTPS: directly, or from a trusted proxy's X-Forwarded-Proto", async () => {
	const hsts = async (trustProxy: boolean, url: string, headers: Record<string, string> = {}) => {
		const app = createApp({ ...runtime, config: { ...runtime.config, trustProxy } });
		return (await app.request(url, { headers })).headers.get("strict-transport-security");
	};
	const https = { "x-forwarded-proto": "https" };
	assert.equal(await hsts(false, "http://mamori.example/"), null);
	assert.equal(await hsts(false, "http://mamori.example/api/docs"), null);
	assert.equal(await hsts(true, "http://mamori.example/api/health"), null);
	assert.equal(await hsts(false, "http://mamori.example/", https), null, "untrusted proxy header");
	assert.equal(await hsts(true, "http://mamori.example/", https), "max-age=31536000");
	assert.equal(await hsts(true, "http://mamori.example/api/nothing", https), "max-age=31536000");
	assert.equal(await hsts(false, "https://mamori.example/"), "max-age=31536000");
});

/** A raw socket to the server, recording what it receives until it is closed. */
async function open(
	port: number,
): Promise<{ socket: Socket; closed: Promise<void>; received(): string }> {
	const socket = connect(port, "127.0.0.1");
	await new Promise<void>((resolve, reject) => {
		socket.once("connect", resolve);
		socket.once("error", reject);
	});
	let text = "";
	socket.on("data", (chunk: Buffer) => {
		text += chunk.toString("latin1");
	});
	const closed = new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error("the server kept the socket open")), 5000);
		socket.once("close", () => {
			clearTimeout(timer);
			resolve();
		});
	});
	socket.on("error", () => {});
	return { socket, closed, received: () => text };
}
