import { inTransaction } from "../db/transaction.ts";
import { createTenant } from "../modules/tenants/create-tenant.ts";
import { listTenants } from "../modules/tenants/tenants.repository.ts";
import { tenantInputSchema } from "../modules/tenants/tenants.schemas.ts";
import { type Command, parseFlags, required, UsageError } from "./command.ts";
import { cliLabel, withRuntime } from "./runtime-helpers.ts";

export const tenantAddCommand: Command = {
	name: "tenant add",
	summary: "Add a tenant (団体)",
	usage: "mamori tenant add --name SLUG [--title 表示名] [--pack PACK]",
	async run(argv) {
		const { values } = parseFlags(argv, {
			name: { type: "string" },
			title: { type: "string" },
			pack: { type: "string" },
		});
		const slug = required(values.name, "--name");
		const parsed = tenantInputSchema.safeParse({
			slug,
			name: values.title ?? slug,
			pack: values.pack ?? "standard",
		});
		if (!parsed.success) {
			throw new UsageError(
				parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
			);
		}
		const tenant = await withRuntime((rt) =>
			inTransaction(rt.db, (tx) => createTenant(tx, { label: cliLabel(), ip: null }, parsed.data)),
		);
		console.log(`created tenant ${tenant.slug} (${tenant.name}, pack ${tenant.pack})`);
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
