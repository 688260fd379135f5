import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { attachmentDisposition } from "../../../http/content-disposition.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { answerItem } from "./answer-item.ts";
import {
	answerItemSchema,
	campaignDetailSchema,
	campaignListSchema,
	campaignOptionsSchema,
	closeCampaignSchema,
	openCampaignSchema,
	responseSchema,
	signOffSchema,
	unitReviewSchema,
} from "./campaigns.schemas.ts";
import { closeCampaign } from "./close-campaign.ts";
import { exportCampaignPdf, exportCampaignXlsx } from "./export-campaign.ts";
import { openCampaign } from "./open-campaign.ts";
import { readAnswerEvidence } from "./read-answer-evidence.ts";
import {
	campaignOptions,
	getCampaign,
	getResponse,
	listCampaigns,
	unitReview,
} from "./read-campaigns.ts";
import { signOffCampaignUnit } from "./sign-off-unit.ts";
import { submitAnswers } from "./submit-answers.ts";

const secured = { tags: ["assurance"], security: sessionSecurity };
const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const unitParam = z.object({ id, unitId: id });
const respondentParam = z.object({ respondentId: id });
const answerParam = z.object({ respondentId: id, itemId: id });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";
const binary = (type: string) => ({
	[type]: { schema: { type: "string" as const, format: "binary" } },
});

/** Static paths first: `/assurance/campaigns/options` must not be read as `{id}`. */
const routes = {
	options: createRoute({
		...secured,
		method: "get",
		path: "/assurance/campaigns/options",
		summary: "The self-inspection checklists and units a campaign chooses from, and today",
		responses: { 200: jsonResponse(campaignOptionsSchema, "Options"), ...problemResponses },
	}),
	list: createRoute({
		...secured,
		method: "get",
		path: "/assurance/campaigns",
		summary: "Self-inspection campaigns the caller takes part in, with their own assignments",
		responses: { 200: jsonResponse(campaignListSchema, "Campaigns"), ...problemResponses },
	}),
	open: createRoute({
		...secured,
		method: "post",
		path: "/assurance/campaigns",
		summary: "Open a self-inspection campaign: fiscal year, checklist version, units, due date",
		request: { body: jsonBody(openCampaignSchema) },
		responses: { 201: jsonResponse(campaignDetailSchema, "The campaign"), ...problemResponses },
	}),
	get: createRoute({
		...secured,
		method: "get",
		path: "/assurance/campaigns/{id}",
		summary: "A campaign with the rates per unit, department and clause the caller may see",
		request: { params: idParam },
		responses: { 200: jsonResponse(campaignDetailSchema, "The campaign"), ...problemResponses },
	}),
	exportXlsx: createRoute({
		...secured,
		method: "get",
		path: "/assurance/campaigns/{id}/export",
		summary: "The campaign's answers and rate tables as XLSX (the units the caller sees)",
		request: { params: idParam },
		responses: {
			200: { description: "The workbook", content: binary(XLSX) },
			...problemResponses,
		},
	}),
	reportPdf: createRoute({
		...secured,
		method: "get",
		path: "/assurance/campaigns/{id}/report",
		summary: "The campaign's report with the rate tables as PDF (embedded Japanese font)",
		request: { params: idParam },
		responses: {
			200: { description: "The report", content: binary(PDF) },
			...problemResponses,
		},
	}),
	close: createRoute({
		...secured,
		method: "post",
		path: "/assurance/campaigns/{id}/close",
		summary: "Close a campaign: after its due date, or before it with a reason",
		request: { params: idParam, body: jsonBody(closeCampaignSchema) },
		responses: { 200: jsonResponse(campaignDetailSchema, "The campaign"), ...problemResponses },
	}),
	unit: createRoute({
		...secured,
		method: "get",
		path: "/assurance/campaigns/{id}/units/{unitId}",
		summary: "A unit's respondents and its いいえ answers, for its 管理者",
		request: { params: unitParam },
		responses: { 200: jsonResponse(unitReviewSchema, "The unit"), ...problemResponses },
	}),
	signOff: createRoute({
		...secured,
		method: "post",
		path: "/assurance/campaigns/{id}/units/{unitId}/sign-off",
		summary: "The unit's 管理者 signs off the unit (with a note when someone has not submitted)",
		request: { params: unitParam, body: jsonBody(signOffSchema) },
		responses: { 200: jsonResponse(unitReviewSchema, "The unit"), ...problemResponses },
	}),
	response: createRoute({
		...secured,
		method: "get",
		path: "/assurance/responses/{respondentId}",
		summary: "The caller's items of one campaign and unit, answered or open",
		request: { params: respondentParam },
		responses: { 200: jsonResponse(responseSchema, "The items"), ...problemResponses },
	}),
	answer: createRoute({
		...secured,
		method: "put",
		path: "/assurance/responses/{respondentId}/answers/{itemId}",
		summary: "Save a draft answer to one item, with a comment and an evidence file",
		request: { params: answerParam, body: jsonBody(answerItemSchema) },
		responses: { 200: jsonResponse(responseSchema, "The items"), ...problemResponses },
	}),
	evidence: createRoute({
		...secured,
		method: "get",
		path: "/assurance/responses/{respondentId}/answers/{itemId}/evidence",
		summary: "Download an answer's evidence file, checked against its SHA-256",
		request: { params: answerParam },
		responses: {
			200: { description: "The file", content: binary("application/octet-stream") },
			...problemResponses,
		},
	}),
	submit: createRoute({
		...secured,
		method: "post",
		path: "/assurance/responses/{respondentId}/submit",
		summary: "Submit the answers; they are locked afterwards",
		request: { params: respondentParam },
		responses: { 200: jsonResponse(responseSchema, "The items"), ...problemResponses },
	}),
};

