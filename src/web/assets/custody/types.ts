import type { Schemas } from "../../api/client.ts";
import type { MessageKey } from "../../i18n/ja.ts";

export type Asset = Schemas["Asset"];
export type TakeOut = Schemas["TakeOut"];
export type TakeOutAsset = Schemas["TakeOutAsset"];
export type Disposal = Schemas["Disposal"];
export type DisposalFile = Schemas["DisposalFile"];
export type DisposalMethod = Disposal["method"];

/** What the request form needs to know of the asset to ask for. */
export interface TakeOutChoice {
	id: string;
	zone: string;
	takeOut: "prohibited" | "approval_required" | "allowed" | null;
	protectWhenCarried: boolean;
}

export const DISPOSAL_METHODS: readonly DisposalMethod[] = [
	"physical_destruction",
	"degaussing",
	"overwrite",
	"contractor_erasure",
	"deletion",
	"lease_return",
];

export const methodKey = (method: string) => `custody.method.${method}` as MessageKey;
export const takeOutStatusKey = (status: string) =>
	`custody.takeOut.status.${status}` as MessageKey;
export const disposalStatusKey = (status: string) =>
	`custody.disposal.status.${status}` as MessageKey;

/** Today in Japan, YYYY-MM-DD, for the default of date fields. */
export function japanToday(): string {
	return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

export async function toBase64(file: File): Promise<string> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	let binary = "";
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

export function fileSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
