import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { advanceAudit } from "../../src/modules/assurance/audits/advance-audit.ts";
import {
	type AuditRow,
	auditTeams,
	auditUnits,
} from "../../src/modules/assurance/audits/audits.repository.ts";
import type { CreateAuditInput } from "../../src/modules/assurance/audits/audits.schemas.ts";
import { chooseChecklist } from "../../src/modules/assurance/audits/choose-checklist.ts";
import { createAudit } from "../../src/modules/assurance/audits/create-audit.ts";
import type { YearlyPlanRow } from "../../src/modules/assurance/audits/plans.repository.ts";
import { findYearlyPlanOfYear } from "../../src/modules/assurance/audits/plans.repository.ts";
import { raiseAuditFinding } from "../../src/modules/assurance/audits/raise-audit-finding.ts";
import {
	addResultEvidence,
	recordResult,
} from "../../src/modules/assurance/audits/record-result.ts";
import { createMultiYearPlan } from "../../src/modules/assurance/audits/save-audit-plan.ts";
import { createYearlyPlan } from "../../src/modules/assurance/audits/save-yearly-plan.ts";
import {
	listItemRows,
	listVersions,
} from "../../src/modules/assurance/checklists/checklists.repository.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { bundledChecklistId } from "./checklist-world.ts";
import { makeAccount } from "./factories.ts";
import { makeOrgUnit } from "./org-factories.ts";

/** The fiscal year the fixtures plan (令和7年度): audits run in it. */
export const AUDIT_YEAR = 2025;

/** The CISO, who runs audits and alone orders ad-hoc ones, for fixtures without an account. */
export function auditActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "audit-factory",
		label: "CISO（監査テスト）",
		roles: [{ role: "ciso", orgUnitId: null }],
		ip: null,
	};
}

/** A planned audit's body: plan, period in the fixtures' year, a lead and units to fill in. */
export function auditBody(
	overrides: Partial<CreateAuditInput> & Pick<CreateAuditInput, "leadAuditorId" | "unitIds">,
): CreateAuditInput {
	return {
		kind: "planned",
		yearlyPlanId: null,
		reason: null,
		title: "令和7年度 情報セキュリティ監査",
		scope: "庁内LANの端末管理と、持ち出し手続の運用",
		criteria: "情報セキュリティ基本方針、対策基準",
		periodStart: "2025-10-01",
		periodEnd: "2025-10-31",
		checklistVersionId: null,
		auditorIds: [],
		...overrides,
	};
}

/** The tenant's yearly plan of AUDIT_YEAR, made (with its multi-year plan) if there is none yet. */
export async function yearlyPlanOf(
	deps: AppDeps,
	tenantId: string,
	unitIds: readonly string[] = [],
): Promise<YearlyPlanRow> {
	const found = await findYearlyPlanOfYear(deps.db, tenantId, AUDIT_YEAR);
	if (found) return found;
	const actor = auditActor(tenantId);
	return inTransaction(deps.db, async (tx) => {
		const plan = await createMultiYearPlan(tx, actor, {
			title: "第3次中期監査計画",
			firstYear: AUDIT_YEAR,
			lastYear: AUDIT_YEAR + 2,
			aims: "三層分離の運用と、情報資産の持ち出し手続を重点に監査する。",
		});
		return createYearlyPlan(tx, actor, {
			fiscalYear: AUDIT_YEAR,
			planId: plan.id,
			aims: "本庁の課を中心に、端末と媒体の管理を確かめる。",
			units: unitIds.map((unitId, index) => ({ unitId, quarter: (index % 4) + 1, month: null })),
		});
	});
}

/**
 * A planned audit of a fresh unit (or `unitIds`) led by `leadId` (a fresh account if not given),
 * made through the use cases and taken to `state`.
 *
 * @example
 * const audit = await makeAssuranceAudit(deps, tenant, { leadId: caller.id });
 */
