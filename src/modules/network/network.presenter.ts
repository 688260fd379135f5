import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { checkModel } from "./check-model.ts";
import { diagramFlows } from "./diagram-view.ts";
import { type CoveringException, overlayExceptions } from "./exception-overlay.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { NETWORK_RULES } from "./rules/index.ts";
import { splitClause } from "./rules/rule.ts";

/**
 * A model's check as the API sends it: the report, the rules' titles (for the table's rule
 * column), and the flows resolved for the diagram. Violations that exceptions in force cover
 * (例外措置, read through the exceptions module) carry their reference and verdict `exception`.
 */
export function presentCheck(
	model: NetworkModelFile,
	pack: PolicyPack,
	exceptions: readonly CoveringException[] = [],
) {
	return {
		report: overlayExceptions(checkModel(model, pack), exceptions),
		rules: NETWORK_RULES.map((rule) => ({
			id: rule.id,
			...splitClause(rule.clause),
			title: rule.title,
			description: rule.description,
		})),
		diagramFlows: diagramFlows(model),
	};
}
export type PresentedCheck = ReturnType<typeof presentCheck>;
