import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = resolve(import.meta.dirname, "src/web");

/**
 * The web UI: sources in src/web, built into dist/web where `mamori serve` finds it. In dev mode
 * (`npm run dev`) the API is proxied to the Mamori server; the Host header is kept so that its
 * same-origin CSRF check sees the page's own origin.
 */
export default defineConfig({
	root,
	publicDir: resolve(root, "public"),
	plugins: [react()],
	build: {
		outDir: resolve(import.meta.dirname, "dist/web"),
		emptyOutDir: true,
		// Not "assets": the ledger's pages live under /assets (see WEB_STATIC_PATH in src/http/web-ui.ts).
		assetsDir: "static",
		// The strict CSP forbids inline script: keep every script in a file.
		modulePreload: { polyfill: false },
		assetsInlineLimit: 0,
		sourcemap: false,
	},
	server: {
		port: Number(process.env.VITE_PORT ?? 5173),
		strictPort: true,
		proxy: {
			"/api": {
				target: process.env.MAMORI_API_URL ?? "http://localhost:8080",
				changeOrigin: false,
			},
		},
	},
});
