import { loadConfig } from "../config.ts";
import { startServer } from "../server.ts";
import { type Command, parseFlags } from "./command.ts";

export const serveCommand: Command = {
	name: "serve",
	summary: "Serve the web UI and API (PORT, MAMORI_DATA_DIR, DATABASE_URL)",
	usage: "mamori serve [--port N]",
	async run(argv) {
		const { values } = parseFlags(argv, { port: { type: "string" } });
		const config = loadConfig(values.port ? { ...process.env, PORT: values.port } : process.env);
		const server = await startServer(config);
		await new Promise<void>((resolve) => {
			const stop = () => resolve();
			process.once("SIGINT", stop);
			process.once("SIGTERM", stop);
		});
		await server.close();
		return 0;
	},
};
