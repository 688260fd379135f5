import { type ChainVerdict, verifyTenantChain } from "../modules/audit/verify-chain.ts";
import { listTenants } from "../modules/tenants/tenants.repository.ts";
import { type Command, parseFlags } from "./command.ts";
import { tenantOrFail, withRuntime } from "./runtime-helpers.ts";

export const auditVerifyCommand: Command = {
	name: "audit verify",
	summary: "Check the audit hash chain; exit 0 when intact, 1 when broken",
	usage: "mamori audit verify [--tenant SLUG] [--json]",
	async run(argv) {
		const { values } = parseFlags(argv, { tenant: { type: "string" }, json: { type: "boolean" } });
		const verdicts: ChainVerdict[] = await withRuntime(async (rt) => {
			const tenants = values.tenant
				? [await tenantOrFail(rt, values.tenant)]
				: await listTenants(rt.db);
			const results: ChainVerdict[] = [];
			for (const tenant of tenants) results.push(await verifyTenantChain(rt.db, tenant));
			return results;
		});
		if (values.json) {
			console.log(JSON.stringify({ intact: verdicts.every((v) => v.intact), tenants: verdicts }));
		} else {
			for (const v of verdicts) {
				console.log(
					v.intact
						? `${v.slug}: intact (${v.events} events)`
						: `${v.slug}: BROKEN at event ${v.brokenAt}: ${v.reason}`,
				);
			}
		}
		return verdicts.every((v) => v.intact) ? 0 : 1;
	},
};
