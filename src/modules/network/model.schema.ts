import { z } from "@hono/zod-openapi";
import { NETWORK_MODELS } from "../policies/pack/network.schema.ts";

/**
 * The network model file (format 1): segments in the three tiers and around them, the nodes
 * placed in segments, the gateways that make a crossing legitimate and the flows between them.
 * Documented for users in `docs/network-format.md`; read files through `load-model.ts`, which
 * also checks references, duplicates and gateway cycles and gives each problem a line and column.
 */

/** Where a segment sits. The first three are the tiers of the separation; the rest surround them. */
export const SEGMENT_KINDS = [
	"mynumber",
	"lgwan",
	"internet",
	"lgwan_backbone",
	"security_cloud",
	"info_provision_network",
	"internet_external",
	"cloud_service",
	"standalone",
] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const NODE_KINDS = ["system", "server", "terminal"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** What makes a crossing legitimate. */
export const GATEWAY_KINDS = [
	"sanitizing_mail",
	"sanitizing_file_transfer",
	"screen_transfer",
	"lgwan_transfer",
] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

/**
 * An id: starts with a letter or digit; letters, digits, `.`, `_`, `:`, `-`. Segments, nodes and
 * gateways share one namespace (a flow end may name any of them); flows have their own.
 */
export const MODEL_ID_MESSAGE = "an id: letters, digits, . _ : -, at most 100 characters";
export const modelIdSchema = z
	.string()
	.regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,99}$/u, MODEL_ID_MESSAGE);

const nameSchema = z.string().trim().min(1).max(200);
const noteSchema = z.string().trim().max(1000);

/** An IPv4 address or CIDR block (`10.1.0.0/16`, `192.168.1.5`). */
export const CIDR_MESSAGE = "an IPv4 address or CIDR, e.g. 10.1.0.0/16";
export const ipv4CidrSchema = z
	.string()
	.regex(
		/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/([12]?\d|3[0-2]))?$/,
		CIDR_MESSAGE,
	);

export const segmentSchema = z.strictObject({
	id: modelIdSchema,
	kind: z.enum(SEGMENT_KINDS),
	name: nameSchema.optional(),
	/** Address blocks of the segment; firewall rows are mapped to segments through them. */
	cidrs: z.array(ipv4CidrSchema).max(1000).optional(),
	/** 不正通信の監視 (IDS/IPS, log analysis) is in place for this segment. */
	monitoring: z.boolean().optional(),
	/** `cloud_service` only: listed for the α′ local breakout from the LGWAN tier. */
	localBreakout: z.boolean().optional(),
	note: noteSchema.optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const nodeSchema = z.strictObject({
	id: modelIdSchema,
	kind: z.enum(NODE_KINDS),
	segment: modelIdSchema,
	name: nameSchema.optional(),
	/** Addresses or blocks of this node; they win over the segment's blocks (longest prefix). */
	addresses: z.array(ipv4CidrSchema).max(100).optional(),
	/** Multi-factor authentication at login (多要素認証). */
	mfa: z.boolean().optional(),
	/** 情報持ち出し不可設定: data cannot be written to media or sent out from this terminal. */
	takeOutBlocked: z.boolean().optional(),
	/** EDR or an equivalent endpoint monitoring (振る舞い検知). */
	edr: z.boolean().optional(),
	/** Logs are collected and kept centrally (ログ収集・監視). */
	logCollection: z.boolean().optional(),
	/** The node holds or processes My Number (特定個人情報) data. */
	handlesMyNumber: z.boolean().optional(),
	/** The asset-ledger entry of this node, if it is registered there. */
	assetId: z.string().trim().min(1).max(100).optional(),
	owner: nameSchema.optional(),
	note: noteSchema.optional(),
});
export type ModelNode = z.infer<typeof nodeSchema>;

export const gatewaySchema = z.strictObject({
	id: modelIdSchema,
	kind: z.enum(GATEWAY_KINDS),
	name: nameSchema.optional(),
	/** The two segments the gateway joins; a flow crosses from one to the other through it. */
	between: z.tuple([modelIdSchema, modelIdSchema]),
	/** File release needs an approver (上長承認); expected of `sanitizing_file_transfer`. */
	approval: z.boolean().optional(),
	/** Gateways this one hands traffic to (a chain); a chain must not loop. */
	next: z.array(modelIdSchema).max(20).optional(),
	note: noteSchema.optional(),
});
export type Gateway = z.infer<typeof gatewaySchema>;

export const flowSchema = z.strictObject({
	id: modelIdSchema,
	/** A node id, a segment id, or an IPv4 address/CIDR (mapped to a node or a segment). */
	source: z.string().min(1).max(100),
	destination: z.string().min(1).max(100),
	/** `tcp`, `udp`, `smtp`, `https`… free text. */
	protocol: z.string().trim().max(40).optional(),
	/** A port (`443`), a range (`1024-65535`) or a list (`80,443`). */
	port: z.union([z.number().int().min(0).max(65535), z.string().trim().max(100)]).optional(),
	/** How data moves when it is not a plain connection: `mail`, `file_transfer`, `screen_transfer`… */
	method: z.string().trim().max(60).optional(),
	/** Gateways (or a `security_cloud` segment) the flow passes, in order from the source. */
	via: z.array(modelIdSchema).max(20).optional(),
	purpose: z.string().trim().max(500).optional(),
	/** The highest classification carried: a level code of the pack (`3`, `C3`) or free text. */
	classification: z.string().trim().max(60).optional(),
	owner: nameSchema.optional(),
	note: noteSchema.optional(),
});
export type Flow = z.infer<typeof flowSchema>;

/** Limits that keep a hostile or mistaken file from exhausting memory. */
export const MODEL_LIMITS = {
	segments: 10_000,
	nodes: 100_000,
	gateways: 10_000,
	flows: 500_000,
} as const;

export const networkModelSchema = z.strictObject({
	/** Lets editors find a JSON Schema; ignored otherwise. */
	$schema: z.string().max(500).optional(),
	formatVersion: z.literal(1),
	name: nameSchema,
	/** The model this network is built to; when it differs from the pack's, that is a finding. */
	model: z.enum(NETWORK_MODELS).optional(),
	/** The policy pack to check against (bundled id or file) when the command names none. */
	pack: z.string().trim().min(1).max(500).optional(),
	/** Where addresses that match no block belong (usually the Internet segment). */
	addressing: z.strictObject({ unmatched: modelIdSchema }).optional(),
	segments: z.array(segmentSchema).min(1).max(MODEL_LIMITS.segments),
	nodes: z.array(nodeSchema).max(MODEL_LIMITS.nodes).default([]),
	gateways: z.array(gatewaySchema).max(MODEL_LIMITS.gateways).default([]),
	flows: z.array(flowSchema).max(MODEL_LIMITS.flows).default([]),
});
export type NetworkModelFile = z.infer<typeof networkModelSchema>;
