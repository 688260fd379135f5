import { ledgerScheme } from "../assets/classification.ts";
import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import type { Level } from "../policies/pack/classification.schema.ts";
import type { CloudServiceRules } from "../policies/pack/cloud-services.schema.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";

export const CLOUD_SERVICE_STATES = [
	"draft",
	"requested",
	"approved",
	"refused",
	"in_use",
	"retired",
] as const;
export type CloudServiceState = (typeof CLOUD_SERVICE_STATES)[number];

export const CLOUD_SERVICE_KINDS = [
	"saas",
	"iaas",
	"paas",
	"web_conferencing",
	"free_mail",
	"other",
] as const;
export type CloudServiceKind = (typeof CLOUD_SERVICE_KINDS)[number];

export const ISMAP_STATUSES = ["ismap", "ismap_liu", "none"] as const;
export type IsmapStatus = (typeof ISMAP_STATUSES)[number];

export const DATA_LOCATIONS = ["japan", "overseas", "unknown"] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

export const CLOUD_SERVICE_FLAGS = [
	"over_approval",
	"strict_unmet",
	"review_overdue",
	"free_mail_prohibited",
] as const;
export type CloudServiceFlag = (typeof CLOUD_SERVICE_FLAGS)[number];

/** The stricter requirements a service holding the stricter classes must meet. */
export const STRICT_REQUIREMENTS = ["ismap", "data_location", "backups"] as const;
export type StrictRequirement = (typeof STRICT_REQUIREMENTS)[number];

export type CloudServiceStep =
	| "edit"
	| "request"
	| "approve"
	| "refuse"
	| "start_use"
	| "review"
	| "retire";

const STEPS_FROM: Record<CloudServiceState, readonly CloudServiceStep[]> = {
	draft: ["edit", "request", "retire"],
	requested: ["edit", "approve", "refuse"],
	approved: ["edit", "start_use", "review", "retire"],
	refused: ["edit", "request", "retire"],
	in_use: ["edit", "review", "retire"],
	retired: [],
};

export function stepAllowed(state: CloudServiceState, step: CloudServiceStep): boolean {
	return STEPS_FROM[state].includes(step);
}

/** States whose service holds data under an approval. */
const APPROVED: ReadonlySet<string> = new Set(["approved", "in_use"]);
/** States that no longer count. */
const CLOSED: ReadonlySet<string> = new Set(["retired", "refused"]);

/**
 * The register's reading of the pack: the levels data is classed in (strictest first), from which
 * level the stricter requirements apply, what they are, and the free-mail and review rules.
 */
export interface CloudScale {
	scheme: string;
	levels: readonly Level[];
	/** Index into `levels` of the least protected level still under the stricter rules; -1: none. */
	strictRank: number;
	strict: {
		ismap: "ismap" | "ismap_or_liu" | "not_required";
		dataInJapan: boolean;
		backups: boolean;
	};
	freeMail: "allowed_with_approval" | "prohibited";
	reviewMonths: number;
	reviewWarningDays: number;
}

/**
 * The scale from the pack: the confidentiality axis of the default scheme when it is CIA, else
 * its importance levels; the rules of `cloudServiceRules`, or their documented defaults.
 */
export function cloudScale(pack: PolicyPack): CloudScale {
	const scheme = ledgerScheme(pack);
	const levels = scheme.kind === "cia" ? scheme.axes.confidentiality : scheme.levels;
	const rules: CloudServiceRules = pack.cloudServiceRules ?? {};
	let strictRank = -1;
	if (rules.strictFrom !== undefined) {
		strictRank = levels.findIndex((level) => level.code === rules.strictFrom);
	}
	if (strictRank < 0) {
		levels.forEach((level, index) => {
			if (level.handling.outsourcing === "written_safeguards") strictRank = index;
		});
	}
	return {
		scheme: scheme.code,
		levels,
		strictRank,
		strict: rules.strict ?? { ismap: "ismap", dataInJapan: true, backups: true },
		freeMail: rules.freeMail ?? "allowed_with_approval",
		reviewMonths: rules.reviewMonths ?? 12,
		reviewWarningDays: rules.reviewWarningDays ?? 30,
	};
}

