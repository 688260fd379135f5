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
