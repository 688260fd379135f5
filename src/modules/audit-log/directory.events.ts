import { z } from "zod";

/**
 * Audit events of directory sign-in (modules/directory), merged into the catalogue of
 * audit-log.events.ts. No password or bind secret is ever part of an event.
 */
const heldRole = z.object({ role: z.string(), orgUnitId: z.string().nullable() });

export const DIRECTORY_EVENTS = {
	/** The connection's settings changed (`secretChanged`: a new bind password was given). */
	"directory.configured": z.object({
		kind: z.string(),
		enabled: z.boolean(),
		url: z.string(),
		secretChanged: z.boolean(),
	}),
	"directory.mapping_added": z.object({
		mappingId: z.string(),
		groupKey: z.string(),
		...heldRole.shape,
	}),
	"directory.mapping_removed": z.object({
		mappingId: z.string(),
		groupKey: z.string(),
		...heldRole.shape,
	}),
	"directory.sign_in_settings_changed": z.object({ localPassword: z.string() }),
	/** A test look-up of a person from the settings page or the CLI. */
	"directory.tested": z.object({ user: z.string(), found: z.boolean() }),
	/** A role the group mapping gave (`source`: sign_in or sync). */
	"directory.role_granted": z.object({
		accountId: z.string(),
		assignmentId: z.string(),
		source: z.enum(["sign_in", "sync"]),
		...heldRole.shape,
	}),
	"directory.role_ended": z.object({
		accountId: z.string(),
		assignmentId: z.string(),
		source: z.enum(["sign_in", "sync"]),
		...heldRole.shape,
	}),
	/** The entry is gone or disabled: the account is disabled and its sessions ended. */
	"directory.account_disabled": z.object({
		accountId: z.string(),
		sessionsEnded: z.number().int(),
	}),
	"directory.account_enabled": z.object({ accountId: z.string() }),
	"directory.account_linked": z.object({ accountId: z.string(), subject: z.string() }),
	"directory.synced": z.object({
		people: z.number().int(),
		gains: z.number().int(),
		losses: z.number().int(),
		disabled: z.number().int(),
		enabled: z.number().int(),
	}),
};
