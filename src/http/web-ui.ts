import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { Problem } from "../shared/problem.ts";
import type { AppEnv } from "./context.ts";

/**
 * Where Vite puts the built chunks (`build.assetsDir` in vite.config.ts). No page route may start
 * with it: the ledger's pages live under `/assets`, so the chunks do not.
 */
export const WEB_STATIC_PATH = "/static";

const IMMUTABLE = "public, max-age=31536000, immutable";
/** Names without a content hash (index.html, favicon.svg): the browser asks again each time. */
const REVALIDATE = "no-cache";

/**
 * The web UI: content-hashed chunks under /static cached for good (a missing one is a 404, never
 * the page), the public folder's files, and index.html for every other path (the SPA's routes).
 *
 * @example
 * mountWebUi(app, WEB_DIST);
 */
export function mountWebUi(app: OpenAPIHono<AppEnv>, webDist: string): void {
	const indexPath = join(webDist, "index.html");
	app.use(
		`${WEB_STATIC_PATH}/*`,
		serveStatic({ root: webDist, onFound: (_path, c) => c.header("cache-control", IMMUTABLE) }),
	);
	app.all(`${WEB_STATIC_PATH}/*`, () => {
		throw new Problem("not_found", "no such file in the web UI's build");
	});
	if (existsSync(webDist)) {
		app.use(
			"*",
			serveStatic({ root: webDist, onFound: (_path, c) => c.header("cache-control", REVALIDATE) }),
		);
	}
	app.get("*", async (c) => {
		if (!existsSync(indexPath)) {
			return c.text(
				"The web UI is not built. Run `npm run build` (npm install does it for you).",
				503,
			);
		}
		c.header("cache-control", REVALIDATE);
		return c.html(await readFile(indexPath, "utf8"));
	});
}
