import { serve } from "@hono/node-server";
import { bootstrapIfEmpty, type FirstAdmin } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import { createApp } from "./http/app.ts";
import { httpServerOptions } from "./http/server-timeouts.ts";
import { pdfToolsNotice } from "./modules/sanitize/attachments/pdf-tools.ts";
import { JOBS } from "./platform/jobs/registry.ts";
import { startScheduler } from "./platform/jobs/scheduler.ts";
import { openRuntime } from "./runtime.ts";

/** Start Mamori: migrate, create the first administrator on an empty database, then listen. */
export async function startServer(
	config: Config,
): Promise<{ close(): Promise<void>; port: number }> {
	const runtime = await openRuntime(config);
	const firstAdmins = await bootstrapIfEmpty(runtime.db);
	if (firstAdmins) console.log(firstStartMessage(firstAdmins));
	const app = createApp(runtime);
	const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
		const s = serve(
			{
				fetch: app.fetch,
				port: config.port,
				hostname: "0.0.0.0",
				serverOptions: httpServerOptions(config),
			},
			() => resolveServer(s),
		);
		s.once("error", reject);
	});
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : config.port;
	console.log(`Mamori: http://localhost:${port}/ (${runtime.engine})`);
	const pdfNotice = pdfToolsNotice();
	if (pdfNotice) console.log(pdfNotice);
	// Due jobs run in this process too; several processes on one PostgreSQL share them.
	const scheduler =
		config.jobsPollMs > 0
			? startScheduler(runtime, { declarations: JOBS, intervalMs: config.jobsPollMs })
			: null;
	return {
		port,
		close: async () => {
			await scheduler?.stop();
			await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
			await runtime.close();
		},
	};
}

/** The one and only time the administrators' one-time passwords are shown. */
function firstStartMessage(admins: FirstAdmin[]): string {
	return [
		"",
		"初回起動: デモ団体と管理者アカウントを作成しました / First start: demo tenants and administrators were created",
		...admins.map(
			(a) =>
				`  団体 / tenant: ${a.tenantSlug.padEnd(11)} ユーザー名 / user name: ${a.username}   one-time password: ${a.oneTimePassword}`,
		),
		"  初期パスワードは一度だけ表示されます。ログイン後、パスワード変更と二要素認証の登録が必要です。",
		"  These passwords are shown once. At first login each administrator must set a new password and enrol TOTP.",
		`  ${admins[0]?.tenantSlug ?? "demo"} の管理者は団体の追加もできます / the ${admins[0]?.tenantSlug ?? "demo"} administrator can also add tenants.`,
		"",
	].join("\n");
}
