import type { Schemas } from "../api/client.ts";

export type MailMessage = Schemas["MailMessage"];
export type MailMessageDetail = Schemas["MailMessageDetail"];
export type MailReleaseRequest = Schemas["MailReleaseRequest"];
export type MailSummary = Schemas["MailSummary"];
export type MailStatus = MailMessage["status"];

export const MAIL_STATUSES: readonly MailStatus[] = [
	"queued",
	"delivering",
	"delivered",
	"held",
	"failed",
];

export function messagePath(id: string): string {
	return `/mail/messages/${encodeURIComponent(id)}`;
}

export type MailSettings = Schemas["MailSettings"];
export type MailSettingsInput = Schemas["MailSettingsInput"];
export type TypeCategory = keyof MailSettings["attachments"];
export type AttachmentRule = MailSettings["attachments"][TypeCategory];
type LimitKey = keyof MailSettings["limits"];

/** The attachment type categories, in the order the settings table shows them. */
export const TYPE_CATEGORY_LIST: readonly TypeCategory[] = [
	"pdf",
	"ooxml",
	"ole",
	"image",
	"text",
	"office-text",
	"archive",
	"html",
	"svg",
	"script",
	"executable",
	"unknown",
];

export const ATTACHMENT_RULE_OPTIONS: readonly AttachmentRule[] = [
	"sanitize",
	"remove",
	"hold",
	"pass",
];

/** A limit on the form: its unit, and the factor from the shown number to the stored one. */
export interface LimitField {
	key: LimitKey;
	unit: "mib" | "mb" | "seconds" | "levels" | "count" | "times" | "pages";
	scale: number;
}

export const LIMIT_FIELDS: readonly LimitField[] = [
	{ key: "maxMessageBytes", unit: "mib", scale: 1024 * 1024 },
	{ key: "maxMimeDepth", unit: "levels", scale: 1 },
	{ key: "maxParts", unit: "count", scale: 1 },
	{ key: "maxArchiveDepth", unit: "levels", scale: 1 },
	{ key: "maxArchiveEntries", unit: "count", scale: 1 },
	{ key: "maxExpandedBytes", unit: "mib", scale: 1024 * 1024 },
	{ key: "maxCompressionRatio", unit: "times", scale: 1 },
	{ key: "timeoutMs", unit: "seconds", scale: 1000 },
	{ key: "workerMemoryMb", unit: "mb", scale: 1 },
	{ key: "maxPdfPages", unit: "pages", scale: 1 },
];
