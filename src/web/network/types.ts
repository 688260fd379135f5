import type { Schemas } from "../api/client.ts";

/** A response body as the typed client reads it: tuples (a gateway's `between`) become arrays. */
type Read<T> = T extends readonly (infer U)[]
	? Read<U>[]
	: T extends object
		? { [K in keyof T]: Read<T[K]> }
		: T;

export type NetworkView = Read<Schemas["NetworkModelView"]>;
export type NetworkModel = NetworkView["model"];
export type NetworkCheck = Read<Schemas["NetworkCheck"]>;
export type Violation = Schemas["NetworkViolation"];
export type DiagramFlow = Schemas["NetworkDiagramFlow"];
export type ModelProblem = Schemas["NetworkModelProblem"];
export type ModelImport = Read<Schemas["NetworkModelImport"]>;
export type FirewallImport = Read<Schemas["NetworkFirewallImport"]>;
export type Drift = Schemas["NetworkDrift"];

export type Segment = NetworkModel["segments"][number];
export type ModelNode = NetworkModel["nodes"][number];
export type Gateway = NetworkModel["gateways"][number];
export type Flow = NetworkModel["flows"][number];

export type SegmentKind = Segment["kind"];
export type NodeKind = ModelNode["kind"];
export type GatewayKind = Gateway["kind"];

export const SEGMENT_KINDS: readonly SegmentKind[] = [
	"mynumber",
	"lgwan",
	"internet",
	"lgwan_backbone",
	"security_cloud",
	"info_provision_network",
	"internet_external",
	"cloud_service",
	"standalone",
];
export const NODE_KINDS: readonly NodeKind[] = ["system", "server", "terminal"];
export const GATEWAY_KINDS: readonly GatewayKind[] = [
	"sanitizing_mail",
	"sanitizing_file_transfer",
	"screen_transfer",
	"lgwan_transfer",
];

/** What a click on the diagram or a table row selects. */
export type Selection = { kind: "flow"; id: string } | { kind: "element"; id: string } | null;

/** Violations by flow id and by element (segment, node, gateway) id. */
export interface ViolationIndex {
	byFlow: Map<string, Violation[]>;
	byElement: Map<string, Violation[]>;
	model: Violation[];
}

export function indexViolations(violations: readonly Violation[]): ViolationIndex {
	const byFlow = new Map<string, Violation[]>();
	const byElement = new Map<string, Violation[]>();
	const model: Violation[] = [];
	for (const violation of violations) {
		const [map, key] = violation.flow
			? [byFlow, violation.flow]
			: violation.node
				? [byElement, violation.node]
				: [null, ""];
		if (!map) {
			model.push(violation);
			continue;
		}
		const list = map.get(key) ?? [];
		list.push(violation);
		map.set(key, list);
	}
	return { byFlow, byElement, model };
}

/** A File's bytes in base64, for the upload routes. */
export function readBase64(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}
