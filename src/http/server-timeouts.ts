import type { ServerOptions } from "node:http";
import type { Config } from "../config.ts";

/**
 * Options for Node's HTTP server so that slow or idle clients do not hold sockets: headers within
 * `httpHeadersTimeoutMs`, the whole request within `httpRequestTimeoutMs`, an idle keep-alive
 * socket closed after `httpKeepAliveTimeoutMs`. Node enforces the first two on a periodic sweep
 * (every 30 s by default, which let a slow-header client stay 86 s); the sweep runs often enough
 * here that a timeout is kept to within a second.
 *
 * @example
 * serve({ fetch, port, serverOptions: httpServerOptions(config) });
 */
export function httpServerOptions(
	config: Pick<Config, "httpHeadersTimeoutMs" | "httpRequestTimeoutMs" | "httpKeepAliveTimeoutMs">,
): ServerOptions {
	return {
		headersTimeout: config.httpHeadersTimeoutMs,
		requestTimeout: config.httpRequestTimeoutMs,
		keepAliveTimeout: config.httpKeepAliveTimeoutMs,
		connectionsCheckingInterval: Math.min(1000, Math.max(100, config.httpHeadersTimeoutMs / 4)),
	};
}
