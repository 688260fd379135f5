import type { Queryable } from "../../../db/queryable.ts";
import type { Actor } from "../../authz/roles.ts";
import { mayReadContent, policyFor } from "./access.ts";
import type { SectionInput } from "./content.ts";
import { listDocuments, listVersions } from "./documents.repository.ts";

/** A clause of a published policy document, as another record cites it. */
export interface PolicyClause {
	/** `情報セキュリティ対策基準 3 (1) 通信経路の分離`: the document, the label path, the title. */
	text: string;
	document: string;
}

/** More would not be a pick list. */
const MAX_CLAUSES = 2_000;
/** The length of a cited clause (the exceptions' `clause`). */
const MAX_TEXT = 200;

/**
 * The clauses of the tenant's published policy documents whose content the caller may read (a
 * non-public document only for the roles the pack names), in document order: what a request
 * (例外措置) may cite. Labels of the levels above are kept in each clause.
 *
 * @example
 * const clauses = await policyClauses(db, actor); // [{ text: "基本方針 6 (3) ② …", … }]
 */
export async function policyClauses(db: Queryable, actor: Actor): Promise<PolicyClause[]> {
	const policy = await policyFor(db, actor);
	const documents = (await listDocuments(db, actor.tenantId)).filter((document) =>
		mayReadContent(actor, policy, document),
	);
	const versions = await listVersions(
		db,
		actor.tenantId,
		documents.map((document) => document.id),
	);
	const clauses: PolicyClause[] = [];
	for (const document of documents) {
		const published = versions.find(
			(version) => version.document_id === document.id && version.status === "published",
		);
		if (!published) continue;
		const walk = (sections: readonly SectionInput[], labels: string[]) => {
			for (const section of sections) {
				if (clauses.length >= MAX_CLAUSES) return;
				const path = [...labels, section.label.trim()].filter((label) => label !== "");
				const text = [published.title, path.join(" "), section.title.trim()]
					.filter((part) => part !== "")
					.join(" ")
					.slice(0, MAX_TEXT);
				clauses.push({ text, document: published.title });
				walk(section.children, path);
			}
		};
		walk(JSON.parse(published.content) as SectionInput[], []);
	}
	return clauses;
}
