// Write the policy-pack JSON Schema (for editors) from the Zod schema.
// `--check` fails (exit 1) when the committed file is stale, for CI.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
	isPackJsonSchemaCurrent,
	PACK_JSON_SCHEMA_PATH,
	renderPackJsonSchema,
} from "../src/modules/policies/pack/pack-json-schema.ts";

if (process.argv.includes("--check")) {
	if (!isPackJsonSchemaCurrent()) {
		console.error(
			`stale ${PACK_JSON_SCHEMA_PATH}; run node scripts/export-pack-schema.ts and commit`,
		);
		process.exit(1);
	}
	console.log("policy-pack JSON Schema is up to date");
} else {
	mkdirSync(dirname(PACK_JSON_SCHEMA_PATH), { recursive: true });
	writeFileSync(PACK_JSON_SCHEMA_PATH, renderPackJsonSchema());
	console.log(`wrote ${PACK_JSON_SCHEMA_PATH}`);
}
