import { z } from "@hono/zod-openapi";
import { roleSchema } from "../authz/roles.ts";

/** The first steps of a new tenant, in the order a city takes them. */
export const SETUP_STEPS = [
	"organisation",
	"staff",
	"roles",
	"policy",
	"assets",
	"network",
	"mail",
] as const;
export type SetupStepKey = (typeof SETUP_STEPS)[number];

export const setupStepSchema = z
	.object({
		key: z.enum(SETUP_STEPS),
		done: z.boolean(),
		/** What the step has so far (units, staff, role holders, published documents, assets, nodes). */
		count: z.number().int(),
		/** Whether the caller's roles may do this step. */
		may: z.boolean(),
		/** The roles that may do it, to say whom to ask. */
		roles: z.array(roleSchema),
	})
	.openapi("SetupStep");

export const setupProgressSchema = z
	.object({
		steps: z.array(setupStepSchema),
		/** Every step is done: Home stops showing the checklist. */
		complete: z.boolean(),
	})
	.openapi("SetupProgress");
export type SetupProgress = z.infer<typeof setupProgressSchema>;

/** Kinds of work that wait for a person. */
export const WORK_KINDS = [
	"take_out_decisions",
	"policy_approvals",
	"policy_publications",
	"acknowledgements",
	"mail_release_decisions",
	"incident_tasks",
	"incident_acknowledgements",
	"campaign_items",
	"overdue_findings",
	"findings_to_verify",
	"exception_reminders",
	"my_number_handler_changes",
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const myWorkSchema = z
	.object({
		/** Only kinds with something waiting, in a fixed order. */
		items: z.array(z.object({ kind: z.enum(WORK_KINDS), count: z.number().int().positive() })),
	})
	.openapi("MyWork");
export type MyWork = z.infer<typeof myWorkSchema>;

const lastRunSchema = z
	.object({
		at: z.string(),
		location: z.string(),
		bytes: z.number().int().nullable(),
		detail: z.string().nullable(),
	})
	.openapi("BackupRun");

/** The instance's backups and restore drills, for the administrator's Home. */
export const backupStatusSchema = z
	.object({
		lastBackup: lastRunSchema.nullable(),
		lastDrill: lastRunSchema.nullable(),
		/** No good backup within 26 hours. */
		backupOverdue: z.boolean(),
		/** No good drill within 8 days. */
		drillOverdue: z.boolean(),
		/** Failures newer than the last good run of their kind. */
		backupFailure: lastRunSchema.nullable(),
		drillFailure: lastRunSchema.nullable(),
	})
	.openapi("BackupStatus");
export type BackupStatus = z.infer<typeof backupStatusSchema>;
