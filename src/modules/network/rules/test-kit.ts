import { networkFindingText } from "../../../shared/network-findings.ts";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import type { PolicyPack } from "../../policies/pack/pack.schema.ts";
import { checkModel, type Violation } from "../check-model.ts";
import type { Flow, Gateway, ModelNode, NetworkModelFile, Segment } from "../model.schema.ts";
import type { NetworkModelName, NetworkRule } from "./rule.ts";

/** Segments every rule test starts from: one of each kind. */
export const TEST_SEGMENTS: Segment[] = [
	{ id: "my", kind: "mynumber", cidrs: ["10.10.0.0/16"] },
	{ id: "lg", kind: "lgwan", cidrs: ["10.20.0.0/16"] },
	{ id: "lgb", kind: "lgwan_backbone" },
	{ id: "inet", kind: "internet", cidrs: ["10.30.0.0/16"], monitoring: true },
	{ id: "sc", kind: "security_cloud" },
	{ id: "ext", kind: "internet_external" },
	{ id: "saas", kind: "cloud_service", localBreakout: true },
	{ id: "saas2", kind: "cloud_service" },
	{ id: "jpn", kind: "info_provision_network" },
	{ id: "solo", kind: "standalone" },
];

export const TEST_GATEWAYS: Gateway[] = [
	{ id: "g-mail", kind: "sanitizing_mail", between: ["inet", "lg"] },
	{ id: "g-file", kind: "sanitizing_file_transfer", between: ["inet", "lg"], approval: true },
	{ id: "g-screen", kind: "screen_transfer", between: ["lg", "inet"] },
	{ id: "g-lt", kind: "lgwan_transfer", between: ["lg", "my"] },
	{ id: "g-screen-my", kind: "screen_transfer", between: ["inet", "my"] },
];

export interface RuleCase {
	flows?: Flow[];
	nodes?: ModelNode[];
	segments?: Segment[];
	gateways?: Gateway[];
	/** The model the file declares; none by default (the pack's applies). */
	model?: NetworkModelName;
	/** A bundled pack id or a pack; `standard` by default. */
	pack?: string | PolicyPack;
	/** Changes the pack's chosen model. */
	packModel?: NetworkModelName;
	asOf?: string;
}

/**
 * A violation's message and remedy as the catalogue words them (English unless asked), or empty
 * strings when there is none, so tests can match on what a person reads.
 */
export function said(
	violation: Violation | undefined,
	lang: "ja" | "en" = "en",
): { message: string; remedy: string } {
	return violation ? networkFindingText(violation, lang) : { message: "", remedy: "" };
}

/** A flow with just the fields rules read. */
export function flow(id: string, source: string, destination: string, via?: string[]): Flow {
	return via === undefined ? { id, source, destination } : { id, source, destination, via };
}

/**
 * Runs one rule over a small model and returns its violations.
 *
 * @example
 * runRule(tierIsolationRule, { flows: [flow("f", "my", "lg")] }); // one violation
 */
export function runRule(rule: NetworkRule, c: RuleCase = {}): Violation[] {
	const pack =
		typeof c.pack === "object" ? structuredClone(c.pack) : loadBundledPack(c.pack ?? "standard");
	if (c.packModel !== undefined) pack.network.model = c.packModel;
	const model: NetworkModelFile = {
		formatVersion: 1,
		name: "test",
		segments: c.segments ?? TEST_SEGMENTS,
		nodes: c.nodes ?? [],
		gateways: c.gateways ?? TEST_GATEWAYS,
		flows: c.flows ?? [],
	};
	if (c.model !== undefined) model.model = c.model;
	return checkModel(model, pack, { rules: [rule], asOf: c.asOf ?? "2026-01" }).violations;
}
