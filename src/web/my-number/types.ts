import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type Affair = Schemas["MyNumberAffair"];
export type AffairSummary = Schemas["MyNumberAffairSummary"];
export type AffairList = Schemas["MyNumberAffairList"];
export type MyNumberOptions = Schemas["MyNumberOptions"];

export const AFFAIR_KINDS = ["use", "related"] as const;
export const PIA_LEVELS = ["none", "basic", "focused", "full"] as const;
export const PIA_STATUSES = ["not_required", "not_started", "in_progress", "done"] as const;

export const kindKey = (kind: string) => `myNumber.kind.${kind}` as MessageKey;
export const piaKey = (level: string) => `myNumber.pia.${level}` as MessageKey;
export const piaStatusKey = (status: string) => `myNumber.piaStatus.${status}` as MessageKey;
export const endReasonKey = (reason: string) => `myNumber.endReason.${reason}` as MessageKey;

export const affairPath = (id: string) => `/my-number/${encodeURIComponent(id)}`;

/** A member of staff as chosen in the forms: 氏名（所属）. */
export const staffLabel = (member: { name: string; unitName: string }) =>
	member.unitName ? `${member.name}（${member.unitName}）` : member.name;
