import type { Tx } from "../../../db/transaction.ts";
import { ruleProblem } from "../../../shared/issues.ts";
import type { Actor } from "../../authz/roles.ts";
import type { ImportWarning } from "../import/import.schemas.ts";
import { importPolicyFile } from "../import/import-policy.ts";
import { fromImported } from "./content.ts";
import { createDraftVersion } from "./create-draft.ts";
import type { VersionRow } from "./documents.repository.ts";

/**
 * Build a draft version from the plain text of an existing policy (UTF-8, UTF-16 or Shift_JIS):
 * the importer's section tree becomes the content; its warnings are returned for the editor.
 */
export async function importDraft(
	tx: Tx,
	actor: Actor,
	documentId: string,
	input: { fileName: string; contentBase64: string; changeSummary: string },
): Promise<{ version: VersionRow; warnings: ImportWarning[] }> {
	const bytes = Buffer.from(input.contentBase64, "base64");
	if (bytes.length === 0)
		throw ruleProblem("validation_failed", "the uploaded file is empty", "file", "file_empty");
	const result = importPolicyFile(bytes);
	const version = await createDraftVersion(tx, actor, documentId, {
		title: result.title,
		changeSummary: input.changeSummary || `${input.fileName} から取込み`,
		sections: fromImported(result.sections),
		source: "import",
		warnings: result.warnings.length,
	});
	return { version, warnings: result.warnings };
}
