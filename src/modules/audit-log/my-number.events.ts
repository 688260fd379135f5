import { z } from "zod";

/**
 * Audit events of the 特定個人情報 register (modules/my-number), merged into the catalogue of
 * audit-log.events.ts. No My Number (個人番号) itself is ever in Mamori, so never here.
 */
const pia = {
	piaLevel: z.string(),
	piaStatus: z.string(),
	piaDoneOn: z.string().nullable(),
	piaDueOn: z.string().nullable(),
};

export const MY_NUMBER_EVENTS = {
	"my_number.affair_created": z.object({
		name: z.string(),
		kind: z.string(),
		legalBasis: z.string(),
		responsibleStaffId: z.string(),
		...pia,
	}),
	"my_number.affair_updated": z.object({
		name: z.string(),
		legalBasis: z.string(),
		responsibleStaffId: z.string(),
		...pia,
	}),
	"my_number.handler_added": z.object({
		affairId: z.string(),
		staffId: z.string(),
		orgUnitId: z.string(),
		startsOn: z.string(),
		endsOn: z.string().nullable(),
	}),
	/** Removed by hand, or lapsed by the scheduler on a transfer or leaving (`reason`). */
	"my_number.handler_ended": z.object({
		affairId: z.string(),
		staffId: z.string(),
		endsOn: z.string(),
		reason: z.string(),
		notifiedAccountIds: z.array(z.string()),
	}),
	"my_number.link_added": z.object({
		affairId: z.string(),
		kind: z.string(),
		targetId: z.string(),
		code: z.string(),
	}),
	"my_number.link_removed": z.object({
		affairId: z.string(),
		kind: z.string(),
		targetId: z.string(),
	}),
	"my_number.provision_recorded": z.object({
		affairId: z.string(),
		providedOn: z.string(),
		recipient: z.string(),
		legalBasis: z.string(),
		personCount: z.number().int(),
	}),
	"my_number.notice_seen": z.object({ affairId: z.string(), noticeId: z.string() }),
	"my_number.report_exported": z.object({
		format: z.enum(["xlsx", "pdf"]),
		fiscalYear: z.number().int(),
		affairs: z.number().int(),
	}),
};
