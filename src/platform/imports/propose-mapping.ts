import type { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import { refusal } from "../../shared/issues.ts";
import { firstRows } from "./first-rows.ts";
import type {
	ColumnMapping,
	MappingField,
	MappingTarget,
	MappingValue,
} from "./mapping.schemas.ts";
import { fitSavedMapping, proposeMapping } from "./mapping.ts";
import type { mappingProposalSchema } from "./mappings.schemas.ts";
import { importKind } from "./registry.ts";
import { savedMapping } from "./saved-mappings.ts";

export type MappingProposalView = z.infer<typeof mappingProposalSchema>;

/** Rows read to propose a mapping: the header is in the first 30, values are gathered from these. */
const PROPOSAL_ROWS = 2_000;

function fieldView(field: MappingField): MappingProposalView["fields"][number] {
	const values = field.values ?? [];
	const lists: (readonly MappingValue[])[] =
		values.length === 0
			? []
			: Array.isArray(values[0])
				? [...(values as readonly (readonly MappingValue[])[])]
				: [values as readonly MappingValue[]];
	return {
		key: field.key,
		header: field.header,
		required: field.required,
		parts: field.parts ? field.parts.length : null,
		values: lists.map((list) => list.map(({ value, label }) => ({ value, label }))),
	};
}

/** Keep what was saved for the labels the file still has. */
function merge(proposed: ColumnMapping, saved: ColumnMapping): ColumnMapping {
	const columns = { ...proposed.columns };
	const values = { ...proposed.values };
	for (const label of Object.keys(columns)) {
		if (Object.hasOwn(saved.columns, label)) columns[label] = saved.columns[label] ?? null;
		const rewrite = saved.values[label];
		if (rewrite) values[label] = { ...values[label], ...rewrite };
	}
	return { ...proposed, columns, values };
}

/**
 * Propose how a file reads as an import: the header found, each column matched to a field, the
 * closed lists' values matched; with a source whose mapping is saved, that mapping when it still
 * fits the file (no questions), or the proposal keeping its choices and naming what changed.
 *
 * @throws Problem `validation_failed` (`import_mapping_no_header`) when no row names any field
 * @example
 * const proposal = await proposeForFile(deps, actor, { kind: "assets.ledger", bytes, source: "財政課台帳" });
 */
export async function proposeForFile(
	deps: AppDeps,
	actor: Actor,
	input: { kind: string; bytes: Uint8Array; source?: string | undefined; options?: unknown },
): Promise<MappingProposalView> {
	const kind = importKind(input.kind);
	kind.authorize(actor);
	if (!kind.mappingTarget) {
		throw refusal(
			"validation_failed",
			"import_mapping_unsupported",
			"this import reads its own layout only",
		);
	}
	const target: MappingTarget = await kind.mappingTarget(deps, actor, input.options ?? {});
	const rows = await firstRows(deps, input.bytes, PROPOSAL_ROWS);
	const source = input.source ?? "";
	const saved = source === "" ? null : await savedMapping(deps.db, actor, kind.name, source);
	const proposal = proposeMapping(rows, target, source === "" ? "未保存" : source);
	if (!proposal) {
		throw refusal(
			"validation_failed",
			"import_mapping_no_header",
			"no row names any field of this import",
		);
	}
	let status: MappingProposalView["saved"] = { status: "none", added: [], removed: [] };
	let mapping = proposal.mapping;
	if (saved) {
		const fit = fitSavedMapping(saved, rows, target);
		if ("mapping" in fit) {
			mapping = fit.mapping;
			status = { status: "fits", added: [], removed: [] };
		} else {
			mapping = merge(proposal.mapping, saved);
			status = { status: "changed", ...fit.change };
		}
	}
	return {
		kind: kind.name,
		saved: status,
		mapping,
		labels: proposal.labels,
		ignored: Object.entries(mapping.columns)
			.filter(([, to]) => to === null)
			.map(([label]) => label),
		missing: proposal.missing,
		unmatchedValues: proposal.unmatchedValues,
		sample: proposal.sample,
		fields: target.fields.map(fieldView),
	};
}
