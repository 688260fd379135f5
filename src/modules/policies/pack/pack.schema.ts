import { z } from "zod";
import { assetKindSchema, classificationSchema } from "./classification.schema.ts";
import { cloudServiceRulesSchema } from "./cloud-services.schema.ts";
import { contractClauseSchema } from "./contract-clauses.schema.ts";
import { checkIncidentChain, incidentChainSchema } from "./incident-chain.schema.ts";
import { incidentReportingSchema } from "./incident-reporting.schema.ts";
import { networkSchema } from "./network.schema.ts";
import { organisationSchema } from "./organisation.schema.ts";
import {
	ALWAYS,
	codeSchema,
	items,
	labelSchema,
	localizedLabelSchema,
	localizedTextSchema,
	prop,
	reportDuplicates,
	text,
	unitCodeSchema,
	yearMonthSchema,
} from "./pack.primitives.ts";
import { revisionsSchema } from "./revisions.schema.ts";
import { trainingRulesSchema } from "./training.schema.ts";

/** An agency in scope; the pack lists agencies in the city's order (行政組織規則 order). */
export const agencySchema = z.strictObject({
	code: unitCodeSchema,
	name: localizedLabelSchema,
	note: localizedTextSchema.optional(),
});

export const STAFF_CATEGORIES = [
	"regular",
	"fiscal_year_appointed",
	"part_time",
	"temporary",
	"dispatched",
	"resident_contractor",
] as const;

export const staffCategorySchema = z.strictObject({
	code: z.enum(STAFF_CATEGORIES),
	label: localizedLabelSchema,
	/** Whether people of this category are 職員等 and so bound by the policy. */
	countsAsStaff: z.boolean(),
	/** `named`: the policy text names the category; `inferred`: read from a general phrase. */
	basis: z.enum(["named", "inferred"]),
	note: localizedTextSchema.optional(),
});

export const definitionSchema = z.strictObject({
	term: localizedLabelSchema,
	meaning: localizedTextSchema,
});

export const threatSchema = z.strictObject({
	code: codeSchema,
	label: localizedLabelSchema,
	description: localizedTextSchema,
	examples: z.array(localizedLabelSchema).max(20).optional(),
});

export const CADENCE_INTERVALS = ["fiscal_year", "periodic", "as_needed"] as const;
export const CADENCE_TRIGGERS = [
	"as_needed",
	"major_change",
	"audit_findings",
	"new_threats",
	"ciso_order",
] as const;

const cadenceShape = {
	every: z.enum(CADENCE_INTERVALS),
	alsoWhen: z.array(z.enum(CADENCE_TRIGGERS)),
	note: localizedTextSchema.optional(),
};

export const cadenceSchema = z.strictObject({
	audit: z.strictObject(cadenceShape),
	selfInspection: z.strictObject(cadenceShape),
	review: z.strictObject({
		...cadenceShape,
		/** The review analyses likelihood and loss of threats before changing the policy. */
		requiresRiskAnalysis: z.boolean(),
	}),
});

export const provisionSchema = z.strictObject({
	inForce: z.boolean(),
	since: yearMonthSchema.optional(),
	note: localizedTextSchema.optional(),
});

/** Optional parts of a policy; `inForce: false` means the published policy does not state them. */
export const provisionsSchema = z.strictObject({
	outsourcing: provisionSchema,
	cloudServices: provisionSchema,
	externalServices: provisionSchema,
	socialMedia: provisionSchema,
	specificPersonalInformation: provisionSchema,
	freeMail: provisionSchema,
	webConferencing: provisionSchema,
	nonBusinessBrowsingBan: provisionSchema,
});

/** A concrete rule the policy states (often learnt from its revision history). */
export const notableRuleSchema = z.strictObject({
	code: codeSchema,
	summary: localizedTextSchema,
	since: yearMonthSchema.optional(),
});

export const documentSchema = z.strictObject({
	name: localizedLabelSchema,
	publication: z.enum(["public", "non_public", "unknown"]),
	note: localizedTextSchema.optional(),
});

