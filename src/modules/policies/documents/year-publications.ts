import type { Queryable } from "../../../db/queryable.ts";
import { fiscalYearInstants } from "../../../shared/dates.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { policyFor } from "./access.ts";
import { completionOf } from "./acknowledgement-status.ts";
import { findDocument, findVersion, publicationsBetween } from "./documents.repository.ts";

/** One version published in the year, and how many of its readers have acknowledged it. */
export interface YearPublication {
	documentTitle: string;
	/** basic_policy | standards | procedures | additional */
	documentKind: string;
	versionNumber: number;
	/** 制定 (the document's first version) or 改定. */
	change: "adopted" | "revised";
	publishedAt: string;
	/** Readers asked to acknowledge, and those who have. */
	audience: number;
	acknowledged: number;
}

export interface YearPublications {
	fiscalYear: number;
	versions: YearPublication[];
	/** Over every version of the year: acknowledgements / readers asked, in percent (one decimal). */
	acknowledgementRate: number | null;
}

/**
 * The policy versions published in a fiscal year (adopted or revised) with their acknowledgement
 * by the readers they were published to, for those who follow acknowledgements. The yearly
 * status report calls this; it never reads the documents' tables.
 *
 * @example
 * const year = await publicationsOfYear(db, actor, 2026);
 */
export async function publicationsOfYear(
	db: Queryable,
	actor: Actor,
	fiscalYear: number,
): Promise<YearPublications> {
	const policy = await policyFor(db, actor);
	authorize(actor, policy, "policy_acknowledgement.monitor");
	const { from, to } = fiscalYearInstants(fiscalYear);
	const published = await publicationsBetween(db, actor.tenantId, from, to);
	const versions: YearPublication[] = [];
	for (const publication of published) {
		const version = await findVersion(db, actor.tenantId, publication.version_id);
		const document = version && (await findDocument(db, actor.tenantId, version.document_id));
		if (!version || !document) continue;
		const completion = await completionOf(db, actor.tenantId, policy, version, document);
		versions.push({
			documentTitle: document.title,
			documentKind: document.kind,
			versionNumber: Number(version.number),
			change: Number(version.number) === 1 ? "adopted" : "revised",
			publishedAt: publication.published_at,
			audience: completion.total,
			acknowledged: completion.acknowledged,
		});
	}
	const asked = versions.reduce((sum, v) => sum + v.audience, 0);
	const done = versions.reduce((sum, v) => sum + v.acknowledged, 0);
	return {
		fiscalYear,
		versions,
		acknowledgementRate: asked === 0 ? null : Math.round((done / asked) * 1000) / 10,
	};
}
