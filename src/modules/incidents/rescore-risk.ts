import type { Tx } from "../../db/transaction.ts";
import { editableRisk, type Register } from "../risks/register.ts";
import { findRisk, type RiskRow } from "../risks/risks.repository.ts";
import { updateRisk } from "../risks/update-risk.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import type { RescoreRiskInput } from "./incident-risk.schemas.ts";
import { caseForRisk, recordRiskLink } from "./raise-risk.ts";

function ratings(risk: RiskRow) {
	return {
		inherent: {
			likelihood: Number(risk.inherent_likelihood),
			impact: Number(risk.inherent_impact),
			score: Number(risk.inherent_score),
		},
		residual: {
			likelihood: Number(risk.residual_likelihood),
			impact: Number(risk.residual_impact),
			score: Number(risk.residual_score),
		},
	};
}

/**
 * Re-rate an existing risk in the light of a case, through the risk register's own update (its
 * checks apply; moving the residual rating of an accepted risk withdraws the acceptance), and put
 * the ratings before and after (and the reason given, as its text) on the case's timeline. A re-rating that changes nothing is still
 * recorded on the case: the register was looked at and the rating stands.
 *
 * @throws Problem `not_found` (a case or risk out of reach), `forbidden` (a risk the caller may
 * read but not change), `conflict` (a stale risk version, a rejected case), `validation_failed`
 */
export async function rescoreRiskFromIncident(
	tx: Tx,
	desk: IncidentDesk,
	register: Register,
	id: string,
	riskId: string,
	input: RescoreRiskInput,
	now: Date = new Date(),
): Promise<string> {
	const row = await caseForRisk(tx, desk, id, "incident.rescore_risk");
	const tenantId = desk.actor.tenantId;
	const before = editableRisk(register, await findRisk(tx, tenantId, riskId));
	const changed = await updateRisk(
		tx,
		register,
		before.id,
		{
			version: input.version,
			...(input.inherent ? { inherent: input.inherent } : {}),
			...(input.residual ? { residual: input.residual } : {}),
		},
		now.toISOString(),
	);
	const after = editableRisk(register, await findRisk(tx, tenantId, riskId));
	await recordRiskLink(
		tx,
		desk,
		row,
		{
			kind: "rescored",
			riskId: before.id,
			data: {
				title: after.title,
				before: ratings(before),
				after: ratings(after),
				fields: changed,
			},
			text: input.reason,
		},
		now,
	);
	return before.id;
}