export function campaignsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.options, async (c) =>
			c.json(await campaignOptions(deps.db, requireActor(c)), 200),
		)
		.openapi(routes.list, async (c) => c.json(await listCampaigns(deps.db, requireActor(c)), 200))
		.openapi(routes.open, async (c) => {
			const actor = requireActor(c);
			const row = await inTransaction(deps.db, (tx) =>
				openCampaign(tx, actor, c.req.valid("json")),
			);
			return c.json(await getCampaign(deps.db, actor, row.id), 201);
		})
		.openapi(routes.get, async (c) => {
			const actor = requireActor(c);
			return c.json(await getCampaign(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(routes.exportXlsx, async (c) => {
			const file = await exportCampaignXlsx(deps.db, requireActor(c), c.req.valid("param").id);
			return c.body(new Uint8Array(file.body), 200, {
				"content-type": XLSX,
				"content-disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(routes.reportPdf, async (c) => {
			const file = await exportCampaignPdf(deps.db, requireActor(c), c.req.valid("param").id);
			return c.body(new Uint8Array(file.body), 200, {
				"content-type": PDF,
				"content-disposition": attachmentDisposition(file.fileName),
			});
		})
		.openapi(routes.close, async (c) => {
			const actor = requireActor(c);
			const { id: campaignId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) =>
				closeCampaign(tx, actor, campaignId, c.req.valid("json")),
			);
			return c.json(await getCampaign(deps.db, actor, campaignId), 200);
		})
		.openapi(routes.unit, async (c) => {
			const { id: campaignId, unitId } = c.req.valid("param");
			return c.json(await unitReview(deps.db, requireActor(c), campaignId, unitId), 200);
		})
		.openapi(routes.signOff, async (c) => {
			const actor = requireActor(c);
			const { id: campaignId, unitId } = c.req.valid("param");
			const { note } = c.req.valid("json");
			await inTransaction(deps.db, (tx) =>
				signOffCampaignUnit(tx, actor, campaignId, unitId, { note }),
			);
			return c.json(await unitReview(deps.db, actor, campaignId, unitId), 200);
		})
		.openapi(routes.response, async (c) => {
			const actor = requireActor(c);
			return c.json(await getResponse(deps.db, actor, c.req.valid("param").respondentId), 200);
		})
		.openapi(routes.answer, async (c) => {
			const actor = requireActor(c);
			const { respondentId, itemId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) =>
				answerItem(tx, actor, respondentId, itemId, c.req.valid("json")),
			);
			return c.json(await getResponse(deps.db, actor, respondentId), 200);
		})
		.openapi(routes.evidence, async (c) => {
			const { respondentId, itemId } = c.req.valid("param");
			const file = await readAnswerEvidence(deps.db, requireActor(c), respondentId, itemId);
			c.header("content-disposition", attachmentDisposition(file.fileName));
			c.header("x-content-sha256", file.sha256);
			return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.mediaType });
		})
		.openapi(routes.submit, async (c) => {
			const actor = requireActor(c);
			const { respondentId } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => submitAnswers(tx, actor, respondentId));
			return c.json(await getResponse(deps.db, actor, respondentId), 200);
		});
}
