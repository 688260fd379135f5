import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type Contract = Schemas["Contract"];
export type ContractSummary = Schemas["ContractSummary"];
export type ContractOptions = Schemas["ContractOptions"];
export type Contractor = Schemas["Contractor"];

export const CONTRACT_STATES = ["active", "ended"] as const;

export const stateKey = (state: string) => `contracts.state.${state}` as MessageKey;
export const roleKey = (role: string) => `role.${role}` as MessageKey;
export const contractPath = (id: string) => `/contracts/${encodeURIComponent(id)}`;

/** A clause's label in the current language, from the pack; the code when the pack lacks it. */
export function clauseLabel(options: ContractOptions | null, code: string, lang: string): string {
	const clause = options?.clauses.find((c) => c.code === code);
	if (!clause) return code;
	return lang === "en" ? clause.label.en : clause.label.ja;
}

/** Read a chosen file as base64, for the upload bodies. */
export function fileBase64(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onerror = () => reject(reader.error);
		reader.onload = () => {
			const url = String(reader.result);
			resolve(url.slice(url.indexOf(",") + 1));
		};
		reader.readAsDataURL(file);
	});
}
