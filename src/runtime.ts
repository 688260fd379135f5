import { type Config, loadConfig, loadSecretKey } from "./config.ts";
import { openDatabase } from "./db/connection.ts";
import { migrateToLatest } from "./db/migrate.ts";
import type { AppDeps } from "./deps.ts";
import { SecretBox } from "./modules/auth/secret-box.ts";

/** Open the configured database, migrate it, and assemble the dependencies of use cases. */
export async function openRuntime(
	config: Config = loadConfig(),
): Promise<AppDeps & { close(): Promise<void> }> {
	const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
	try {
		await migrateToLatest(handle);
	} catch (error) {
		await handle.db.destroy();
		throw error;
	}
	return {
		db: handle.db,
		engine: handle.engine,
		config,
		secrets: new SecretBox(loadSecretKey(config.dataDir)),
		close: () => handle.db.destroy(),
	};
}
