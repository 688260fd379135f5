// A client generated from the committed OpenAPI document by a standard generator compiles, and
// names its operations by operationId: openapi-typescript (default options, as an integrator
// would run it) writes the types, a small program calls the API through openapi-fetch as a
// machine client and refers to every operation by its id, and tsc (strict) must accept it.
// Offline and quick; for CI (`npm run check:api-client`).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const root = resolve(import.meta.dirname, "..");
// Inside the repository (ignored by git), so that `openapi-fetch` resolves from node_modules.
const work = resolve(root, "tmp/api-client-check");
const text = readFileSync(resolve(root, "openapi/openapi.json"), "utf8");
const document = JSON.parse(text) as {
	paths: Record<string, Record<string, { operationId?: string }>>;
};

const ids = Object.values(document.paths).flatMap((item) =>
	Object.values(item).map((operation) => operation.operationId ?? ""),
);

const program = `import createClient from "openapi-fetch";
import type { operations, paths } from "./schema.ts";

/** Every operationId of the document is a key of \`operations\`, and no other. */
const ids = ${JSON.stringify(ids)} as const satisfies readonly (keyof operations)[];
type Unnamed = Exclude<keyof operations, (typeof ids)[number]>;
export const everyOperationNamed: [Unnamed] extends [never] ? true : false = true;

type IncidentReport = operations["reportIncident"]["requestBody"]["content"]["application/json"];
type AssetImport = operations["importAssets"]["requestBody"]["content"]["application/json"];

/** A machine client: opens an incident and imports a ledger with its API token. */
export async function machineClient(baseUrl: string, token: string, csv: string) {
	const client = createClient<paths>({ baseUrl, headers: { Authorization: \`Bearer \${token}\` } });
	const report: IncidentReport = {
		whatHappened: "Malware detected by the gateway",
		noticedAt: new Date().toISOString(),
		personalData: false,
		assetIds: [],
	};
	const opened = await client.POST("/api/incidents", { body: report });
	const reference: string | undefined = opened.data?.reference;
	const file: AssetImport = {
		filename: "ledger.csv",
		contentBase64: Buffer.from(csv).toString("base64"),
		mode: "apply",
		skipInvalid: false,
	};
	const imported = await client.POST("/api/assets/import", { body: file });
	const problem: string | undefined = imported.error?.code;
	return { reference, problem, ids: ids.length };
}
`;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
try {
	const ast = await openapiTS(text);
	writeFileSync(resolve(work, "schema.ts"), astToString(ast));
	writeFileSync(resolve(work, "client.ts"), program);
	writeFileSync(
		resolve(work, "tsconfig.json"),
		JSON.stringify({
			compilerOptions: {
				target: "ES2024",
				module: "NodeNext",
				moduleResolution: "NodeNext",
				lib: ["ES2024", "DOM"],
				types: ["node"],
				strict: true,
				noUncheckedIndexedAccess: true,
				allowImportingTsExtensions: true,
				verbatimModuleSyntax: true,
				skipLibCheck: true,
				noEmit: true,
			},
			files: ["client.ts"],
		}),
	);
	execFileSync(resolve(root, "node_modules/.bin/tsc"), ["-p", work], { stdio: "inherit" });
	console.log(`a client generated from the document compiles (${ids.length} operations by id)`);
} catch (error) {
	console.error("the client generated from openapi/openapi.json does not compile");
	if (error instanceof Error && !("status" in error)) console.error(error);
	process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
