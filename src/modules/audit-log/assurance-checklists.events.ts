import { z } from "zod";

const source = z.enum(["bundled", "import"]);

/**
 * Audit events of assurance checklists (自己点検 and 監査 checklists), merged into the catalogue
 * of audit-log.events.ts. The items stay in their version, which never changes.
 */
export const ASSURANCE_CHECKLIST_EVENTS = {
	/** A checklist was made: from a bundled one (`bundledId`) or from an imported file. */
	"assurance_checklist.created": z.object({
		title: z.string(),
		kind: z.enum(["self_inspection", "audit"]),
		version: z.number().int(),
		source,
		bundledId: z.string().nullable(),
		sourceName: z.string().nullable(),
		items: z.number().int(),
	}),
	/** A new version of a checklist was saved; the earlier ones stay as they were. */
	"assurance_checklist.version_added": z.object({
		title: z.string(),
		version: z.number().int(),
		source,
		sourceName: z.string().nullable(),
		items: z.number().int(),
	}),
} as const;
