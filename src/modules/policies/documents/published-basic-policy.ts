import type { Queryable } from "../../../db/queryable.ts";
import type { SectionInput } from "./content.ts";
import { listDocuments, listRevisions, listVersions } from "./documents.repository.ts";

export interface PublishedBasicPolicy {
	title: string;
	/** The sections written out as numbered plain text, the form the importer reads. */
	text: string;
	revisions: { date: string; summary: string }[];
}

function render(sections: SectionInput[]): string[] {
	return sections.flatMap((s) => [
		`${s.label} ${s.title}`.trim(),
		...(s.body ? [s.body] : []),
		...render(s.children),
	]);
}

/**
 * The tenant's published 基本方針 (the public document every other record cites), for modules
 * that analyse its text, such as the gap analysis; null when none is published yet.
 */
export async function publishedBasicPolicy(
	db: Queryable,
	tenantId: string,
): Promise<PublishedBasicPolicy | null> {
	const basic = (await listDocuments(db, tenantId)).find((d) => d.kind === "basic_policy");
	if (!basic) return null;
	const published = (await listVersions(db, tenantId, [basic.id])).find(
		(v) => v.status === "published",
	);
	if (!published) return null;
	const sections = JSON.parse(published.content) as SectionInput[];
	const revisions = await listRevisions(db, tenantId, basic.id);
	return {
		title: published.title,
		text: [published.title, ...render(sections)].join("\n"),
		revisions: revisions.map((r) => ({ date: r.date, summary: r.summary })),
	};
}
