import { z } from "zod";
import { inTransaction } from "../../../db/transaction.ts";
import type { ImportKind } from "../../../platform/imports/import-kind.ts";
import { refusal } from "../../../shared/issues.ts";
import { authorize } from "../../authz/policy.ts";
import { orgPolicy } from "../org.policy.ts";
import { applyRoster } from "./apply-roster.ts";
import { rosterMappingTarget } from "./preview-roster.ts";
import { findRosterImport } from "./roster.repository.ts";
import { type RosterApplyReport, rosterPlanSchema } from "./roster.schemas.ts";

const optionsSchema = z.object({ rosterImportId: z.string() });

/**
 * Applying a previewed roster as an import of the platform's pipeline. The file was read and
 * every row checked at preview; the job carries out the stored plan in one transaction, in the
 * import worker thread. Its report names how many one-time passwords were issued; they are
 * shown once (`reveal-passwords.ts`) and downloadable once as CSV.
 */
export const rosterImport: ImportKind = {
	name: "org.roster",
	tables: ["staff", "accounts", "role_assignments"],
	authorize: (actor) => authorize(actor, orgPolicy, "roster.import"),
	async run(run) {
		if (run.dryRun)
			throw refusal(
				"validation_failed",
				"roster_preview_only",
				"a roster is checked by its preview",
			);
		const { rosterImportId } = optionsSchema.parse(run.options);
		// Every row was checked at preview; the plan says how many.
		const preview = await findRosterImport(run.deps.db, run.actor.tenantId, rosterImportId);
		const checked = preview ? rosterPlanSchema.parse(JSON.parse(preview.plan)).rowCount : 0;
		const applied = await inTransaction(run.deps.db, (tx) =>
			applyRoster(tx, run.actor, rosterImportId, run.deps.secrets, new Date(), (written) =>
				run.progress({ checked, written }),
			),
		);
		const report: RosterApplyReport = {
			rosterImportId,
			counts: applied.plan.counts,
			passwordsIssued: applied.issued.length,
		};
		const written =
			applied.plan.newStaff.length +
			applied.plan.returning.length +
			applied.plan.moves.length +
			applied.plan.updates.length +
			applied.plan.roleChanges.length +
			applied.plan.leavers.length;
		return {
			applied: true,
			result: report,
			progress: { checked, written },
		};
	},
	mappingTarget: async () => rosterMappingTarget(),
};
