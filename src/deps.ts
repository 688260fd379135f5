import type { Config } from "./config.ts";
import type { Db, Engine } from "./db/connection.ts";
import type { SecretBox } from "./modules/auth/secret-box.ts";

/** What use cases need from the running instance, passed explicitly (no container). */
export interface AppDeps {
	db: Db;
	engine: Engine;
	config: Config;
	secrets: SecretBox;
}
