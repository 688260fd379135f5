import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { cancelDrill } from "../../src/modules/incidents/drills/cancel-drill.ts";
import type { DrillRow } from "../../src/modules/incidents/drills/drills.repository.ts";
import type {
	HoldDrillInput,
	ScheduleDrillInput,
} from "../../src/modules/incidents/drills/drills.schemas.ts";
import { holdDrill } from "../../src/modules/incidents/drills/hold-drill.ts";
import { recordDrill } from "../../src/modules/incidents/drills/record-drill.ts";
import { scheduleDrill } from "../../src/modules/incidents/drills/schedule-drill.ts";

/** A member of the CSIRT, for drill fixtures without an account of their own. */
export function drillActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "drill-factory",
		label: "CSIRT（訓練テスト）",
		roles: [{ role: "csirt", orgUnitId: null }],
		ip: null,
	};
}

/** A targeted-mail drill planned for `plannedOn`. */
export function mailDrill(overrides: Partial<ScheduleDrillInput> = {}): ScheduleDrillInput {
	return {
		title: "標的型メール訓練",
		scenario: "標的型メールの添付を開いた想定で、報告から端末の切り離しまでを行う。",
		plannedOn: "2025-06-01",
		unitIds: [],
		...overrides,
	};
}

/** Held by two contractors' staff, named as a group. */
export function heldBy(overrides: Partial<HoldDrillInput> = {}): HoldDrillInput {
	return {
		version: 1,
		heldOn: "2025-06-03",
		participants: [{ name: "保守委託事業者", headcount: 2 }],
		summary: "",
		...overrides,
	};
}

/**
 * A drill made through the use cases and taken to `state`: planned, held, recorded (with one
 * follow-up) or cancelled.
 *
 * @example
 * const drill = await makeDrill(deps, tenant.id, "held", { unitIds: [unit.id] });
 */
export async function makeDrill(
	deps: AppDeps,
	tenantId: string,
	state: "planned" | "held" | "recorded" | "cancelled" = "planned",
	schedule: Partial<ScheduleDrillInput> = {},
): Promise<DrillRow> {
	const actor = drillActor(tenantId);
	return inTransaction(deps.db, async (tx) => {
		const planned = await scheduleDrill(tx, actor, mailDrill(schedule));
		if (state === "planned") return planned;
		if (state === "cancelled") {
			return cancelDrill(tx, actor, planned.id, { version: 1, reason: "選挙事務と重なった" });
		}
		const held = await holdDrill(tx, actor, planned.id, heldBy());
		if (state === "held") return held;
		return recordDrill(tx, actor, held.id, {
			version: 2,
			lessons: "夜間の連絡先が古かった。",
			followUps: [
				{ measure: "連絡先一覧を更新する", responsible: "情報政策課", targetDate: "2025-07-31" },
			],
		});
	});
}

/** Rows in every table drills own: a recorded drill of a unit, with participants and a follow-up. */
export async function makeDrillFixtures(deps: AppDeps, tenantId: string, unitId: string) {
	await makeDrill(deps, tenantId, "recorded", { unitIds: [unitId] });
}
