import type { Schemas } from "../../api/client.ts";
import type { MessageKey } from "../../i18n/ja.ts";

export type ChecklistList = Schemas["ChecklistList"];
export type ChecklistSummary = Schemas["ChecklistSummary"];
export type ChecklistDetail = Schemas["ChecklistDetail"];
export type ChecklistVersionDetail = Schemas["ChecklistVersionDetail"];
export type ChecklistItem = Schemas["ChecklistItem"];
export type ChecklistImportReport = Schemas["ChecklistImportReport"];
export type BundledOffer = Schemas["BundledChecklistOffer"];

export const CHECKLISTS_PATH = "/assurance/checklists";

export const checklistPath = (id: string, version?: number) =>
	`${CHECKLISTS_PATH}/${encodeURIComponent(id)}${version ? `?version=${version}` : ""}`;

export const kindKey = (kind: string) => `checklists.kind.${kind}` as MessageKey;
export const answererKey = (answerer: string) => `checklists.answerer.${answerer}` as MessageKey;
export const scaleKey = (scale: string) => `checklists.scale.${scale}` as MessageKey;
export const originKey = (bundled: boolean) =>
	(bundled ? "checklists.origin.bundled" : "checklists.origin.import") as MessageKey;
