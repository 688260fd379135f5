import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type Exception = Schemas["Exception"];
export type ExceptionSummary = Schemas["ExceptionSummary"];
export type ExceptionOptions = Schemas["ExceptionOptions"];

export const EXCEPTION_STATES = [
	"requested",
	"approved",
	"refused",
	"withdrawn",
	"lapsed",
] as const;

export const stateKey = (state: string) => `exceptions.state.${state}` as MessageKey;
export const roleKey = (role: string) => `role.${role}` as MessageKey;

export const exceptionPath = (id: string) => `/exceptions/${encodeURIComponent(id)}`;

/** Ids typed one a line (or separated by commas), blanks dropped. */
export function idLines(text: string): string[] {
	return text
		.split(/[\n,、]/)
		.map((line) => line.trim())
		.filter((line) => line !== "");
}
