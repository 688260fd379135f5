import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { decodeUpload } from "../../../shared/uploaded-file.ts";
import { authorize } from "../../authz/policy.ts";
import { acceptAsRisk } from "./accept-as-risk.ts";
import { completeAction } from "./complete-action.ts";
import { type FindingDesk, openFindingDesk } from "./finding-desk.ts";
import { addFindingEvidence, presentFindingEvidence } from "./finding-evidence.ts";
import { findingsPolicy } from "./findings.policy.ts";
import type { FindingRow } from "./findings.repository.ts";
import {
	acceptRiskSchema,
	completeActionSchema,
	FINDING_LIMITS,
	findingEvidenceSchema,
	findingEvidenceUploadSchema,
	findingSchema,
	linkRiskSchema,
	planActionSchema,
	verifyFindingSchema,
} from "./findings.schemas.ts";
import { linkRisk } from "./link-risk.ts";
import { planAction } from "./plan-action.ts";
import { presentFinding } from "./read-findings.ts";
import { reopenFinding, verifyFinding } from "./verify-finding.ts";

/** The steps of a finding: plan, evidence, done, verification, risk link and acceptance. */

const secured = { tags: ["findings"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });

function step<S extends z.ZodType>(path: string, summary: string, body: S) {
	return createRoute({
		...secured,
		method: "post",
		path: `/findings/{id}/${path}`,
		summary,
		request: { params: idParam, body: jsonBody(body) },
		responses: { 200: jsonResponse(findingSchema, "The finding"), ...problemResponses },
	});
}

const routes = {
	plan: step(
		"plan",
		"Plan the corrective action: what, who is responsible, by when",
		planActionSchema,
	),
	done: step(
		"done",
		"Mark the corrective action done (evidence kept first); another person verifies it",
		completeActionSchema,
	),
	verify: step(
		"verify",
		"Verify the corrective action (auditors, the CISO; not who marked it done)",
		verifyFindingSchema,
	),
	reopen: step(
		"reopen",
		"Return an action marked done to its owner, with the verifier's comment",
		verifyFindingSchema,
	),
	linkRisk: step(
		"risk-link",
		"Link the finding to a risk of the register, or enter a new risk from it",
		linkRiskSchema,
	),
	acceptRisk: step(
		"accept-risk",
		"Accept the finding as a risk: its linked risk is accepted in the register (CISO)",
		acceptRiskSchema,
	),
	addEvidence: createRoute({
		...secured,
		method: "post",
		path: "/findings/{id}/evidence",
		summary: "Keep an evidence file of the corrective action (base64, at most 10 MiB)",
		request: { params: idParam, body: jsonBody(findingEvidenceUploadSchema) },
		responses: { 201: jsonResponse(findingEvidenceSchema, "The file"), ...problemResponses },
	}),
};

type Step = (
	tx: Parameters<typeof planAction>[0],
	desk: FindingDesk,
	id: string,
) => Promise<FindingRow>;

export function findingStepsRoutes(deps: AppDeps) {
	const { db } = deps;
	/** Run one step in a transaction, then answer the finding as it now stands. */
	async function run(actor: ReturnType<typeof requireActor>, id: string, change: Step) {
		const desk = await openFindingDesk(db, actor);
		const row = await inTransaction(db, (tx) => change(tx, desk, id));
		return presentFinding(db, await openFindingDesk(db, actor), row);
	}
	return createRouter()
		.openapi(routes.plan, async (c) => {
			const input = c.req.valid("json");
			const view = await run(requireActor(c), c.req.valid("param").id, (tx, desk, id) =>
				planAction(tx, desk, id, input),
			);
			return c.json(view, 200);
		})
		.openapi(routes.done, async (c) => {
			const input = c.req.valid("json");
			const view = await run(requireActor(c), c.req.valid("param").id, (tx, desk, id) =>
				completeAction(tx, desk, id, input),
			);
			return c.json(view, 200);
		})
		.openapi(routes.verify, async (c) => {
			const input = c.req.valid("json");
			const view = await run(requireActor(c), c.req.valid("param").id, (tx, desk, id) =>
				verifyFinding(tx, desk, id, input),
			);
			return c.json(view, 200);
		})
		.openapi(routes.reopen, async (c) => {
			const input = c.req.valid("json");
			const view = await run(requireActor(c), c.req.valid("param").id, (tx, desk, id) =>
				reopenFinding(tx, desk, id, input),
			);
			return c.json(view, 200);
		})
		.openapi(routes.linkRisk, async (c) => {
			const input = c.req.valid("json");
			const view = await run(requireActor(c), c.req.valid("param").id, (tx, desk, id) =>
				linkRisk(tx, desk, id, input),
			);
			return c.json(view, 200);
		})
		.openapi(routes.acceptRisk, async (c) => {
			const input = c.req.valid("json");
			const view = await run(requireActor(c), c.req.valid("param").id, (tx, desk, id) =>
				acceptAsRisk(tx, desk, id, input),
			);
			return c.json(view, 200);
		})
		.openapi(routes.addEvidence, async (c) => {
			const actor = requireActor(c);
			authorize(actor, findingsPolicy, "finding.act");
			const { fileName, description, contentBase64 } = c.req.valid("json");
			const bytes = decodeUpload(contentBase64, FINDING_LIMITS.fileBytes);
			const desk = await openFindingDesk(db, actor);
			const file = await inTransaction(db, (tx) =>
				addFindingEvidence(tx, desk, c.req.valid("param").id, { fileName, description, bytes }),
			);
			return c.json(presentFindingEvidence(file), 201);
		});
}
