import { z } from "zod";

/**
 * Audit events of secure areas (modules/secure-areas), merged into the catalogue of
 * audit-log.events.ts. An import of a card reader's log is one event with its counts.
 */
const area = { areaId: z.string(), code: z.string() };

export const SECURE_AREA_EVENTS = {
	"secure_area.created": z.object({
		...area,
		name: z.string(),
		level: z.string(),
		managerStaffId: z.string(),
	}),
	"secure_area.updated": z.object({ ...area, changed: z.array(z.string()) }),
	"secure_area.permit_granted": z.object({
		...area,
		staffId: z.string(),
		untilOn: z.string(),
		previousUntilOn: z.string().nullable(),
	}),
	"secure_area.permit_revoked": z.object({ ...area, staffId: z.string(), untilOn: z.string() }),
	"secure_area.entry_recorded": z.object({
		...area,
		entryId: z.string(),
		staffId: z.string().nullable(),
		visitorName: z.string().nullable(),
		escortStaffId: z.string().nullable(),
		enteredAt: z.string(),
		refusal: z.string().nullable(),
	}),
	"secure_area.exit_recorded": z.object({ ...area, entryId: z.string(), exitedAt: z.string() }),
	/** A card reader's file applied: counts only, never one event per row. */
	"secure_area.entries_imported": z.object({
		format: z.enum(["csv", "xlsx"]),
		rows: z.number().int(),
		created: z.number().int(),
		unchanged: z.number().int(),
		flagged: z.number().int(),
		areaIds: z.array(z.string()),
	}),
	/** One area's entry log over a period, as XLSX. */
	"secure_area.entries_exported": z.object({
		...area,
		from: z.string(),
		to: z.string(),
		rows: z.number().int(),
	}),
	"secure_area.asset_located": z.object({
		...area,
		assetId: z.string(),
		previousAreaId: z.string().nullable(),
	}),
	"secure_area.asset_unlocated": z.object({ ...area, assetId: z.string() }),
};
