import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type Command, parseFlags } from "./command.ts";

export const dbMigrateCommand: Command = {
	name: "db migrate",
	summary: "Apply pending database migrations (also done on every start)",
	usage: "mamori db migrate",
	async run(argv) {
		parseFlags(argv, {});
		const config = loadConfig();
		const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
		try {
			const applied = await migrateToLatest(handle);
			console.log(
				applied.length > 0 ? `applied: ${applied.join(", ")}` : "the database is up to date",
			);
			console.log(`database: ${handle.location}`);
			return 0;
		} finally {
			await handle.db.destroy();
		}
	},
};
