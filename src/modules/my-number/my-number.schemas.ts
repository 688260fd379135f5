import { z } from "@hono/zod-openapi";
import { AFFAIR_KINDS, HANDLER_END_REASONS, PIA_LEVELS, PIA_STATUSES } from "./my-number-rules.ts";

/** Length limits shared by the forms and the API. */
export const MY_NUMBER_LIMITS = {
	name: 200,
	legalBasis: 500,
	recipient: 200,
	items: 2000,
	personCount: 100_000_000,
	code: 100,
} as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const versionSchema = z.number().int().min(1);

const piaFields = {
	piaLevel: z.enum(PIA_LEVELS),
	piaStatus: z.enum(PIA_STATUSES),
	/** When the evaluation was last done (approved / published). */
	piaDoneOn: daySchema.nullable().default(null),
	/** When it is due again; absent: five years after it was done. */
	piaDueOn: daySchema.nullable().default(null),
};

export const createAffairSchema = z
	.strictObject({
		name: text(MY_NUMBER_LIMITS.name),
		kind: z.enum(AFFAIR_KINDS),
		legalBasis: text(MY_NUMBER_LIMITS.legalBasis),
		/** 事務取扱責任者: a member of the staff roster. */
		responsibleStaffId: idSchema,
		...piaFields,
	})
	.openapi("MyNumberAffairCreation");
export type CreateAffairInput = z.infer<typeof createAffairSchema>;

export const updateAffairSchema = z
	.strictObject({
		version: versionSchema,
		name: text(MY_NUMBER_LIMITS.name),
		legalBasis: text(MY_NUMBER_LIMITS.legalBasis),
		responsibleStaffId: idSchema,
		...piaFields,
	})
	.openapi("MyNumberAffairUpdate");
export type UpdateAffairInput = z.infer<typeof updateAffairSchema>;

export const addHandlerSchema = z
	.strictObject({
		staffId: idSchema,
		startsOn: daySchema,
		/** The first day the entry no longer holds; absent: until removed or transferred. */
		endsOn: daySchema.nullable().default(null),
	})
	.openapi("MyNumberHandlerAddition");
export type AddHandlerInput = z.infer<typeof addHandlerSchema>;

export const endHandlerSchema = z
	.strictObject({ endsOn: daySchema })
	.openapi("MyNumberHandlerRemoval");

export const addLinkSchema = z
	.strictObject({
		kind: z.enum(["asset", "contract"]),
		/** The ledger code of the asset (台帳番号) or the contract's number. */
		code: text(MY_NUMBER_LIMITS.code),
	})
	.openapi("MyNumberLinkAddition");

export const addProvisionSchema = z
	.strictObject({
		providedOn: daySchema,
		recipient: text(MY_NUMBER_LIMITS.recipient),
		legalBasis: text(MY_NUMBER_LIMITS.legalBasis),
		items: text(MY_NUMBER_LIMITS.items),
		personCount: z.number().int().min(1).max(MY_NUMBER_LIMITS.personCount),
	})
	.openapi("MyNumberProvisionRecord");
export type AddProvisionInput = z.infer<typeof addProvisionSchema>;

export const reportQuerySchema = z.object({
	format: z.enum(["xlsx", "pdf"]),
	fiscalYear: z.coerce.number().int().min(2015).max(2100),
});

const handlerSchema = z.object({
	id: z.string(),
	staffId: z.string(),
	name: z.string(),
	unitName: z.string(),
	startsOn: z.string(),
	endsOn: z.string().nullable(),
	endReason: z.enum(HANDLER_END_REASONS).nullable(),
	/** Holds today. */
	current: z.boolean(),
});

const assetLinkSchema = z.object({
	assetId: z.string(),
	code: z.string(),
	name: z.string(),
	ledgerZone: z.string().nullable(),
	modelZone: z.string().nullable(),
	/** The ledger or the network model puts it outside the My Number tier. */
	outsideTier: z.boolean(),
});

const contractLinkSchema = z.object({
	contractId: z.string(),
	code: z.string(),
	title: z.string(),
	contractorName: z.string(),
	state: z.string(),
	subcontracts: z.array(
		z.object({ subcontractor: z.string(), work: z.string(), state: z.string() }),
	),
});

const provisionSchema = z.object({
	id: z.string(),
	providedOn: z.string(),
	recipient: z.string(),
	legalBasis: z.string(),
	items: z.string(),
	personCount: z.number().int(),
	recordedBy: z.string(),
});

const noticeSchema = z.object({
	id: z.string(),
	handlerName: z.string(),
	endsOn: z.string().nullable(),
	endReason: z.enum(HANDLER_END_REASONS).nullable(),
	createdAt: z.string(),
	seenAt: z.string().nullable(),
});

export const affairSummarySchema = z
	.object({
		id: z.string(),
		name: z.string(),
		kind: z.enum(AFFAIR_KINDS),
		responsible: z.string(),
		currentHandlers: z.number().int(),
		piaLevel: z.enum(PIA_LEVELS),
		piaStatus: z.enum(PIA_STATUSES),
		piaDueOn: z.string().nullable(),
		piaOverdue: z.boolean(),
		assetsOutsideTier: z.number().int(),
		unseenNotices: z.number().int(),
	})
	.openapi("MyNumberAffairSummary");

export const affairListSchema = z
	.object({
		items: z.array(affairSummarySchema),
		/** Whether the caller may create affairs and export the yearly report. */
		mayManage: z.boolean(),
		mayReport: z.boolean(),
	})
	.openapi("MyNumberAffairList");

export const affairSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		kind: z.enum(AFFAIR_KINDS),
		legalBasis: z.string(),
		responsible: z.object({ staffId: z.string(), name: z.string() }),
		piaLevel: z.enum(PIA_LEVELS),
		piaStatus: z.enum(PIA_STATUSES),
		piaDoneOn: z.string().nullable(),
		piaDueOn: z.string().nullable(),
		piaOverdue: z.boolean(),
		handlers: z.array(handlerSchema),
		assets: z.array(assetLinkSchema),
		contracts: z.array(contractLinkSchema),
		provisions: z.array(provisionSchema),
		notices: z.array(noticeSchema),
		version: z.number().int(),
		/** keep (handlers, links, provisions, notices), manage (the affair itself). */
		allowedActions: z.array(z.enum(["keep", "manage"])),
	})
	.openapi("MyNumberAffair");
export type AffairView = z.infer<typeof affairSchema>;

export const myNumberOptionsSchema = z
	.object({
		staff: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string() })),
	})
	.openapi("MyNumberOptions");
