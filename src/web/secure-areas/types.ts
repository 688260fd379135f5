import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type SecureArea = Schemas["SecureArea"];
export type SecureAreaSummary = Schemas["SecureAreaSummary"];
export type SecureAreaOptions = Schemas["SecureAreaOptions"];
export type SecureAreaEntry = Schemas["SecureAreaEntry"];

export const levelKey = (level: string) => `secureAreas.level.${level}` as MessageKey;
export const flagKey = (flag: string) => `secureAreas.flag.${flag}` as MessageKey;
export const sourceKey = (source: string) => `secureAreas.entry.source.${source}` as MessageKey;
export const areaPath = (id: string) => `/secure-areas/${encodeURIComponent(id)}`;

/** A `datetime-local` value (Japan time) as an ISO instant. */
export function instantOfLocal(value: string): string {
	return new Date(`${value}:00+09:00`).toISOString();
}

/** Now in Japan as a `datetime-local` value, to the minute. */
export function localNow(): string {
	return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 16);
}
