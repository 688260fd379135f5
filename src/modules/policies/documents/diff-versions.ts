import type { Db } from "../../../db/connection.ts";
import { ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import type { Actor } from "../../authz/roles.ts";
import type { PolicySection } from "./content.ts";
import { readVersion } from "./read-version.ts";
import { diffSections } from "./section-diff.ts";

/** A 新旧対照表 of two versions of one document, section by section. */
export async function diffVersions(db: Db, actor: Actor, versionId: string, againstId: string) {
	const after = await readVersion(db, actor, versionId);
	const before = await readVersion(db, actor, againstId);
	if (before.document.id !== after.document.id) {
		throw new Problem("validation_failed", "both versions must belong to the same document", {
			issues: [
				ruleIssue("against", "versions_of_other_documents", "a version of another document"),
			],
		});
	}
	const parse = (content: string) => JSON.parse(content) as PolicySection[];
	return {
		document: after.document,
		before: before.version,
		after: after.version,
		rows: diffSections(parse(before.version.content), parse(after.version.content)),
	};
}
