import type { Schemas } from "../../api/client.ts";
import type { MessageKey } from "../../i18n/ja.ts";

export type CampaignList = Schemas["CampaignList"];
export type CampaignDetail = Schemas["CampaignDetail"];
export type CampaignOptions = Schemas["CampaignOptions"];
export type CampaignResponse = Schemas["CampaignResponse"];
export type CampaignResponseItem = Schemas["CampaignResponseItem"];
export type CampaignUnitReview = Schemas["CampaignUnitReview"];

export const CAMPAIGNS_PATH = "/assurance/campaigns";
export const campaignPath = (id: string) => `${CAMPAIGNS_PATH}/${encodeURIComponent(id)}`;
export const responsePath = (respondentId: string) =>
	`/assurance/responses/${encodeURIComponent(respondentId)}`;

/** An answer's evidence file, served to whoever may read the answer. */
export const evidenceUrl = (respondentId: string, itemId: string) =>
	`/api/assurance/responses/${encodeURIComponent(respondentId)}/answers/${encodeURIComponent(itemId)}/evidence`;

export const answerKey = (answer: string) => `campaigns.answer.${answer}` as MessageKey;

/** A rate as people read it: `83.3%`, or a dash when nothing counts yet. */
export function rateText(rate: number | null | undefined): string {
	return rate === null || rate === undefined ? "—" : `${rate}%`;
}

/** The heat map's band of a compliance rate: for the cell's colour and its text alternative. */
export function heatBand(rate: number | null): "none" | "low" | "mid" | "high" {
	if (rate === null) return "none";
	if (rate < 60) return "low";
	if (rate < 90) return "mid";
	return "high";
}
