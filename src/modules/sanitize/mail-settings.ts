import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { missingPdfTools, PDF_TOOLS_INSTALL, PDF_TOOLS_PACKAGE } from "./attachments/pdf-tools.ts";
import { findMailSettings } from "./gateway/mail-queue.repository.ts";
import {
	DEFAULT_MAIL_SETTINGS,
	type MailSettingsInput,
	mailSettingsOf,
	saveMailSettings,
	settingsFromInput,
	settingsInputOf,
	validateMailSettings,
} from "./gateway/mail-settings.ts";
import { mailPolicy } from "./mail.policy.ts";
import { LIMIT_BOUNDS, type mailSettingsSchema } from "./mail.schemas.ts";
import { NEVER_AS_IS, NEVER_DELIVERED, TYPE_CATEGORIES } from "./sanitize.contract.ts";

type MailSettingsView = z.infer<typeof mailSettingsSchema>;

/** Whether this process finds the PDF tools, for the settings screen's notice. */
function pdfToolsStatus(): MailSettingsView["pdfTools"] {
	const missing = missingPdfTools();
	return {
		available: missing.length === 0,
		missing,
		package: PDF_TOOLS_PACKAGE,
		install: PDF_TOOLS_INSTALL,
	};
}

/** The settings screen's view: the tenant's settings in full, the defaults and the invariants. */
export async function readMailSettings(db: Queryable, actor: Actor): Promise<MailSettingsView> {
	authorize(actor, mailPolicy, "mail.settings_read");
	const settings = await mailSettingsOf(db, actor.tenantId);
	const row = await findMailSettings(db, actor.tenantId);
	return {
		...settingsInputOf(settings),
		defaults: settingsInputOf(DEFAULT_MAIL_SETTINGS),
		neverDelivered: TYPE_CATEGORIES.filter((c) => NEVER_DELIVERED.has(c)),
		neverAsIs: TYPE_CATEGORIES.filter((c) => NEVER_AS_IS.has(c)),
		limitBounds: { ...LIMIT_BOUNDS },
		updatedAt: row?.updated_at ?? null,
		pdfTools: pdfToolsStatus(),
		allowedActions: can(actor, mailPolicy, "mail.settings_change") ? ["change"] : [],
	};
}

/** Settings as the audit event stores them. */
function snapshot(input: MailSettingsInput) {
	return {
		...input,
		limits: Object.fromEntries(Object.entries(input.limits)) as Record<string, number>,
	};
}

/**
 * Replace the tenant's gateway settings (its 無害化 policy, retention, what is released as is).
 * The invariants are checked again here for every caller; the change and its audit event, with
 * the settings before and after, commit together. The gateway applies it to the next message.
 *
 * @example
 * await changeMailSettings(db, actor, { ...current, attachments: { ...rules, pdf: "remove" } });
 */
export async function changeMailSettings(
	db: Db,
	actor: Actor,
	input: unknown,
): Promise<MailSettingsView> {
	authorize(actor, mailPolicy, "mail.settings_change");
	const valid = validateMailSettings(input);
	await inTransaction(db, async (tx) => {
		const before = settingsInputOf(await mailSettingsOf(tx, actor.tenantId));
		await saveMailSettings(tx, actor.tenantId, settingsFromInput(valid));
		const after = settingsInputOf(await mailSettingsOf(tx, actor.tenantId));
		await recordAudit(
			tx,
			auditContextOf(actor),
			"mail.settings_changed",
			{ before: snapshot(before), after: snapshot(after) },
			{ recordType: "mail_settings", recordId: actor.tenantId },
		);
	});
	return readMailSettings(db, actor);
}
