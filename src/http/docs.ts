import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Env, Hono } from "hono";
import { Problem } from "../shared/problem.ts";

const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
	"swagger-ui.css": "text/css; charset=utf-8",
	"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Mamori API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

/** Adds the CSRF token to "Try it out" requests, so the docs work against a logged-in session. */
const INIT = `fetch("/api/auth/session").then(function (r) { return r.json(); }).then(function (s) {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    requestInterceptor: function (req) { req.headers["X-CSRF-Token"] = s.csrfToken; return req; }
  });
});`;

/** Interactive API docs served from the installed swagger-ui-dist package (no CDN). */
export function mountApiDocs<E extends Env>(app: Hono<E>): void {
	app.get("/api/docs", (c) => c.html(PAGE));
	app.get("/api/docs/init.js", (c) =>
		c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }),
	);
	app.get("/api/docs/assets/:file", async (c) => {
		const file = c.req.param("file");
		const type = ASSETS[file];
		if (!type) throw new Problem("not_found", `no API docs asset ${file}`);
		const body = await readFile(join(swaggerDir, file));
		return c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
	});
}
