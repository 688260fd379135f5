import { serve } from "@hono/node-server";
import { bootstrapIfEmpty } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import { createApp } from "./http/app.ts";
import { openRuntime } from "./runtime.ts";

/** Start Mamori: migrate, create the first administrator on an empty database, then listen. */
export async function startServer(
	config: Config,
): Promise<{ close(): Promise<void>; port: number }> {
	const runtime = await openRuntime(config);
	const firstAdmin = await bootstrapIfEmpty(runtime.db);
	if (firstAdmin) {
		console.log(
			[
				"",
				"初回起動: 管理者アカウントを作成しました / First start: an administrator was created",
				`  団体 / tenant:           ${firstAdmin.tenantSlug}`,
				`  ユーザー名 / user name:  ${firstAdmin.username}`,
				`  初期パスワード / one-time password: ${firstAdmin.oneTimePassword}`,
				"  このパスワードは一度だけ表示されます。ログイン後、パスワード変更と二要素認証の登録が必要です。",
				"  This password is shown once. At first login you must set a new password and enrol TOTP.",
				"",
			].join("\n"),
		);
	}
	const app = createApp(runtime);
	const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
		const s = serve({ fetch: app.fetch, port: config.port, hostname: "0.0.0.0" }, () =>
			resolveServer(s),
		);
		s.once("error", reject);
	});
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : config.port;
	console.log(`Mamori: http://localhost:${port}/ (${runtime.engine})`);
	return {
		port,
		close: async () => {
			await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
			await runtime.close();
		},
	};
}