/** One expected part of the emergency response plan (連絡体制, 封じ込め, 復旧, 再発防止, …). */
export const planSectionSchema = z.strictObject({
	/** The heading number, e.g. `1` or `１`. */
	label: z.string().trim().min(1).max(10),
	title: localizedLabelSchema,
	/** What the part should say, in our own words; a new plan's draft starts from it. */
	guidance: localizedTextSchema.optional(),
});

/**
 * The emergency response plan (緊急時対応計画, or the CSIRT's incident procedure): a document of
 * its own whose expected parts are the template its first draft starts from.
 */
export const emergencyPlanSchema = z.strictObject({
	...documentSchema.shape,
	sections: z
		.array(planSectionSchema)
		.min(1)
		.max(20)
		.superRefine((list, ctx) => reportDuplicates(list, ["label"], ctx), ALWAYS),
});
export type EmergencyPlan = z.infer<typeof emergencyPlanSchema>;

const riskLabels = z.array(localizedLabelSchema);

/** Labels of the likelihood × impact grid, lowest first. */
export const riskMatrixSchema = z
	.strictObject({
		size: z.union([z.literal(3), z.literal(4), z.literal(5)]).default(3),
		likelihood: riskLabels,
		impact: riskLabels,
	})
	.superRefine((matrix, ctx) => {
		for (const axis of ["likelihood", "impact"] as const) {
			if (matrix[axis].length !== matrix.size) {
				ctx.addIssue({
					code: "custom",
					message: `expected ${matrix.size} labels, one per step`,
					path: [axis],
				});
			}
		}
	});

/** An authors' note on one field of the pack, named by its path (`network.model`). */
const authorNoteSchema = z.strictObject({
	path: z.string().min(1).max(200),
	note: localizedTextSchema,
});

/** The fields of a pack; `policyPackSchema` adds the rules across them. */
const policyPackShape = {
	/** Lets editors find the JSON Schema; ignored otherwise. */
	$schema: z.string().max(500).optional(),
	formatVersion: z.literal(1),
	id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "lower-case letters, digits and -"),
	name: localizedLabelSchema,
	municipality: z
		.strictObject({ name: localizedLabelSchema, prefecture: localizedLabelSchema })
		.nullable(),
	policyVersion: labelSchema,
	basedOnGuideline: z.strictObject({
		title: localizedLabelSchema,
		/** e.g. `令和7年3月`; null when the policy does not say. */
		edition: labelSchema.nullable(),
	}),
	scope: z.strictObject({
		agencies: z
			.array(agencySchema)
			.min(1)
			.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS),
		assetKinds: z
			.array(assetKindSchema)
			.min(1)
			.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS),
	}),
	staffCategories: z
		.array(staffCategorySchema)
		.min(1)
		.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS),
	/** What 職員等 must comply with: the policy only, or also the procedures. */
	dutyToComply: z.enum(["policy", "policy_and_procedures"]),
	definitions: z
		.array(definitionSchema)
		.superRefine((list, ctx) => reportDuplicates(list, ["term", "ja"], ctx), ALWAYS),
	threats: z
		.array(threatSchema)
		.min(1)
		.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS),
	classification: classificationSchema,
	organisation: organisationSchema,
	network: networkSchema,
	cadence: cadenceSchema,
	incident: z.strictObject({
		/** The plan or procedure incidents are handled by. */
		planName: localizedLabelSchema,
		csirt: z.boolean(),
		note: localizedTextSchema.optional(),
		/** Legal reporting obligations; absent: the standard pack's apply. */
		reporting: incidentReportingSchema.optional(),
		/** Who is told of a triaged case, escalation and reminders; absent: the standard pack's. */
		chain: incidentChainSchema.optional(),
	}),
	provisions: provisionsSchema,
	/** The cloud service register's rules; absent: the defaults of `cloud-services.schema.ts`. */
	cloudServiceRules: cloudServiceRulesSchema.optional(),
	/** The security clauses 業務委託 contracts are checked for; absent: the guideline's eight. */
	contractClauses: z
		.array(contractClauseSchema)
		.min(1)
		.max(30)
		.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS)
		.optional(),
	/** Training (研修) rules such as the reminder days; absent: the defaults of `training.schema.ts`. */
	training: trainingRulesSchema.optional(),
	notableRules: z
		.array(notableRuleSchema)
		.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS),
	documents: z.strictObject({
		basicPolicy: documentSchema,
		standards: documentSchema,
		procedures: documentSchema,
		/** The emergency response plan; absent: the pack does not name one. */
		emergencyPlan: emergencyPlanSchema.optional(),
		additional: z.array(documentSchema),
	}),
	revisions: revisionsSchema,
	riskMatrix: riskMatrixSchema,
	/** Remarks on the pack as a whole, in our own words. */
	notes: z.array(localizedTextSchema).max(20).optional(),
	/**
	 * For the pack's authors only, never shown to users (the API leaves it out): where the
	 * facts come from, how a value was read or assumed, and what to confirm locally. Text that
	 * users see goes in the fields themselves (`note`, `notes`, `description`).
	 */
	provenance: z.strictObject({
		source: localizedTextSchema,
		/** Authors' notes on particular fields: how a value was read, assumed or written. */
		notes: z.array(authorNoteSchema).max(50).optional(),
		/** Fields whose content comes from secondary sources or assumptions; confirm locally. */
		unverified: z.array(authorNoteSchema),
	}),
};

