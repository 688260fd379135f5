import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type CloudService = Schemas["CloudService"];
export type CloudServiceSummary = Schemas["CloudServiceSummary"];
export type CloudServiceOptions = Schemas["CloudServiceOptions"];

export const STATES = ["draft", "requested", "approved", "refused", "in_use", "retired"] as const;
export const KINDS = ["saas", "iaas", "paas", "web_conferencing", "free_mail", "other"] as const;
export const ISMAP = ["ismap", "ismap_liu", "none"] as const;
export const LOCATIONS = ["japan", "overseas", "unknown"] as const;

export const stateKey = (state: string) => `cloudServices.state.${state}` as MessageKey;
export const kindKey = (kind: string) => `cloudServices.kind.${kind}` as MessageKey;
export const ismapKey = (value: string) => `cloudServices.ismap.${value}` as MessageKey;
export const locationKey = (value: string) => `cloudServices.location.${value}` as MessageKey;
export const flagKey = (flag: string) => `cloudServices.flag.${flag}` as MessageKey;
export const strictKey = (requirement: string) =>
	`cloudServices.strict.${requirement}` as MessageKey;
export const roleKey = (role: string) => `role.${role}` as MessageKey;

export const servicePath = (id: string) => `/cloud-services/${encodeURIComponent(id)}`;

/** The stricter requirements of the pack as a list of words. */
export function strictRequirements(options: CloudServiceOptions): string[] {
	const needs: string[] = [];
	if (options.strict.ismap !== "not_required") needs.push("ismap");
	if (options.strict.dataInJapan) needs.push("data_location");
	if (options.strict.backups) needs.push("backups");
	return needs;
}
