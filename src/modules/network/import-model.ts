import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeExceptions } from "../exceptions/active-exceptions.ts";
import { type ModelProblem, parseModelFile } from "./load-model.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { networkPolicy } from "./network.policy.ts";
import { type PresentedCheck, presentCheck } from "./network.presenter.ts";
import { readStoredModel, requireTenantPack } from "./read-model.ts";
import { saveNetworkModel } from "./save-model.ts";
import { refuseProblems } from "./validate-model.ts";

export interface UploadedFile {
	text?: string | undefined;
	fileBase64?: string | undefined;
	fileName?: string | undefined;
}

/** An uploaded file's text: as sent, or its base64 bytes read as UTF-8. */
export function uploadedText(file: UploadedFile): string {
	if (file.text !== undefined) return file.text;
	return Buffer.from(file.fileBase64 ?? "", "base64").toString("utf8");
}

/** JSON when named `.json` or when the text is a JSON object; YAML otherwise. */
export function modelFormat(
	file: UploadedFile,
	text: string,
	format?: "yaml" | "json",
): "yaml" | "json" {
	if (format) return format;
	if (file.fileName && /\.json$/i.test(file.fileName)) return "json";
	if (file.fileName && /\.ya?ml$/i.test(file.fileName)) return "yaml";
	return /^\uFEFF?\s*\{/.test(text) ? "json" : "yaml";
}

export interface ImportResult {
	saved: boolean;
	revision: number;
	problems: ModelProblem[];
	/** Present when the file is valid. */
	model?: NetworkModelFile;
	check?: PresentedCheck;
}

/**
 * Read a model file (YAML or JSON). A dry run returns the problems, or the model with its check,
 * and stores nothing; otherwise a valid model is saved as the next revision.
 *
 * @throws Problem `validation_failed` (not on a dry run) listing every problem with its line.
 */
export async function importModel(
	db: Db,
	actor: Actor,
	input: UploadedFile & {
		format?: "yaml" | "json" | undefined;
		dryRun: boolean;
		baseRevision?: number | undefined;
	},
): Promise<ImportResult> {
	authorize(actor, networkPolicy, "network.edit");
	const pack = await requireTenantPack(db, actor.tenantId);
	// The preview marks what exceptions in force cover, as the network page does.
	const exceptions = await activeExceptions(db, actor.tenantId);
	const text = uploadedText(input);
	const { model, problems } = parseModelFile(text, modelFormat(input, text, input.format));
	if (input.dryRun || !model) {
		if (!input.dryRun) refuseProblems(problems);
		const stored = await readStoredModel(db, actor.tenantId);
		const result: ImportResult = { saved: false, revision: stored.revision, problems };
		return model ? { ...result, model, check: presentCheck(model, pack.pack, exceptions) } : result;
	}
	const row = await inTransaction(db, (tx) =>
		saveNetworkModel(tx, actor, model, { source: "import", baseRevision: input.baseRevision }),
	);
	return {
		saved: true,
		revision: row.revision,
		problems: [],
		model,
		check: presentCheck(model, pack.pack, exceptions),
	};
}
