import { basename } from "node:path";
import { inTransaction } from "../db/transaction.ts";
import { BUNDLED_PACK_IDS, isBundledPackId, loadPack } from "../modules/policies/pack/load-pack.ts";
import { createTenant } from "../modules/tenants/create-tenant.ts";
import { listTenants } from "../modules/tenants/tenants.repository.ts";
import { tenantSlugSchema } from "../modules/tenants/tenants.schemas.ts";
import { type Command, parseFlags, required, UsageError } from "./command.ts";
import { cliLabel, withRuntime } from "./runtime-helpers.ts";

export const tenantAddCommand: Command = {
	name: "tenant add",
	summary: "Add a tenant (団体) from a bundled policy pack or a pack file",
	usage: `mamori tenant add --name SLUG [--pack ${BUNDLED_PACK_IDS.join("|")}|./city.yaml] [--title 表示名]`,
	async run(argv) {
		const { values } = parseFlags(argv, {
			name: { type: "string" },
			title: { type: "string" },
			pack: { type: "string" },
		});
		const slug = tenantSlugSchema.safeParse(required(values.name, "--name"));
		if (!slug.success)
			throw new UsageError(
				`--name (the tenant slug): ${slug.error.issues.map((i) => i.message).join("; ")}`,
			);
		const spec = values.pack ?? "standard";
		const pack = loadPack(spec);
		const packSource = isBundledPackId(spec) ? `bundled:${spec}` : `file:${basename(spec)}`;
		const name = values.title ?? pack.municipality?.name.ja ?? slug.data;
		const tenant = await withRuntime((rt) =>
			inTransaction(rt.db, (tx) =>
				createTenant(
					tx,
					{ label: cliLabel(), ip: null },
					{ slug: slug.data, name, pack, packSource },
				),
			),
		);
		console.log(
			`created tenant ${tenant.slug} (${tenant.name}, pack ${tenant.pack} from ${packSource})`,
		);
		return 0;
	},
};

export const tenantListCommand: Command = {
	name: "tenant list",
	summary: "List tenants",
	usage: "mamori tenant list [--json]",
	async run(argv) {
		const { values } = parseFlags(argv, { json: { type: "boolean" } });
		const tenants = await withRuntime((rt) => listTenants(rt.db));
		if (values.json) {
			console.log(
				JSON.stringify(
					tenants.map((t) => ({
						slug: t.slug,
						name: t.name,
						pack: t.pack,
						createdAt: t.created_at,
					})),
				),
			);
		} else if (tenants.length === 0) {
			console.log("no tenants yet");
		} else {
			for (const t of tenants) console.log(`${t.slug}\t${t.name}\t${t.pack}\t${t.created_at}`);
		}
		return 0;
	},
};