export async function makeAssuranceAudit(
	deps: AppDeps,
	tenant: TenantRow,
	options: {
		leadId?: string;
		unitIds?: string[];
		state?: "planned" | "fieldwork" | "reporting" | "closed";
	} = {},
): Promise<AuditRow> {
	const unitIds = options.unitIds ?? [(await makeOrgUnit(deps, tenant, { name: "監査対象課" })).id];
	const leadId = options.leadId ?? (await makeAccount(deps, tenant)).id;
	const plan = await yearlyPlanOf(deps, tenant.id, unitIds);
	const actor = auditActor(tenant.id);
	return inTransaction(deps.db, async (tx) => {
		let audit = await createAudit(
			tx,
			actor,
			auditBody({ yearlyPlanId: plan.id, leadAuditorId: leadId, unitIds }),
		);
		const steps = ["start_fieldwork", "start_reporting", "close"] as const;
		const upTo = { planned: 0, fieldwork: 1, reporting: 2, closed: 3 }[options.state ?? "planned"];
		for (const step of steps.slice(0, upTo)) {
			audit = await advanceAudit(tx, actor, audit.id, { version: Number(audit.version), step });
		}
		return audit;
	});
}

/** The version id of the tenant's copy of the bundled standard audit checklist. */
export async function auditChecklistVersionOf(deps: AppDeps, tenantId: string): Promise<string> {
	const checklistId = await bundledChecklistId(deps, tenantId, "standard.audit");
	const version = (await listVersions(deps.db, tenantId, checklistId))[0];
	if (!version) throw new Error("the audit checklist has no version");
	return version.id;
}

/** The lead auditor of an audit as an actor (an auditor: they may raise findings too). */
export function leadActor(tenantId: string, accountId: string): Actor {
	return {
		tenantId,
		accountId,
		label: "監査責任者（監査テスト）",
		roles: [{ role: "auditor", orgUnitId: null }],
		ip: null,
	};
}

/**
 * An audit in fieldwork with the standard audit checklist chosen, led by `leadId`: its unit
 * and the ids of its checklist's items. `answer` records the first item's result (and, with
 * `evidence`, keeps a file on it) through the use cases.
 */
export async function makeFieldworkAudit(
	deps: AppDeps,
	tenant: TenantRow,
	options: { leadId?: string; answer?: "yes" | "no"; evidence?: boolean } = {},
) {
	const leadId = options.leadId ?? (await makeAccount(deps, tenant)).id;
	const made = await makeAssuranceAudit(deps, tenant, { leadId, state: "fieldwork" });
	const versionId = await auditChecklistVersionOf(deps, tenant.id);
	const audit = await inTransaction(deps.db, (tx) =>
		chooseChecklist(tx, auditActor(tenant.id), made.id, {
			version: Number(made.version),
			checklistVersionId: versionId,
		}),
	);
	const unitId = (await auditUnits(deps.db, tenant.id, [audit.id]))[0]?.org_unit_id ?? "";
	const itemIds = (await listItemRows(deps.db, tenant.id, versionId)).map((item) => item.id);
	const key = { auditId: audit.id, unitId, itemId: itemIds[0] ?? "" };
	const lead = leadActor(tenant.id, leadId);
	let evidenceId: string | null = null;
	await inTransaction(deps.db, async (tx) => {
		if (options.answer) {
			await recordResult(tx, lead, key, {
				result: options.answer,
				levelIndex: null,
				note: "議事録が作成されていない",
			});
		}
		if (options.evidence) {
			const bytes = new TextEncoder().encode("証跡");
			evidenceId = (await addResultEvidence(tx, lead, key, { fileName: "証跡.txt", bytes })).id;
		}
	});
	return { audit, unitId, itemIds, evidenceId: evidenceId as string | null };
}

/**
 * Rows in every table audits own: plans, a yearly plan with a unit, an audit with its team, and
 * one in fieldwork with a result (raised as a finding) and an evidence file.
 */
export async function makeAssuranceAuditFixtures(deps: AppDeps, tenant: TenantRow) {
	await makeAssuranceAudit(deps, tenant, { state: "fieldwork" });
	const { audit, unitId, itemIds, evidenceId } = await makeFieldworkAudit(deps, tenant, {
		answer: "no",
		evidence: true,
	});
	if (!evidenceId) throw new Error("no evidence kept");
	const team = await auditTeams(deps.db, tenant.id, [audit.id]);
	const lead = leadActor(tenant.id, team[0]?.account_id ?? "");
	await inTransaction(deps.db, (tx) =>
		raiseAuditFinding(
			tx,
			lead,
			{ auditId: audit.id, unitId, itemId: itemIds[0] ?? "" },
			{ severity: "moderate", dueOn: null },
		),
	);
}
