import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import {
	COPY_RULES,
	DISPOSAL_RULES,
	OUTSOURCING_RULES,
	STORAGE_RULES,
	TAKE_OUT_RULES,
} from "../policies/pack/classification.schema.ts";
import { assetAreaSchema } from "../secure-areas/secure-areas.schemas.ts";

/** The three kinds both seed policies name: systems and media, information, system documents. */
export const ASSET_KINDS = ["systems", "information", "documents"] as const;
export const ASSET_ZONES = ["mynumber", "lgwan", "internet", "standalone", "other"] as const;
export const PERSONAL_DATA = ["none", "personal", "specific_personal"] as const;
export const LIFECYCLE_STATES = [
	"planned",
	"in_use",
	"stored",
	"taken_out",
	"disposal_pending",
	"disposed",
	"returned",
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export type AssetZone = (typeof ASSET_ZONES)[number];
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** Length limits shared by the form, the API and the spreadsheet import. */
export const ASSET_LIMITS = {
	code: 40,
	name: 200,
	managerName: 100,
	location: 200,
	retention: 50,
	relatedSystem: 200,
	notes: 2000,
	reason: 1000,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const assetCodeSchema = z
	.string()
	.trim()
	.min(1)
	.max(ASSET_LIMITS.code)
	.regex(/^[^\s/\\]+$/, "no spaces or slashes");

/** The fields people edit; the classification is set on create and changed with a reason. */
export const assetFieldsSchema = z.strictObject({
	name: text(ASSET_LIMITS.name),
	kind: z.enum(ASSET_KINDS),
	ownerUnitId: z.string().min(1).max(64),
	managerName: optionalText(ASSET_LIMITS.managerName),
	location: optionalText(ASSET_LIMITS.location),
	zone: z.enum(ASSET_ZONES),
	personalData: z.enum(PERSONAL_DATA),
	retention: optionalText(ASSET_LIMITS.retention),
	lifecycle: z.enum(LIFECYCLE_STATES),
	relatedSystem: optionalText(ASSET_LIMITS.relatedSystem),
	notes: optionalText(ASSET_LIMITS.notes),
});
export type AssetFields = z.infer<typeof assetFieldsSchema>;

/** Level codes in axis order: `["II"]`, or `["C3", "I2", "A2"]` for a CIA scheme. */
const levelsSchema = z.array(z.string().trim().min(1).max(20)).min(1).max(3);

export const createAssetSchema = assetFieldsSchema
	.extend({ code: assetCodeSchema, levels: levelsSchema })
	.openapi("CreateAsset");

export const updateAssetSchema = assetFieldsSchema
	.partial()
	.extend({ version: z.number().int().min(1) })
	.openapi("UpdateAsset");

export const reclassifyAssetSchema = z
	.strictObject({
		levels: levelsSchema,
		reason: text(ASSET_LIMITS.reason),
		version: z.number().int().min(1),
	})
	.openapi("ReclassifyAsset");

export const handlingSchema = z.object({
	labelRequired: z.boolean(),
	issuedDevicesOnly: z.boolean(),
	storage: z.enum(STORAGE_RULES),
	copying: z.enum(COPY_RULES),
	encryptInTransit: z.boolean(),
	trustedLinesOnly: z.boolean(),
	takeOut: z.enum(TAKE_OUT_RULES),
	protectWhenCarried: z.boolean(),
	disposal: z.enum(DISPOSAL_RULES),
	outsourcing: z.enum(OUTSOURCING_RULES),
	backup: z.boolean(),
	tamperDetection: z.boolean(),
	notes: z.array(z.object({ ja: z.string(), en: z.string() })),
});

/** An exception in force covering an asset: its reference, the clause or rule, the period. */
export const assetExceptionSchema = z
	.object({
		id: z.string(),
		reference: z.string(),
		clause: z.string(),
		networkRule: z.string().nullable(),
		startsOn: z.string(),
		endsOn: z.string(),
	})
	.openapi("AssetException");

export const assetSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		kind: z.enum(ASSET_KINDS),
		ownerUnit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
		managerName: z.string().nullable(),
		location: z.string().nullable(),
		zone: z.enum(ASSET_ZONES),
		classification: z.object({
			scheme: z.string(),
			levels: z.array(z.string()),
			key: z.string(),
			rank: z.number().int(),
		}),
		personalData: z.enum(PERSONAL_DATA),
		retention: z.string().nullable(),
		lifecycle: z.enum(LIFECYCLE_STATES),
		relatedSystem: z.string().nullable(),
		notes: z.string().nullable(),
		version: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string(),
		/** Derived from the classification through the tenant's pack; null if the scheme changed. */
		handling: handlingSchema.nullable(),
		/**
		 * The exceptions (例外措置) in force that cover the asset, read through the exceptions
		 * module; sent with one asset (read, create, change), not with the list.
		 */
		exceptions: z.array(assetExceptionSchema).optional(),
		/**
		 * The secure area (管理区域) the asset sits in, read through the secure-areas module: its
		 * code, name and level only; sent with one asset, not with the list.
		 */
		secureArea: assetAreaSchema.nullable().optional(),
		allowedActions: z.array(z.string()),
	})
	.openapi("Asset");

export const ASSET_SORTS = ["code", "name", "class_rank", "updated_at", "zone", "kind"] as const;

export const assetQuerySchema = z.object({
	q: z.string().trim().max(100).optional(),
	kind: z.enum(ASSET_KINDS).optional(),
	zone: z.enum(ASSET_ZONES).optional(),
	unitId: z.string().max(64).optional(),
	classKey: z.string().max(40).optional(),
	personalData: z.enum(PERSONAL_DATA).optional(),
	lifecycle: z.enum(LIFECYCLE_STATES).optional(),
	sort: z.enum(ASSET_SORTS).default("code"),
	order: z.enum(["asc", "desc"]).default("asc"),
	offset: offsetParam,
	limit: limitParam(50),
});
export type AssetQuery = z.infer<typeof assetQuerySchema>;

export const assetListSchema = pagedListSchema(assetSchema).openapi("AssetList");

const levelOptionSchema = z.object({
	code: z.string(),
	label: z.object({ ja: z.string(), en: z.string() }),
	description: z.object({ ja: z.string(), en: z.string() }),
	handling: handlingSchema,
});

/** What the ledger form offers in this tenant: the scheme's levels with their handling. */
export const ledgerOptionsSchema = z
	.object({
		scheme: z.object({
			code: z.string(),
			kind: z.enum(["importance", "cia"]),
			name: z.object({ ja: z.string(), en: z.string() }),
		}),
		/** One list for an importance scheme; C, I and A for a CIA scheme. */
		axes: z.array(
			z.object({
				axis: z.enum(["importance", "confidentiality", "integrity", "availability"]),
				levels: z.array(levelOptionSchema),
			}),
		),
		units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
		allowedActions: z.array(z.string()),
	})
	.openapi("AssetLedgerOptions");

export const classificationChangeSchema = z
	.object({
		id: z.string(),
		scheme: z.string(),
		fromKey: z.string().nullable(),
		toKey: z.string(),
		reason: z.string(),
		changedBy: z.string(),
		changedAt: z.string(),
	})
	.openapi("AssetClassificationChange");
