import type { Queryable } from "../../../db/queryable.ts";
import { Problem } from "../../../shared/problem.ts";
import { sha256Hex } from "../../../shared/uploaded-file.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { managedUnits, seesAll } from "./campaign-access.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import { findAnswerEvidence, findRespondent } from "./campaigns.repository.ts";

export interface AnswerEvidenceFile {
	fileName: string;
	mediaType: string;
	sha256: string;
	bytes: Uint8Array;
}

/**
 * One answer's evidence file, to whoever reads the answer: the respondent (drafts too), the
 * unit's 管理者 and the IT-policy section / CISO (submitted answers, as in the unit review).
 * Anyone else, and another tenant, finds nothing. A file that no longer matches the SHA-256
 * taken on upload is not served.
 *
 * @throws Problem `not_found`; `internal` when the stored bytes no longer match their SHA-256
 * @example
 * const file = await readAnswerEvidence(db, actor, respondentId, itemId);
 */
export async function readAnswerEvidence(
	db: Queryable,
	actor: Actor,
	respondentId: string,
	itemId: string,
): Promise<AnswerEvidenceFile> {
	authorize(actor, campaignsPolicy, "assurance_campaign.list");
	const respondent = await findRespondent(db, actor.tenantId, respondentId);
	const own = respondent?.account_id === actor.accountId;
	const reviews =
		respondent !== undefined && (seesAll(actor) || managedUnits(actor).has(respondent.org_unit_id));
	if (!respondent || !(own || reviews)) {
		throw new Problem("not_found", `respondent ${respondentId} does not exist`);
	}
	const file = await findAnswerEvidence(db, actor.tenantId, respondent.id, itemId);
	const readable = file && (own || Number(file.submitted) === 1);
	if (!readable || !file.evidence || !file.evidence_name || !file.evidence_sha256) {
		throw new Problem("not_found", "no evidence file on this answer");
	}
	const bytes = new Uint8Array(file.evidence);
	if (sha256Hex(bytes) !== file.evidence_sha256) {
		throw new Problem("internal", "the stored file no longer matches its SHA-256; not served");
	}
	return {
		fileName: file.evidence_name,
		mediaType: file.evidence_media_type ?? "application/octet-stream",
		sha256: file.evidence_sha256,
		bytes,
	};
}
