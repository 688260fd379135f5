import { z } from "@hono/zod-openapi";
import { NETWORK_FINDING_CODES, type NetworkFindingCode } from "../../shared/network-findings.ts";
import { NETWORK_ISSUE_CODES, type NetworkIssueCode } from "../../shared/network-issues.ts";
import { NETWORK_MODELS } from "../policies/pack/network.schema.ts";
import type { CheckReport } from "./check-model.ts";
import { DRIFT_KINDS, LEDGER_ZONES } from "./drift.ts";
import { networkModelSchema } from "./model.schema.ts";
import { SAVE_SOURCES } from "./save-model.ts";

const bilingual = z.object({ ja: z.string(), en: z.string() });
/** `exception`: every violation of the flow or node is covered by an exception in force. */
const verdict = z.enum(["ok", "violation", "exception"]);

export const networkViolationSchema = z
	.object({
		rule: z.string(),
		flow: z.string().nullable(),
		/** A node, segment or gateway id. */
		node: z.string().nullable(),
		/** The policy's words (基本方針 6(3)①). */
		clause: z.string(),
		/** The pack or model fields behind the rule; for maintainers, shown on demand. */
		technical: z.string(),
		/** What is wrong: a code of the findings catalogue (message and remedy, ja and en). */
		code: z.enum(NETWORK_FINDING_CODES as [NetworkFindingCode, ...NetworkFindingCode[]]),
		/**
		 * Names as people gave them (nodes, segments, gateways) and codes of the shared vocabulary
		 * (tiers, gateway kinds, safeguards, controls, models; routes as `2:lgwan>internet:sanitized`).
		 */
		params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
		/** The exception in force (例外措置) covering this violation, if any; it stays a violation. */
		exception: z
			.object({ id: z.string(), reference: z.string(), endsOn: z.string() })
			.nullable()
			.optional(),
	})
	.openapi("NetworkViolation");

export const networkCheckReportSchema = z
	.object({
		compliant: z.boolean(),
		model: z.enum(NETWORK_MODELS),
		packModel: z.enum(NETWORK_MODELS),
		packId: z.string(),
		violations: z.array(networkViolationSchema),
		flows: z.array(z.object({ id: z.string(), verdict })),
		nodes: z.array(z.object({ id: z.string(), verdict })),
		stats: z.object({
			segments: z.number().int(),
			nodes: z.number().int(),
			gateways: z.number().int(),
			flows: z.number().int(),
			violations: z.number().int(),
			violatingFlows: z.number().int(),
			violatingNodes: z.number().int(),
			byRule: z.record(z.string(), z.number().int()),
		}),
		/** Violations covered by exceptions in force; absent from the engine's own report. */
		excepted: z.number().int().optional(),
	})
	.openapi("NetworkCheckReport");

// The engine's report must fit the documented schema; tsc fails here when they drift apart.
const reportFits = (report: CheckReport): z.infer<typeof networkCheckReportSchema> => report;
void reportFits;

export const networkRuleSchema = z
	.object({
		id: z.string(),
		clause: z.string(),
		technical: z.string(),
		title: bilingual,
		description: bilingual,
	})
	.openapi("NetworkRule");

export const diagramFlowSchema = z
	.object({
		id: z.string(),
		sourceSegment: z.string(),
		sourceNode: z.string().nullable(),
		destinationSegment: z.string(),
		destinationNode: z.string().nullable(),
		waypoints: z.array(z.object({ kind: z.enum(["gateway", "segment"]), id: z.string() })),
	})
	.openapi("NetworkDiagramFlow");

/** A model with its check: what the report, the table and the diagram are drawn from. */
export const networkCheckSchema = z
	.object({
		report: networkCheckReportSchema,
		rules: z.array(networkRuleSchema),
		diagramFlows: z.array(diagramFlowSchema),
	})
	.openapi("NetworkCheck");

export const networkModelDocumentSchema = networkModelSchema.openapi("NetworkModelDocument");

export const networkRevisionSchema = z
	.object({
		revision: z.number().int(),
		source: z.enum(SAVE_SOURCES),
		savedBy: z.string(),
		savedAt: z.string(),
	})
	.openapi("NetworkModelRevision");

