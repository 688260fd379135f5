import type { MessageKey } from "../i18n/ja.ts";
import {
	type Flow,
	GATEWAY_KINDS,
	type Gateway,
	type GatewayKind,
	type ModelNode,
	type NetworkModel,
	NODE_KINDS,
	type NodeKind,
	SEGMENT_KINDS,
	type Segment,
	type SegmentKind,
} from "./types.ts";

/** The four tables of the editor. */
export const ENTITY_KINDS = ["segments", "nodes", "gateways", "flows"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type Entity = Segment | ModelNode | Gateway | Flow;

export type Values = Record<string, string | boolean>;

/** One form control of an entity dialog. */
export interface FieldSpec {
	name: string;
	label: MessageKey;
	type: "text" | "select" | "checkbox" | "list" | "endpoint";
	required?: boolean;
	/** For selects: the codes offered, and the catalogue prefix of their labels (or none: ids). */
	options?: (model: NetworkModel) => readonly string[];
	optionLabel?: string;
	hint?: MessageKey;
}

const segmentIds = (model: NetworkModel) => model.segments.map((s) => s.id);

const COMMON_END: FieldSpec[] = [{ name: "note", label: "network.field.note", type: "text" }];

export const FIELD_SPECS: Record<EntityKind, FieldSpec[]> = {
	segments: [
		{ name: "id", label: "network.field.id", type: "text", required: true },
		{
			name: "kind",
			label: "network.field.kind",
			type: "select",
			required: true,
			options: () => SEGMENT_KINDS,
			optionLabel: "network.kind",
		},
		{ name: "name", label: "network.field.name", type: "text" },
		{ name: "cidrs", label: "network.field.cidrs", type: "list", hint: "network.field.listHint" },
		{ name: "monitoring", label: "network.field.monitoring", type: "checkbox" },
		{ name: "localBreakout", label: "network.field.localBreakout", type: "checkbox" },
		...COMMON_END,
	],
	nodes: [
		{ name: "id", label: "network.field.id", type: "text", required: true },
		{
			name: "kind",
			label: "network.field.kind",
			type: "select",
			required: true,
			options: () => NODE_KINDS,
			optionLabel: "network.nodeKind",
		},
		{
			name: "segment",
			label: "network.field.segment",
			type: "select",
			required: true,
			options: segmentIds,
		},
		{ name: "name", label: "network.field.name", type: "text" },
		{
			name: "addresses",
			label: "network.field.addresses",
			type: "list",
			hint: "network.field.listHint",
		},
		{ name: "mfa", label: "network.field.mfa", type: "checkbox" },
		{ name: "takeOutBlocked", label: "network.field.takeOutBlocked", type: "checkbox" },
		{ name: "edr", label: "network.field.edr", type: "checkbox" },
		{ name: "logCollection", label: "network.field.logCollection", type: "checkbox" },
		{ name: "handlesMyNumber", label: "network.field.handlesMyNumber", type: "checkbox" },
		{
			name: "assetId",
			label: "network.field.assetId",
			type: "text",
			hint: "network.field.assetIdHint",
		},
		{ name: "owner", label: "network.field.owner", type: "text" },
		...COMMON_END,
	],
	gateways: [
		{ name: "id", label: "network.field.id", type: "text", required: true },
		{
			name: "kind",
			label: "network.field.kind",
			type: "select",
			required: true,
			options: () => GATEWAY_KINDS,
			optionLabel: "network.gatewayKind",
		},
		{ name: "name", label: "network.field.name", type: "text" },
		{
			name: "between0",
			label: "network.field.between0",
			type: "select",
			required: true,
			options: segmentIds,
		},
		{
			name: "between1",
			label: "network.field.between1",
			type: "select",
			required: true,
			options: segmentIds,
		},
		{ name: "approval", label: "network.field.approval", type: "checkbox" },
		{ name: "next", label: "network.field.next", type: "list", hint: "network.field.listHint" },
		...COMMON_END,
	],
	flows: [
		{ name: "id", label: "network.field.id", type: "text", required: true },
		{
			name: "source",
			label: "network.field.source",
			type: "endpoint",
			required: true,
			hint: "network.field.endpointHint",
		},
		{
			name: "destination",
			label: "network.field.destination",
			type: "endpoint",
			required: true,
			hint: "network.field.endpointHint",
		},
		{ name: "protocol", label: "network.field.protocol", type: "text" },
		{ name: "port", label: "network.field.port", type: "text" },
		{ name: "method", label: "network.field.method", type: "text" },
		{ name: "via", label: "network.field.via", type: "list", hint: "network.field.viaHint" },
		{ name: "purpose", label: "network.field.purpose", type: "text" },
		{ name: "classification", label: "network.field.classification", type: "text" },
		{ name: "owner", label: "network.field.owner", type: "text" },
		...COMMON_END,
	],
};

function list(value: string | boolean | undefined): string[] | undefined {
	if (typeof value !== "string") return undefined;
	const items = value.split(/[\s,、;]+/u).filter((item) => item !== "");
	return items.length > 0 ? items : undefined;
}

function text(value: string | boolean | undefined): string | undefined {
	return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function flag(value: string | boolean | undefined): boolean | undefined {
	return value === true ? true : undefined;
}

/** Drop the keys whose value is undefined (the model's optional fields are left out, not null). */
function compact<T extends object>(entity: T): T {
	return Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== undefined)) as T;
}

