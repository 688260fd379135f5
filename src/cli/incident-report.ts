import { z } from "zod";
import { systemActor } from "../bootstrap.ts";
import { inTransaction } from "../db/transaction.ts";
import { findAssetByCode } from "../modules/assets/assets.repository.ts";
import { openIncidentDesk } from "../modules/incidents/incident-desk.ts";
import { findIncidentBySourceRef } from "../modules/incidents/incidents.repository.ts";
import { reportIncidentSchema } from "../modules/incidents/incidents.schemas.ts";
import { reportIncident } from "../modules/incidents/report-incident.ts";
import { Problem } from "../shared/problem.ts";
import { type Command, parseFlags, required, UsageError } from "./command.ts";
import { FactsError, readFacts } from "./incident.ts";
import { cliLabel, tenantOrFail, withRuntime } from "./runtime-helpers.ts";

/**
 * A report from a system (the 無害化 gateway holding a message with malware, a monitoring tool):
 * the body of `POST /api/incidents`, the system's name, and assets by their ledger ID if it
 * knows them rather than by Mamori's internal id.
 */
export const systemReportSchema = reportIncidentSchema.extend({
	system: z.string().trim().min(1).max(100),
	assetCodes: z.array(z.string().min(1).max(100)).max(50).default([]),
	/** The system's own name for what it reports: a second report of it opens no second case. */
	sourceRef: z.string().trim().min(1).max(200).optional(),
});

export const incidentReportCommand: Command = {
	name: "incident report",
	summary: "Open an incident case from a system's report (JSON), as POST /api/incidents does",
	usage:
		"mamori incident report --tenant SLUG FILE.json [--json]\n" +
		"  FILE.json: system, whatHappened, noticedAt, personalData[, title, knownAt, assetIds,\n" +
		"  assetCodes, sourceRef]. Prints the new case's reference (with sourceRef, the case already\n" +
		"  opened for it, if any). Exit 0 when opened or found; 1 on bad input (the field is\n" +
		"  named); 2 on wrong usage.",
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{ tenant: { type: "string" }, json: { type: "boolean" } },
			true,
		);
		const [file, ...extra] = positionals;
		if (!file || extra.length > 0) throw new UsageError("give exactly one FILE.json");
		const slug = required(values.tenant, "--tenant");
		let content: unknown;
		try {
			content = await readFacts(file);
		} catch (error) {
			if (!(error instanceof FactsError)) throw error;
			console.error(error.message);
			return 1;
		}
		const parsed = systemReportSchema.safeParse(content);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				console.error(`${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
			}
			return 1;
		}
		const { system, assetCodes, sourceRef, ...input } = parsed.data;
		try {
			const row = await withRuntime(async (rt) => {
				const tenant = await tenantOrFail(rt, slug);
				if (sourceRef !== undefined) {
					const opened = await findIncidentBySourceRef(rt.db, tenant.id, sourceRef);
					if (opened) return opened;
				}
				const desk = await openIncidentDesk(rt.db, systemActor(tenant.id, cliLabel()));
				const assetIds = [...input.assetIds];
				for (const [index, code] of assetCodes.entries()) {
					const asset = await findAssetByCode(rt.db, tenant.id, code);
					if (!asset) {
						throw new Problem("validation_failed", "unknown asset", {
							issues: [
								{
									path: `assetCodes.${index}`,
									code: "asset_not_found",
									params: { code },
									message: `no asset ${code} in the ledger`,
								},
							],
						});
					}
					assetIds.push(asset.id);
				}
				return inTransaction(rt.db, (tx) =>
					reportIncident(
						tx,
						desk,
						{ ...input, assetIds },
						{ kind: "system", name: system, ...(sourceRef ? { ref: sourceRef } : {}) },
					),
				);
			});
			const result = { id: row.id, reference: row.reference, state: row.state };
			console.log(values.json ? JSON.stringify(result) : `${row.reference} ${row.id}`);
			return 0;
		} catch (error) {
			if (!(error instanceof Problem) || error.code !== "validation_failed") throw error;
			for (const issue of error.issues) console.error(`${file}: ${issue.path}: ${issue.message}`);
			return 1;
		}
	},
};
