import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { advanceAudit } from "../../src/modules/assurance/audits/advance-audit.ts";
import type { AuditRow } from "../../src/modules/assurance/audits/audits.repository.ts";
import type { CreateAuditInput } from "../../src/modules/assurance/audits/audits.schemas.ts";
import { createAudit } from "../../src/modules/assurance/audits/create-audit.ts";
import type { YearlyPlanRow } from "../../src/modules/assurance/audits/plans.repository.ts";
import { findYearlyPlanOfYear } from "../../src/modules/assurance/audits/plans.repository.ts";
import { createMultiYearPlan } from "../../src/modules/assurance/audits/save-audit-plan.ts";
import { createYearlyPlan } from "../../src/modules/assurance/audits/save-yearly-plan.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
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

/** Rows in every table audits own: plans, a yearly plan with a unit, an audit with its team. */
export async function makeAssuranceAuditFixtures(deps: AppDeps, tenant: TenantRow) {
	await makeAssuranceAudit(deps, tenant, { state: "fieldwork" });
}