/** The form's values for an entity (empty for a new one). */
export function valuesOf(kind: EntityKind, entity: Entity | null): Values {
	if (!entity) {
		return kind === "segments"
			? { kind: "lgwan" }
			: kind === "nodes"
				? { kind: "terminal" }
				: kind === "gateways"
					? { kind: "sanitizing_mail" }
					: {};
	}
	const values: Values = {};
	for (const [key, value] of Object.entries(entity)) {
		if (Array.isArray(value)) values[key] = value.join(", ");
		else if (typeof value === "boolean" || typeof value === "string") values[key] = value;
		else if (typeof value === "number") values[key] = String(value);
	}
	if (kind === "gateways") {
		const gateway = entity as Gateway;
		values.between0 = gateway.between[0] ?? "";
		values.between1 = gateway.between[1] ?? "";
		delete values.between;
	}
	return values;
}

/** The entity the form's values describe; the server checks the rest when it is checked or saved. */
export function entityOf(kind: EntityKind, v: Values): Entity {
	const common = { id: text(v.id) ?? "", name: text(v.name), note: text(v.note) };
	switch (kind) {
		case "segments":
			return compact<Segment>({
				...common,
				kind: (text(v.kind) ?? "lgwan") as SegmentKind,
				cidrs: list(v.cidrs),
				monitoring: flag(v.monitoring),
				localBreakout: flag(v.localBreakout),
			});
		case "nodes":
			return compact<ModelNode>({
				...common,
				kind: (text(v.kind) ?? "terminal") as NodeKind,
				segment: text(v.segment) ?? "",
				addresses: list(v.addresses),
				mfa: flag(v.mfa),
				takeOutBlocked: flag(v.takeOutBlocked),
				edr: flag(v.edr),
				logCollection: flag(v.logCollection),
				handlesMyNumber: flag(v.handlesMyNumber),
				assetId: text(v.assetId),
				owner: text(v.owner),
			});
		case "gateways":
			return compact<Gateway>({
				...common,
				kind: (text(v.kind) ?? "sanitizing_mail") as GatewayKind,
				between: [text(v.between0) ?? "", text(v.between1) ?? ""],
				approval: flag(v.approval),
				next: list(v.next),
			});
		case "flows": {
			const port = text(v.port);
			return compact<Flow>({
				id: common.id,
				note: common.note,
				source: text(v.source) ?? "",
				destination: text(v.destination) ?? "",
				protocol: text(v.protocol),
				port: port !== undefined && /^\d+$/.test(port) ? Number(port) : port,
				method: text(v.method),
				via: list(v.via),
				purpose: text(v.purpose),
				classification: text(v.classification),
				owner: text(v.owner),
			});
		}
	}
}

/** The model with one entity added (`index` null), replaced, or removed (`entity` null). */
export function withEntity(
	model: NetworkModel,
	kind: EntityKind,
	index: number | null,
	entity: Entity | null,
): NetworkModel {
	const items = [...(model[kind] as Entity[])];
	if (index === null) {
		if (entity) items.push(entity);
	} else if (entity) items[index] = entity;
	else items.splice(index, 1);
	return { ...model, [kind]: items };
}
