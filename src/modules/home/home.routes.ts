import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { backupStatus } from "./backup-status.ts";
import { backupStatusSchema, myWorkSchema, setupProgressSchema } from "./home.schemas.ts";
import { myWork } from "./my-work.ts";
import { setupProgress } from "./setup-progress.ts";

const tags = ["home"];

const progress = createRoute({
	method: "get",
	path: "/setup-progress",
	tags,
	security: sessionSecurity,
	summary: "The tenant's first steps, each with its count, whether it is done and who may do it",
	responses: { 200: jsonResponse(setupProgressSchema, "Setup progress"), ...problemResponses },
});

const work = createRoute({
	method: "get",
	path: "/my-work",
	tags,
	security: sessionSecurity,
	summary: "What waits for the caller: decisions, approvals, acknowledgements, with counts",
	responses: {
		200: jsonResponse(myWorkSchema, "Work waiting for the caller"),
		...problemResponses,
	},
});

const backups = createRoute({
	method: "get",
	path: "/backup-status",
	tags,
	security: sessionSecurity,
	summary:
		"The instance's last good backup and restore drill, and whether either is overdue or failing",
	responses: { 200: jsonResponse(backupStatusSchema, "Backup status"), ...problemResponses },
});

export function homeRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(progress, async (c) => c.json(await setupProgress(deps.db, requireActor(c)), 200))
		.openapi(work, async (c) => c.json(await myWork(deps.db, requireActor(c)), 200))
		.openapi(backups, async (c) =>
			c.json(await backupStatus(deps.db, requireActor(c), new Date()), 200),
		);
}
