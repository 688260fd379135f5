import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { issuesOfZod } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { mailSettingsInputSchema } from "../mail.schemas.ts";
import {
	ATTACHMENT_RULES,
	type AttachmentRule,
	DEFAULT_LIMITS,
	DEFAULT_POLICY,
	NEVER_AS_IS,
	type SanitizeLimits,
	type SanitizePolicy,
	TYPE_CATEGORIES,
	type TypeCategory,
} from "../sanitize.contract.ts";
import { findMailSettings, upsertMailSettings } from "./mail-queue.repository.ts";

/**
 * A tenant's gateway settings: how long originals are kept, what is released as is, and its
 * 無害化 policy (a rule per attachment type and the limits), the defaults merged in.
 */
export interface MailSettings {
	retentionDays: number;
	/** Categories an approved release delivers unchanged; never a `NEVER_AS_IS` one. */
	releaseAsIs: TypeCategory[];
	policy: SanitizePolicy;
	/** A message held for malware opens an incident case (through the incidents module). */
	malwareIncidents: boolean;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
	retentionDays: 90,
	releaseAsIs: ["text", "image"],
	policy: DEFAULT_POLICY,
	malwareIncidents: true,
};

function isCategory(value: unknown): value is TypeCategory {
	return typeof value === "string" && (TYPE_CATEGORIES as readonly string[]).includes(value);
}

function isRule(value: unknown): value is AttachmentRule {
	return typeof value === "string" && (ATTACHMENT_RULES as readonly string[]).includes(value);
}

function parseObject(json: string | null): Record<string, unknown> {
	if (!json) return {};
	try {
		const parsed: unknown = JSON.parse(json);
		return parsed && typeof parsed === "object" && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}

/**
 * The stored departures from the default policy, merged over it. Anything unreadable falls back
 * to the default, and `NEVER_AS_IS` categories never come out as `pass`.
 */
export function mergePolicy(rulesJson: string | null, limitsJson: string | null): SanitizePolicy {
	const rules = parseObject(rulesJson);
	const attachments = { ...DEFAULT_POLICY.attachments };
	for (const category of TYPE_CATEGORIES) {
		const rule = rules[category];
		if (!isRule(rule)) continue;
		if (NEVER_AS_IS.has(category) && rule === "pass") continue;
		attachments[category] = rule;
	}
	const stored = parseObject(limitsJson);
	const limits: SanitizeLimits = { ...DEFAULT_LIMITS };
	for (const key of Object.keys(DEFAULT_LIMITS) as (keyof SanitizeLimits)[]) {
		const value = stored[key];
		if (typeof value === "number" && Number.isInteger(value) && value > 0) limits[key] = value;
	}
	return { attachments, limits };
}

/** The tenant's settings, or the defaults while it has none. */
export async function mailSettingsOf(db: Queryable, tenantId: string): Promise<MailSettings> {
	const row = await findMailSettings(db, tenantId);
	if (!row) return DEFAULT_MAIL_SETTINGS;
	const parsed: unknown = JSON.parse(row.release_as_is);
	const categories = Array.isArray(parsed) ? parsed.filter(isCategory) : [];
	return {
		retentionDays: row.retention_days,
		releaseAsIs: categories.filter((c) => !NEVER_AS_IS.has(c)),
		policy: mergePolicy(row.attachment_rules, row.limits),
		malwareIncidents: Boolean(row.malware_incidents),
	};
}

/** The flat form administrators read and write (API, audit log). */
export interface MailSettingsInput {
	retentionDays: number;
	releaseAsIs: TypeCategory[];
	attachments: Record<TypeCategory, AttachmentRule>;
	limits: SanitizeLimits;
	malwareIncidents: boolean;
}

export function settingsInputOf(settings: MailSettings): MailSettingsInput {
	return {
		retentionDays: settings.retentionDays,
		releaseAsIs: [...settings.releaseAsIs],
		attachments: { ...settings.policy.attachments },
		limits: { ...settings.policy.limits },
		malwareIncidents: settings.malwareIncidents,
	};
}

/**
 * Check settings against the invariants (never-delivered categories are never passed or released
 * as is, limits are positive integers within their bounds); throws `validation_failed` naming
 * each field at fault.
 */
export function validateMailSettings(input: unknown): MailSettingsInput {
	const result = mailSettingsInputSchema.safeParse(input);
	if (result.success) return result.data;
	const issues = issuesOfZod(result.error, input);
	throw new Problem(
		"validation_failed",
		`invalid mail settings: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
		{ issues },
	);
}

/** Only the entries that differ from `defaults`, as JSON; null when there are none. */
function departures<K extends string, V>(
	values: Record<K, V>,
	defaults: Record<K, V>,
): string | null {
	const changed = (Object.keys(defaults) as K[]).filter((key) => values[key] !== defaults[key]);
	if (changed.length === 0) return null;
	return JSON.stringify(Object.fromEntries(changed.map((key) => [key, values[key]])));
}

/**
 * Store a tenant's settings after validating them. Only departures from the default policy are
 * stored, so a tenant that keeps a default follows it when the default changes.
 */
export async function saveMailSettings(
	tx: Tx,
	tenantId: string,
	settings: MailSettings,
): Promise<void> {
	const input = validateMailSettings(settingsInputOf(settings));
	await upsertMailSettings(tx, {
		tenant_id: tenantId,
		retention_days: input.retentionDays,
		release_as_is: JSON.stringify([...new Set(input.releaseAsIs)]),
		attachment_rules: departures(input.attachments, DEFAULT_POLICY.attachments),
		limits: departures(input.limits, DEFAULT_LIMITS),
		malware_incidents: input.malwareIncidents,
		updated_at: new Date().toISOString(),
	});
}

/** Settings from the flat form (validated by `saveMailSettings`). */
export function settingsFromInput(input: MailSettingsInput): MailSettings {
	return {
		retentionDays: input.retentionDays,
		releaseAsIs: input.releaseAsIs,
		policy: { attachments: input.attachments, limits: input.limits },
		malwareIncidents: input.malwareIncidents,
	};
}

/** Whether an approved release of this category may go out unchanged. */
export function mayReleaseAsIs(settings: MailSettings, category: TypeCategory): boolean {
	return !NEVER_AS_IS.has(category) && settings.releaseAsIs.includes(category);
}
