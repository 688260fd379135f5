import { randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { trainingPolicy } from "../../src/modules/training/training.policy.ts";
import { toCsv } from "../../src/shared/csv.ts";
import { makeStaff } from "./org-factories.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";
import { makeCourse, thisYear } from "./training-world.ts";

/** The routes of training (研修・訓練). */

const access = (action: keyof typeof trainingPolicy) =>
	({ kind: "permission", policy: trainingPolicy, action, level: "tenant" }) as const;

const served: CrossTenantProbe = {
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
};
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

/** A unit the caller manages (section / department), else the world's unit. */
async function managedUnit({ deps, world, caller }: RequestContext): Promise<string> {
	const held = await deps.db
		.selectFrom("role_assignments")
		.select("org_unit_id")
		.where("tenant_id", "=", world.tenant.id)
		.where("account_id", "=", caller.id)
		.where("role", "in", ["section_manager", "department_officer"])
		.where("org_unit_id", "is not", null)
		.executeTakeFirst();
	return held?.org_unit_id ?? world.orgUnit.id;
}

/** A member of staff in the caller's unit, then a course they (and everyone) owe. */
async function owedInCallerUnit(
	ctx: RequestContext,
	kind: "in_person" | "e_learning" = "in_person",
) {
	const member = await makeStaff(ctx.deps, ctx.world.tenant, await managedUnit(ctx));
	const course = await makeCourse(
		ctx.deps,
		ctx.world.tenant.id,
		kind === "in_person" ? { kind, quiz: null, passMark: null } : {},
	);
	return { member, course };
}

/** The caller on the roster (once), so that a course planned after it is theirs to take. */
async function callerOnRoster(ctx: RequestContext): Promise<void> {
	const { deps, world, caller } = ctx;
	// Building tenant A's request for tenant B's caller: a person is staff of one tenant only.
	if (caller.tenantId !== world.tenant.id) return;
	const existing = await deps.db
		.selectFrom("staff")
		.select("id")
		.where("tenant_id", "=", world.tenant.id)
		.where("account_id", "=", caller.id)
		.executeTakeFirst();
	if (existing) return;
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id: randomUUID(),
			tenant_id: world.tenant.id,
			account_id: caller.id,
			staff_number: `W${randomUUID().slice(0, 8)}`,
			category: "regular",
			org_unit_id: world.orgUnit.id,
			title: null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
}

const importBody = async (ctx: RequestContext, courseId?: string) => {
	const { member, course } = await owedInCallerUnit(ctx);
	const csv = toCsv(["職員番号", "受講日"], [[member.staffNumber, ""]]);
	return {
		courseId: courseId ?? course.id,
		filename: "attendance.csv",
		contentBase64: Buffer.from(csv).toString("base64"),
		mode: "dry_run",
	};
};

export const TRAINING_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/training/mine",
		access: access("training.take"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/training/completion",
		access: access("training.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/training/year",
		access: access("training.export"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/training/export",
		access: access("training.export"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "post",
		path: "/api/training/import",
		access: access("training.record"),
		ok: 200,
		readOnly: true,
		request: async (ctx) => ({ body: await importBody(ctx) }),
		crossTenant: [
			served,
			{
				name: "tenant A's course",
				request: async (a, b) => {
					const foreign = await makeCourse(b.deps, a.tenant.id);
					return { body: await importBody(b, foreign.id) };
				},
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/training/courses",
		access: access("training.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "post",
		path: "/api/training/courses",
		access: access("training.manage"),
		ok: 201,
		request: () => ({
			body: {
				fiscalYear: thisYear().year,
				title: "情報セキュリティ研修",
				kind: "in_person",
				audience: "managers",
				dueOn: thisYear().lastDay,
			},
		}),
		crossTenant: [served],
	},
	{
		method: "put",
		path: "/api/training/courses/{id}",
		access: access("training.manage"),
		ok: 200,
		request: async (ctx) => {
			const course = await makeCourse(ctx.deps, ctx.world.tenant.id, {
				kind: "in_person",
				quiz: null,
				passMark: null,
			});
			return {
				params: { id: course.id },
				body: {
					title: "情報セキュリティ研修（改）",
					kind: "in_person",
					audience: course.audience,
					dueOn: course.due_on,
					remindDays: 7,
					version: 1,
				},
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/training/courses/{id}/attendees",
		access: access("training.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await owedInCallerUnit(ctx)).course.id } }),
		crossTenant: [served, FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/training/courses/{id}/attendance",
		access: access("training.record"),
		ok: 200,
		request: async (ctx) => {
			const { member, course } = await owedInCallerUnit(ctx);
			return { params: { id: course.id }, body: { staffIds: [member.staffId] } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/training/courses/{id}/quiz",
		access: access("training.take"),
		ok: 200,
		request: async (ctx) => {
			await callerOnRoster(ctx);
			const course = await makeCourse(ctx.deps, ctx.world.tenant.id);
			return { params: { id: course.id }, body: { answers: [1, 0] } };
		},
		crossTenant: [
			{
				name: "tenant A's course",
				request: "foreign",
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/training/courses/{id}/drill",
		access: access("training.read"),
		ok: 200,
		request: async (ctx) => ({
			params: {
				id: (
					await makeCourse(ctx.deps, ctx.world.tenant.id, {
						kind: "phishing_drill",
						quiz: null,
						passMark: null,
					})
				).id,
			},
		}),
		crossTenant: [served, FOREIGN_IDS],
	},
];
