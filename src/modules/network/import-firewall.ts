import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeExceptions } from "../exceptions/active-exceptions.ts";
import { type FirewallRowError, parseFirewallCsv, withFirewallFlows } from "./firewall-csv.ts";
import { type ModelProblem, parseModelFile } from "./load-model.ts";
import type { Flow, NetworkModelFile } from "./model.schema.ts";
import { networkPolicy } from "./network.policy.ts";
import { type PresentedCheck, presentCheck } from "./network.presenter.ts";
import { readStoredModel, requireTenantPack } from "./read-model.ts";
import { saveNetworkModel } from "./save-model.ts";
import { refuseProblems } from "./validate-model.ts";

export interface FirewallImportResult {
	saved: boolean;
	revision: number;
	errors: FirewallRowError[];
	flows: number;
	added: number;
	replaced: number;
	problems: ModelProblem[];
	/** Present when the merged model is valid. */
	model?: NetworkModelFile;
	check?: PresentedCheck;
}

/**
 * Add flows to a model: a flow whose id the model has replaces it (a re-export of the same rule
 * base updates it), the others are appended in file order.
 *
 * @example
 * mergeFlows(model, [{ id: "fw-12", source: "10.1.0.5", destination: "lgwan" }]).added; // 1
 */
export function mergeFlows(
	model: NetworkModelFile,
	flows: readonly Flow[],
): { model: NetworkModelFile; added: number; replaced: number } {
	const merged = [...model.flows];
	const at = new Map(merged.map((flow, i) => [flow.id, i]));
	let added = 0;
	let replaced = 0;
	for (const flow of flows) {
		const i = at.get(flow.id);
		if (i === undefined) {
			at.set(flow.id, merged.length);
			merged.push(flow);
			added++;
		} else {
			merged[i] = flow;
			replaced++;
		}
	}
	return { model: { ...model, flows: merged }, added, replaced };
}

/** The merged model, re-validated (addresses must fall in a segment, ids stay unique). */
function validated(model: NetworkModelFile) {
	return parseModelFile(JSON.stringify(model), "json");
}

function refuseRowErrors(errors: readonly FirewallRowError[]): void {
	if (errors.length === 0) return;
	const place = (e: FirewallRowError) => `row ${e.row}, ${e.column}`;
	throw new Problem(
		"validation_failed",
		`the firewall export has ${errors.length} row error(s): ${errors
			.slice(0, 5)
			.map((e) => `${place(e)}: ${e.message}`)
			.join("; ")}`,
		{
			// The place is a row and column of the export, not a field of a form: no `field`.
			issues: errors.map((e) => ({
				path: place(e),
				message: e.message,
				code: e.code,
				params: { ...e.params, row: e.row, column: e.column },
			})),
		},
	);
}

/**
 * Read a firewall rule export (CSV) into the stored model's flows. A dry run shows the rows that
 * could not be read (by row and column), the count of flows added or replaced and the check of
 * the result, and stores nothing; otherwise the result is saved as the next revision.
 *
 * @throws Problem `validation_failed` (not on a dry run) when a row or the result is wrong;
 * `conflict` when `baseRevision` is not the current revision.
 */
export async function importFirewall(
	db: Db,
	actor: Actor,
	input: { content: Buffer; dryRun: boolean; baseRevision?: number | undefined },
): Promise<FirewallImportResult> {
	authorize(actor, networkPolicy, "network.edit");
	const pack = await requireTenantPack(db, actor.tenantId);
	// The preview marks what exceptions in force cover, as the network page does.
	const exceptions = await activeExceptions(db, actor.tenantId);
	const parsed = await parseFirewallCsv(input.content);
	// Rows whose addresses or gateways match nothing in the model are errors of that row.
	const run = (stored: NetworkModelFile) => {
		const mapped = withFirewallFlows(stored, parsed);
		const merge = mergeFlows(stored, mapped.model.flows);
		const errors = [...parsed.errors, ...mapped.errors].sort((a, b) => a.row - b.row);
		return { ...merge, errors, result: validated(merge.model) };
	};
	if (input.dryRun) {
		const stored = await readStoredModel(db, actor.tenantId);
		const { added, replaced, errors, result } = run(stored.model);
		const preview: FirewallImportResult = {
			saved: false,
			revision: stored.revision,
			errors,
			flows: parsed.flows.length,
			added,
			replaced,
			problems: result.problems,
		};
		return result.model
			? {
					...preview,
					model: result.model,
					check: presentCheck(result.model, pack.pack, exceptions),
				}
			: preview;
	}
	return inTransaction(db, async (tx) => {
		const stored = await readStoredModel(tx, actor.tenantId);
		const { added, replaced, errors, result } = run(stored.model);
		refuseRowErrors(errors);
		refuseProblems(result.problems);
		// refuseProblems threw unless the merged model is valid.
		if (!result.model) throw new Problem("internal", "the merged model is not valid");
		const row = await saveNetworkModel(tx, actor, result.model, {
			source: "firewall_import",
			baseRevision: input.baseRevision,
		});
		return {
			saved: true,
			revision: row.revision,
			errors: [],
			flows: parsed.flows.length,
			added,
			replaced,
			problems: [],
			model: result.model,
			check: presentCheck(result.model, pack.pack, exceptions),
		};
	});
}
