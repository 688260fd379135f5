import { z } from "@hono/zod-openapi";
import { CHAIN_ROLES, CONTACT_POINTS } from "../policies/pack/incident-chain.schema.ts";
import { INCIDENT_STATES } from "./incidents.schemas.ts";

export const NOTIFICATION_REASONS = [
	"triage",
	"severity_raised",
	"units_changed",
	"escalation",
	"deadline",
] as const;

/** One person told of a case: why, when, whether the mail went, and their acknowledgement. */
const chainNotificationSchema = z.object({
	id: z.string(),
	accountId: z.string(),
	name: z.string(),
	role: z.enum(CHAIN_ROLES),
	/** The unit a per-unit role was found through. */
	unit: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
	reason: z.enum(NOTIFICATION_REASONS),
	severity: z.number().int().nullable(),
	/** `<obligation>:<stage>` of a deadline reminder. */
	subject: z.string().nullable(),
	notifiedAt: z.string(),
	/** When the SMTP server accepted the mail; null without an address, SMTP, or yet. */
	mailedAt: z.string().nullable(),
	acknowledgedAt: z.string().nullable(),
});

/** A case's reporting chain: the pack's rules for it and everyone told so far. */
export const incidentChainViewSchema = z
	.object({
		contactPoint: z.enum(CONTACT_POINTS),
		escalation: z.object({
			fromSeverity: z.number().int(),
			afterHours: z.number().int(),
			/** The case's severity escalates when its chain does not acknowledge in time. */
			applies: z.boolean(),
			/** When it went to the CISO, once. */
			escalatedAt: z.string().nullable(),
		}),
		notifications: z.array(chainNotificationSchema),
		/** `incident.acknowledge` while a notice of the case waits for the caller. */
		allowedActions: z.array(z.string()),
	})
	.openapi("IncidentChain");
export type IncidentChainView = z.infer<typeof incidentChainViewSchema>;

/** The cases the caller was told of and has not acknowledged, oldest notice first. */
export const incidentsToAcknowledgeSchema = z
	.object({
		items: z.array(
			z.object({
				id: z.string(),
				reference: z.string(),
				title: z.string(),
				state: z.enum(INCIDENT_STATES),
				severity: z.number().int().nullable(),
				firstNotifiedAt: z.string(),
				/** Notices of the case waiting (the chain, an escalation, deadline reminders). */
				notices: z.number().int(),
			}),
		),
		total: z.number().int(),
	})
	.openapi("IncidentsToAcknowledge");
