import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type Drill = Schemas["Drill"];
export type DrillSummary = Schemas["DrillSummary"];
export type DrillOptions = Schemas["DrillOptions"];
export type DrillReviewInput = Schemas["DrillReviewInput"];

export const DRILL_STATES = ["planned", "held", "recorded", "cancelled"] as const;

export const stateKey = (state: string) => `drills.state.${state}` as MessageKey;

export const drillPath = (id: string) => `/drills/${encodeURIComponent(id)}`;
