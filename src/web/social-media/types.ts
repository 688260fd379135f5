import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type SocialAccount = Schemas["SocialMediaAccount"];
export type SocialAccountSummary = Schemas["SocialMediaAccountSummary"];
export type SocialAccountOptions = Schemas["SocialMediaAccountOptions"];

export const SOCIAL_MEDIA_STATES = [
	"registered",
	"requested",
	"approved",
	"refused",
	"suspended",
	"closed",
] as const;

export const stateKey = (state: string) => `socialMedia.state.${state}` as MessageKey;
export const roleKey = (role: string) => `role.${role}` as MessageKey;

export const socialAccountPath = (id: string) => `/social-media/${encodeURIComponent(id)}`;
