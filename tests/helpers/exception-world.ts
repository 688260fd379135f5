import { randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { decideException } from "../../src/modules/exceptions/decide-exception.ts";
import { openExceptionDesk } from "../../src/modules/exceptions/exception-desk.ts";
import {
	type ExceptionRow,
	insertExceptionNotices,
} from "../../src/modules/exceptions/exceptions.repository.ts";
import type { RequestExceptionInput } from "../../src/modules/exceptions/exceptions.schemas.ts";
import { requestException } from "../../src/modules/exceptions/request-exception.ts";
import { japanDate } from "../../src/shared/dates.ts";

/** The CISO, for exception fixtures without an account of their own. */
export function cisoActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "exception-factory",
		label: "CISO（例外テスト）",
		roles: [{ role: "ciso", orgUnitId: null }],
		ip: null,
	};
}

/** The Japan date `days` from today. */
export function dayFromToday(days: number, from: Date = new Date()): string {
	return japanDate(new Date(from.getTime() + days * 86_400_000));
}

/**
 * An exception for a flow of the sample network model (`f-bad`), from 10 days ago for about
 * three months.
 */
export function flowException(
	unitId: string,
	overrides: Partial<RequestExceptionInput> = {},
): RequestExceptionInput {
	return {
		orgUnitId: unitId,
		clause: "対策基準 3.2(1) 通信経路の分離",
		deviation: "窓口端末から外部のメールサーバへ直接接続する。",
		reason: "旧システムの更新が来年度になるため。",
		compensatingMeasures: "通信先を1台に限定し、ログを毎日確認する。",
		assetIds: [],
		networkFlows: ["f-bad"],
		networkNodes: [],
		startsOn: dayFromToday(-10),
		endsOn: dayFromToday(80),
		...overrides,
	};
}

/**
 * An exception made through the use cases by the CISO, and taken to `state`: requested,
 * approved or refused.
 *
 * @example
 * const row = await makeException(deps, tenant.id, unit.id, "approved");
 */
export async function makeException(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	state: "requested" | "approved" | "refused" = "requested",
	overrides: Partial<RequestExceptionInput> = {},
): Promise<ExceptionRow> {
	const desk = await openExceptionDesk(deps.db, cisoActor(tenantId));
	const row = await inTransaction(deps.db, (tx) =>
		requestException(tx, desk, flowException(unitId, overrides)),
	);
	if (state === "requested") return row;
	return inTransaction(deps.db, (tx) =>
		decideException(tx, desk, row.id, state === "approved" ? "approve" : "refuse", {
			version: 1,
			reason: state === "refused" ? "代替措置が不十分" : "",
		}),
	);
}

/**
 * One approved exception of the tenant (covering no flow, so the network check of the world is
 * unchanged) with a reminder to `accountId`, so every exceptions table has a row of it.
 */
export async function makeExceptionFixtures(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	accountId: string,
) {
	const row = await makeException(deps, tenantId, unitId, "approved", { networkFlows: [] });
	await inTransaction(deps.db, (tx) =>
		insertExceptionNotices(tx, [
			{
				id: randomUUID(),
				tenant_id: tenantId,
				exception_id: row.id,
				account_id: accountId,
				reason: "expiring",
				ends_on: row.ends_on,
				notified_at: new Date().toISOString(),
				mail_to: null,
				mailed_at: null,
			},
		]),
	);
}
