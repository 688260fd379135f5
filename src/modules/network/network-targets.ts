import type { Queryable } from "../../db/queryable.ts";
import { readStoredModel } from "./read-model.ts";
import { namesOf } from "./report-labels.ts";

/** A flow, or a segment, node or gateway, of the stored model as a picker lists it. */
export interface NetworkTarget {
	id: string;
	/** `窓口端末 → メールサーバ (smtp/25)` for a flow; the name for the others. */
	label: string;
}

/**
 * Flows (`kind` "flow") or segments, nodes and gateways ("node") of the tenant's stored model
 * whose id, name or purpose contains `q` (any case), in model order, at most `limit`: what other
 * modules offer to pick (例外措置 names what it covers). The caller has authorised the read.
 *
 * @example
 * await findNetworkTargets(db, tenantId, "flow", "mail", 20);
 */
export async function findNetworkTargets(
	db: Queryable,
	tenantId: string,
	kind: "flow" | "node",
	q: string,
	limit: number,
): Promise<NetworkTarget[]> {
	const { model } = await readStoredModel(db, tenantId);
	const names = namesOf(model);
	const needle = q.trim().toLowerCase();
	const matches = (...texts: (string | undefined)[]) =>
		needle === "" || texts.some((text) => text?.toLowerCase().includes(needle));
	const found: NetworkTarget[] = [];
	if (kind === "flow") {
		for (const flow of model.flows) {
			if (found.length >= limit) break;
			const ends = names.get(`flow:${flow.id}`) ?? `${flow.source} → ${flow.destination}`;
			const port = flow.port === undefined ? "" : `/${flow.port}`;
			const label = `${ends} (${flow.protocol ?? "any"}${port})`;
			if (matches(flow.id, label, flow.purpose)) found.push({ id: flow.id, label });
		}
		return found;
	}
	for (const entity of [...model.segments, ...model.nodes, ...model.gateways]) {
		if (found.length >= limit) break;
		const label = entity.name ?? entity.id;
		if (matches(entity.id, label)) found.push({ id: entity.id, label });
	}
	return found;
}
