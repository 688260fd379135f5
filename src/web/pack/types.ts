import type { Schemas } from "../api/client.ts";

export type TenantPolicyPack = Schemas["TenantPolicyPack"];
export type PolicyPack = TenantPolicyPack["pack"];
export type GapAnalysis = Schemas["PolicyGapAnalysis"];
export type GapItem = GapAnalysis["items"][number];
export type Localized = { ja: string; en: string };
export type PolicyReview = Schemas["PolicyReview"];
export type PolicyReviewList = Schemas["PolicyReviewList"];
export type ReviewInputs = Schemas["PolicyReviewInputs"];
