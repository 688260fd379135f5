import {
	type CodedFinding,
	type NetworkFindingCode,
	routeParam,
} from "../../../shared/network-findings.ts";
import type { PolicyPack } from "../../policies/pack/pack.schema.ts";
import type {
	Gateway,
	GatewayKind,
	ModelNode,
	NetworkModelFile,
	Segment,
} from "../model.schema.ts";
import type { Endpoint, ModelIndex, Tier } from "../model-index.ts";

/** A rule's title or description in both languages; Japanese is what officials read. */
export interface Bilingual {
	ja: string;
	en: string;
}

export type NetworkModelName = PolicyPack["network"]["model"];
export type AllowedRoute = PolicyPack["network"]["allowedRoutes"][number];
export type Safeguard = AllowedRoute["safeguard"];

/**
 * What a rule found, as a code of the findings catalogue (src/shared/network-findings.ts) with
 * its parameters; the engine adds the rule id, its clause and the flow or node.
 */
export interface Finding extends CodedFinding {
	/** A more precise clause than the rule's own (e.g. the pack route that was nearly met). */
	clause?: string;
}

/** One step of a flow: from a segment to the next, through a gateway or directly. */
export interface Hop {
	from: Segment;
	to: Segment;
	gateway: Gateway | null;
}

/** A flow laid out over segments: where it starts, each crossing, where it ends. */
export interface FlowPath {
	source: Endpoint;
	destination: Endpoint;
	hops: Hop[];
	/** Why the `via` list does not fit the segments (a gateway not touching the flow), else null. */
	broken: CodedFinding | null;
}

/** A pack route with its place in the pack, so findings can cite it. */
export interface IndexedRoute {
	route: AllowedRoute;
	index: number;
}

/** Everything a rule may read, built once per check. */
export interface CheckContext {
	model: NetworkModelFile;
	pack: PolicyPack;
	/** The model the network is checked as: the file's declaration, else the pack's. */
	modelName: NetworkModelName;
	index: ModelIndex;
	/** `YYYY-MM`: routes whose `since` is later are not yet allowed. */
	asOf: string;
	tierOf(segment: Segment): Tier;
	/** Pack routes usable from tier `from` to tier `to` (direction and `since` applied). */
	routesBetween(from: Tier, to: Tier): readonly IndexedRoute[];
}

interface RuleBase {
	/** Stable, kebab-case; reports and tests match on it. */
	id: string;
	/** Where the rule comes from: the basic policy, the pack field, the MIC guideline. */
	clause: string;
	title: Bilingual;
	description: Bilingual;
	/** Every finding code the rule may give; each has its words in the findings catalogue. */
	codes: readonly NetworkFindingCode[];
}

export interface FlowRule extends RuleBase {
	scope: "flow";
	/** Must depend on the path only (not on the flow's id or purpose): results are shared by path. */
	check(path: FlowPath, ctx: CheckContext): Finding | null;
}
export interface NodeRule extends RuleBase {
	scope: "node";
	check(node: ModelNode, segment: Segment, ctx: CheckContext): Finding | null;
}
export interface SegmentRule extends RuleBase {
	scope: "segment";
	check(segment: Segment, ctx: CheckContext): Finding | null;
}
export interface GatewayRule extends RuleBase {
	scope: "gateway";
	check(gateway: Gateway, ctx: CheckContext): Finding | null;
}
export interface ModelRule extends RuleBase {
	scope: "model";
	check(ctx: CheckContext): Finding | null;
}

export type NetworkRule = FlowRule | NodeRule | SegmentRule | GatewayRule | ModelRule;

/** Gateways that give each pack safeguard. 画面転送 counts as 無害化通信 (basic policy definition). */
export const SAFEGUARD_GATEWAYS: Record<Safeguard, readonly GatewayKind[]> = {
	sanitized: ["sanitizing_mail", "sanitizing_file_transfer", "screen_transfer"],
	screen_transfer: ["screen_transfer"],
	controlled_transfer: ["lgwan_transfer", "sanitizing_file_transfer"],
};

export const MODEL_LABEL: Record<NetworkModelName, string> = {
	alpha: "α",
	alpha_prime: "α′",
	beta: "β",
	beta_prime: "β′",
};

/**
 * How a message names a segment, node or gateway: by the name people gave it, the id only when it
 * has none (the id is in the finding's technical details, shown on demand).
 */
export function nameOf(entity: { id: string; name?: string | undefined }): string {
	return entity.name ?? entity.id;
}

/** A segment's name for messages (see `nameOf`). */
export function segmentName(segment: Segment): string {
	return nameOf(segment);
}

/** A pack route as a finding's parameter (`2:lgwan>internet:sanitized`), worded by the catalogue. */
export function routeOf({ route, index }: IndexedRoute): string {
	return routeParam({ index, ...route });
}

/**
 * A rule's clause split into what people read (the policy's words: `基本方針 6(3)①`) and the
 * fields of the pack or model behind it (`network.zones.mynumber.mfaRequired`), which the
 * screens show only on demand.
 *
 * @example
 * splitClause("基本方針 6(3)①; network.zones.mynumber.mfaRequired")
 * // → { clause: "基本方針 6(3)①", technical: "network.zones.mynumber.mfaRequired" }
 */
export function splitClause(raw: string): { clause: string; technical: string } {
	const parts = raw
		.split(";")
		.map((part) => part.trim())
		.filter((part) => part !== "");
	const isTechnical = (part: string) => /^network[ .]/u.test(part);
	return {
		clause: parts.filter((part) => !isTechnical(part)).join("、"),
		technical: parts.filter(isTechnical).join("; "),
	};
}
