import type { Queryable } from "../../../db/queryable.ts";
import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { openFindingDesk } from "./finding-desk.ts";
import { findingsPolicy } from "./findings.policy.ts";
import { countOverdue, countToVerify } from "./findings.repository.ts";

/**
 * What the findings register asks of the caller, for Home: overdue findings for the CISO (all of
 * them) and for the 管理者 of the owner units (theirs), and findings marked done that wait for
 * the caller's verification (auditors, the CISO; never one they marked done themselves).
 *
 * @example
 * const { overdue, toVerify } = await myFindingWork(db, actor);
 */
export async function myFindingWork(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<{ overdue: number; toVerify: number }> {
	if (!can(actor, findingsPolicy, "finding.read")) return { overdue: 0, toVerify: 0 };
	const desk = await openFindingDesk(db, actor, now);
	const tenantId = actor.tenantId;
	const ownerScope = desk.ciso
		? ({ all: true } as const)
		: { all: false as const, unitIds: [...desk.managed], auditor: null };
	const watchesOverdue = desk.ciso || desk.managed.size > 0;
	const verifies = can(actor, findingsPolicy, "finding.verify");
	const verifyScope = desk.ciso
		? ({ all: true } as const)
		: { all: false as const, unitIds: [], auditor: actor.accountId };
	const [overdue, toVerify] = await Promise.all([
		watchesOverdue ? countOverdue(db, tenantId, ownerScope, desk.today) : Promise.resolve(0),
		verifies ? countToVerify(db, tenantId, verifyScope, actor.accountId) : Promise.resolve(0),
	]);
	return { overdue, toVerify };
}