/** The rank of a level (0 = strictest); levels not on the scale rank as the strictest. */
export function rankOf(scale: CloudScale, code: string): number {
	const index = scale.levels.findIndex((level) => level.code === code);
	return Math.max(index, 0);
}

/** Read a level as people type it (full width, lower case); undefined when not on the scale. */
export function levelOf(scale: CloudScale, input: string): string | undefined {
	const wanted = input.normalize("NFKC").trim().toUpperCase();
	return scale.levels.find(
		(level) => level.code.toUpperCase() === wanted || level.label.ja === input.trim(),
	)?.code;
}

export interface FlagInput {
	kind: string;
	state: string;
	data_level: string;
	approved_max_level: string | null;
	ismap: string;
	data_location: string;
	backups: number;
	next_review_on: string;
}

/** Which stricter requirements the service misses for its data; empty when none apply. */
export function strictUnmet(scale: CloudScale, row: FlagInput): StrictRequirement[] {
	if (scale.strictRank < 0 || rankOf(scale, row.data_level) > scale.strictRank) return [];
	const unmet: StrictRequirement[] = [];
	const { ismap } = scale.strict;
	if (
		(ismap === "ismap" && row.ismap !== "ismap") ||
		(ismap === "ismap_or_liu" && row.ismap === "none")
	)
		unmet.push("ismap");
	if (scale.strict.dataInJapan && row.data_location !== "japan") unmet.push("data_location");
	if (scale.strict.backups && Number(row.backups) !== 1) unmet.push("backups");
	return unmet;
}

/** Whether the data is of a stricter class than the approval allows. */
export function overApproval(scale: CloudScale, row: FlagInput): boolean {
	if (!APPROVED.has(row.state) || row.approved_max_level === null) return false;
	return rankOf(scale, row.data_level) < rankOf(scale, row.approved_max_level);
}

/** What the register finds wrong with a service on `today` (a Japan date). */
export function serviceFlags(scale: CloudScale, row: FlagInput, today: string): CloudServiceFlag[] {
	if (CLOSED.has(row.state)) return [];
	const flags: CloudServiceFlag[] = [];
	if (overApproval(scale, row)) flags.push("over_approval");
	if (strictUnmet(scale, row).length > 0) flags.push("strict_unmet");
	if (APPROVED.has(row.state) && row.next_review_on < today) flags.push("review_overdue");
	if (row.kind === "free_mail" && scale.freeMail === "prohibited")
		flags.push("free_mail_prohibited");
	return flags;
}

/** The stored form of the flags: the codes, and whether any is set. */
export function storedFlags(flags: readonly CloudServiceFlag[]) {
	return { flags: flags.join(","), flagged: flags.length > 0 ? 1 : 0 };
}

export function parseFlags(stored: string): CloudServiceFlag[] {
	return stored === "" ? [] : (stored.split(",") as CloudServiceFlag[]);
}

/**
 * The roles that decide in this tenant (`organisation.approvals.cloudServices`): its approver and
 * delegate, each only if the module's ceiling lets that role decide. A committee approver is
 * represented by its chair.
 */
export function decidingRoles(pack: PolicyPack): Role[] {
	const rule = pack.organisation.approvals.cloudServices;
	const named: Role[] = [];
	const approver =
		rule.approver === "committee" ? pack.organisation.committee?.chair : rule.approver;
	if (approver) named.push(approver);
	if (rule.delegate && !named.includes(rule.delegate)) named.push(rule.delegate);
	const ceiling = cloudServicesPolicy["cloud_service.decide"];
	return named.filter((role) => ceiling.includes(role));
}

export function decidingRole(actor: Actor, pack: PolicyPack): Role | undefined {
	if (!can(actor, cloudServicesPolicy, "cloud_service.decide")) return undefined;
	return decidingRoles(pack).find((role) => actor.roles.some((held) => held.role === role));
}

/** The Japan date `months` after `day` (clamped to the month's end). */
export function addMonths(day: string, months: number): string {
	const [y, m, d] = day.split("-").map(Number) as [number, number, number];
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The Japan date `days` after `day`. */
export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
