import type { Zone } from "../../policies/pack/network.schema.ts";
import type { Segment } from "../model.schema.ts";

/** The pack zone whose settings govern a segment: only the three tiers' own segments have one. */
export function zoneOf(segment: Segment): Zone | null {
	const kind = segment.kind;
	return kind === "mynumber" || kind === "lgwan" || kind === "internet" ? kind : null;
}
