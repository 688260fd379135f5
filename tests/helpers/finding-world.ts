import { randomBytes } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { completeAction } from "../../src/modules/assurance/findings/complete-action.ts";
import { openFindingDesk } from "../../src/modules/assurance/findings/finding-desk.ts";
import { addFindingEvidence } from "../../src/modules/assurance/findings/finding-evidence.ts";
import type { FindingRow } from "../../src/modules/assurance/findings/findings.repository.ts";
import { linkRisk } from "../../src/modules/assurance/findings/link-risk.ts";
import { planAction } from "../../src/modules/assurance/findings/plan-action.ts";
import {
	type RaiseFindingInput,
	raiseFinding,
} from "../../src/modules/assurance/findings/raise-finding.ts";
import { verifyFinding } from "../../src/modules/assurance/findings/verify-finding.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { checkModel } from "../../src/modules/network/check-model.ts";
import { readStoredModel, requireTenantPack } from "../../src/modules/network/read-model.ts";
import { saveNetworkModel } from "../../src/modules/network/save-model.ts";
import { makeRisk } from "./risk-world.ts";

/** The CISO, for finding fixtures without an account of their own: raises and marks done. */
export function findingActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "finding-factory",
		label: "CISO（指摘テスト）",
		roles: [{ role: "ciso", orgUnitId: null }],
		ip: null,
	};
}

/** An auditor who did not mark anything done: verifies fixtures. */
export function verifierActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "finding-verifier",
		label: "監査担当（指摘テスト）",
		roles: [{ role: "auditor", orgUnitId: null }],
		ip: null,
	};
}

/** A finding of an internal audit about screen locks, for `ownerUnitId`. */
export function auditFinding(
	ownerUnitId: string,
	overrides: Partial<RaiseFindingInput> = {},
): RaiseFindingInput {
	return {
		source: "audit",
		sourceRef: null,
		sourceLabel: "令和8年度 内部監査",
		clause: "対策基準 4.4",
		title: "離席時に端末をロックしていない職員がいる",
		description: "執務室の巡回で、ロックされていない端末が3台あった。",
		ownerUnitId,
		severity: "moderate",
		dueOn: null,
		...overrides,
	};
}

/** Any active account of the tenant: the responsible person of a fixture's plan. */
async function anAccount(deps: AppDeps, tenantId: string): Promise<string> {
	const row = await deps.db
		.selectFrom("accounts")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("disabled_at", "is", null)
		.orderBy("created_at")
		.executeTakeFirstOrThrow();
	return row.id;
}

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n% 是正の証跡\n");

export type FixtureState = "open" | "action_planned" | "evidenced" | "done" | "verified" | "linked";

/**
 * A finding made through the use cases and taken to `state`: open; action_planned; evidenced
 * (planned, one evidence file); done (by the fixture's CISO); verified (by another, an auditor);
 * linked (open, linked to a new risk of its unit).
 *
 * @example
 * const finding = await makeFinding(deps, tenant.id, unit.id, "done");
 */
export async function makeFinding(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	state: FixtureState = "open",
	overrides: Partial<RaiseFindingInput> = {},
): Promise<FindingRow> {
	const actor = findingActor(tenantId);
	const ownerId = await anAccount(deps, tenantId);
	const risk = state === "linked" ? await makeRisk(deps, tenantId, unitId) : null;
	const desk = await openFindingDesk(deps.db, actor);
	const verifier = await openFindingDesk(deps.db, verifierActor(tenantId));
	return inTransaction(deps.db, async (tx) => {
		const { finding } = await raiseFinding(tx, actor, auditFinding(unitId, overrides));
		if (state === "open") return finding;
		if (risk) return linkRisk(tx, desk, finding.id, { version: 1, riskId: risk.id });
		const planned = await planAction(tx, desk, finding.id, {
			version: 1,
			plan: "端末に自動ロック（5分）を設定し、職員に周知する。",
			ownerId,
			dueOn: "2099-03-31",
		});
		if (state === "action_planned") return planned;
		await addFindingEvidence(tx, desk, finding.id, {
			fileName: "自動ロック設定.pdf",
			bytes: PDF_BYTES,
		});
		if (state === "evidenced") return planned;
		const done = await completeAction(tx, desk, finding.id, {
			version: 2,
			note: "全端末に設定した。",
		});
		if (state === "done") return done;
		return verifyFinding(tx, verifier, finding.id, { version: 3, comment: "設定を確認した。" });
	});
}

/**
 * A violation of the three-tier check that no finding names yet: the tenant's stored model gains
 * one more flow from a My Number terminal straight to the Internet mail server.
 */
export async function freshViolation(
	deps: AppDeps,
	tenantId: string,
): Promise<{ rule: string; flow: string | null; node: string | null; clause: string }> {
	const flowId = `f-bad-${randomBytes(3).toString("hex")}`;
	const stored = await readStoredModel(deps.db, tenantId);
	const model = {
		...stored.model,
		flows: [
			...stored.model.flows,
			{
				id: flowId,
				source: "mn-pc",
				destination: "mail",
				protocol: "https",
				port: 443,
				purpose: "直接接続",
			},
		],
	};
	await inTransaction(deps.db, (tx) =>
		saveNetworkModel(tx, systemActor(tenantId, "finding fixture"), model, { source: "edit" }),
	);
	const pack = await requireTenantPack(deps.db, tenantId);
	const violation = checkModel(model, pack.pack).violations.find((v) => v.flow === flowId);
	if (!violation) throw new Error("the added flow should violate the check");
	return {
		rule: violation.rule,
		flow: violation.flow,
		node: violation.node,
		clause: violation.clause,
	};
}

/** Rows in every table the register owns: a verified finding (with a file) and an overdue notice. */
export async function makeFindingFixtures(deps: AppDeps, tenantId: string, unitId: string) {
	await makeFinding(deps, tenantId, unitId, "verified");
}