/**
 * A municipality's information-security policy as data (format 1): what every module of a tenant
 * reads. Unknown keys are errors; cross-field rules report every failure with its exact path.
 * Load files through `load-pack.ts`, which also turns failures into a `Problem`.
 *
 * @example
 * const result = policyPackSchema.safeParse(data);
 */
export const policyPackSchema = z.strictObject(policyPackShape).superRefine((pack, ctx) => {
	const roles = items(prop(prop(pack, "organisation"), "roles"));
	const hasCsirtRole = roles.some((role) => prop(role, "code") === "csirt");
	if (prop(prop(pack, "incident"), "csirt") === true && !hasCsirtRole) {
		ctx.addIssue({
			code: "custom",
			message: "a CSIRT is declared but organisation.roles has no csirt role",
			path: ["incident", "csirt"],
		});
	}
	checkIncidentChain(pack, ctx);
	const provisions = prop(pack, "provisions");
	const approvals = prop(prop(pack, "organisation"), "approvals");
	if (
		prop(prop(provisions, "socialMedia"), "inForce") === true &&
		typeof approvals === "object" &&
		prop(approvals, "socialMediaAccounts") === undefined
	) {
		ctx.addIssue({
			code: "custom",
			message: "social-media rules are in force, so say who approves accounts",
			path: ["organisation", "approvals", "socialMediaAccounts"],
		});
	}
	for (const list of ["unverified", "notes"] as const) {
		items(prop(prop(pack, "provenance"), list)).forEach((entry, index) => {
			const path = text(prop(entry, "path"));
			if (path === undefined) return;
			const target = path.split(".").reduce<unknown>((value, key) => prop(value, key), pack);
			if (target === undefined) {
				ctx.addIssue({
					code: "custom",
					message: `"${path}" does not name a field of this pack`,
					path: ["provenance", list, index, "path"],
				});
			}
		});
	}
}, ALWAYS);

export type PolicyPack = z.infer<typeof policyPackSchema>;
/** What a pack file may contain (defaults not yet applied). */
export type PolicyPackInput = z.input<typeof policyPackSchema>;

const { provenance: _forAuthorsOnly, ...usersShape } = policyPackShape;

/**
 * A pack as users see it: everything but `provenance`, the authors' notes (how a value was read
 * or assumed), which never reach a screen. The API presents packs through this.
 *
 * @example
 * const shown = packForUsers(pack); // no provenance
 */
export const packForUsersSchema = z.object(usersShape);
export type PackForUsers = z.infer<typeof packForUsersSchema>;

export function packForUsers(pack: PolicyPack): PackForUsers {
	const { provenance: _authors, ...shown } = pack;
	return shown;
}