export const networkModelViewSchema = z
	.object({
		model: networkModelDocumentSchema,
		/** 0 before the first save: the model is then the starter model, not stored. */
		revision: z.number().int(),
		updatedAt: z.string().nullable(),
		updatedBy: z.string().nullable(),
		check: networkCheckSchema,
		history: z.array(networkRevisionSchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("NetworkModelView");

/**
 * The editor sends the whole model; it is validated like a model file (schema, ids, references,
 * gateway chains), so the body's model is documented loosely and every problem named by path.
 */
const modelInput = z
	.record(z.string(), z.unknown())
	.openapi({ description: "A network model document (see NetworkModelDocument)" });

export const saveModelSchema = z.strictObject({
	model: modelInput,
	/** The revision the editor started from; refused with `conflict` when it is not current. */
	baseRevision: z.number().int().min(0).optional(),
});

export const checkModelSchema = z.strictObject({ model: modelInput });

const fileInput = {
	/** The file's text (UTF-8) … */
	text: z
		.string()
		.max(64 * 1024 * 1024)
		.optional(),
	/** … or its bytes in base64. */
	fileBase64: z
		.string()
		.max(96 * 1024 * 1024)
		.optional(),
	fileName: z.string().max(255).optional(),
	/** Only check and show what would be saved. */
	dryRun: z.boolean().default(false),
	baseRevision: z.number().int().min(0).optional(),
};

export const importModelSchema = z
	.strictObject({ ...fileInput, format: z.enum(["yaml", "json"]).optional() })
	.refine((body) => (body.text === undefined) !== (body.fileBase64 === undefined), {
		message: "send either text or fileBase64",
		path: ["text"],
	});

export const firewallImportSchema = z
	.strictObject(fileInput)
	.refine((body) => (body.text === undefined) !== (body.fileBase64 === undefined), {
		message: "send either text or fileBase64",
		path: ["text"],
	});

/** A stable code of src/shared/network-issues.ts; screens show its catalogue text. */
const networkIssueCodeSchema = z.enum(
	NETWORK_ISSUE_CODES as [NetworkIssueCode, ...NetworkIssueCode[]],
);
const networkIssueParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

const modelProblemSchema = z
	.object({
		path: z.string(),
		line: z.number().int().nullable(),
		column: z.number().int().nullable(),
		code: networkIssueCodeSchema,
		params: networkIssueParamsSchema,
		/** English, for developers: people read the catalogue text of `code`. */
		message: z.string(),
	})
	.openapi("NetworkModelProblem");

export const importModelResultSchema = z
	.object({
		saved: z.boolean(),
		revision: z.number().int(),
		problems: z.array(modelProblemSchema),
		/** Present when the file is valid. */
		model: networkModelDocumentSchema.optional(),
		check: networkCheckSchema.optional(),
	})
	.openapi("NetworkModelImport");

export const firewallImportResultSchema = z
	.object({
		saved: z.boolean(),
		revision: z.number().int(),
		/** Rows of the CSV that could not be read, by row (1 = header) and column. */
		errors: z.array(
			z
				.object({
					row: z.number().int(),
					column: z.string(),
					code: networkIssueCodeSchema,
					params: networkIssueParamsSchema,
					/** English, for developers: people read the catalogue text of `code`. */
					message: z.string(),
				})
				.openapi("FirewallRowError"),
		),
		/** Flows read from the CSV. */
		flows: z.number().int(),
		added: z.number().int(),
		replaced: z.number().int(),
		/** What is wrong with the model once the flows are added (an address in no segment…). */
		problems: z.array(modelProblemSchema),
		/** Present when the merged model is valid. */
		model: networkModelDocumentSchema.optional(),
		check: networkCheckSchema.optional(),
	})
	.openapi("NetworkFirewallImport");

export const driftSchema = z
	.object({
		revision: z.number().int(),
		linkedNodes: z.number().int(),
		ledgerSystems: z.number().int(),
		items: z.array(
			z.object({
				kind: z.enum(DRIFT_KINDS),
				assetId: z.string(),
				assetCode: z.string().nullable(),
				assetName: z.string().nullable(),
				nodeId: z.string().nullable(),
				nodeName: z.string().nullable(),
				ledgerZone: z.string().nullable(),
				modelZone: z.enum(LEDGER_ZONES).nullable(),
			}),
		),
	})
	.openapi("NetworkDrift");

export const reportQuerySchema = z.object({ lang: z.enum(["ja", "en"]).default("ja") });
