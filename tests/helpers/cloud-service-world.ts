import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import {
	registerCloudService,
	updateCloudServiceFields,
} from "../../src/modules/cloud-services/change-cloud-service.ts";
import { openCloudDesk } from "../../src/modules/cloud-services/cloud-desk.ts";
import {
	decideCloudService,
	takeServiceStep,
} from "../../src/modules/cloud-services/cloud-service-steps.ts";
import type { CloudServiceRow } from "../../src/modules/cloud-services/cloud-services.repository.ts";
import type { RegisterCloudServiceInput } from "../../src/modules/cloud-services/cloud-services.schemas.ts";

/** The 統括 (the bundled packs' approver of cloud services), for fixtures without an account. */
export function approverActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "cloud-service-factory",
		label: "統括（クラウドテスト）",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
}

let counter = 0;

/** A SaaS holding 機密性2 data (`C2` of the standard pack) that meets the stricter requirements. */
export function saasService(
	unitId: string,
	overrides: Partial<RegisterCloudServiceInput> = {},
): RegisterCloudServiceInput {
	counter++;
	return {
		code: `CS-${process.pid}-${counter}`,
		name: "電子申請サービス",
		provider: "株式会社サンプル",
		kind: "saas",
		orgUnitId: unitId,
		purpose: "住民からの電子申請の受付",
		dataDescription: "申請者の氏名・住所",
		dataLevel: "C2",
		ismap: "ismap",
		dataLocation: "japan",
		locationDetail: "東京リージョン",
		slaUptime: "99.9%",
		slaRecovery: "4時間",
		backups: true,
		notes: "",
		...overrides,
	};
}

/**
 * A service made through the use cases by the 統括 and taken to `state`.
 *
 * @example
 * const row = await makeCloudService(deps, tenant.id, unit.id, "approved");
 */
export async function makeCloudService(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	state: "draft" | "requested" | "approved" | "in_use" = "draft",
	overrides: Partial<RegisterCloudServiceInput> = {},
): Promise<CloudServiceRow> {
	const desk = await openCloudDesk(deps.db, approverActor(tenantId));
	let row = await inTransaction(deps.db, (tx) =>
		registerCloudService(tx, desk, saasService(unitId, overrides)),
	);
	if (state === "draft") return row;
	row = await inTransaction(deps.db, (tx) =>
		takeServiceStep(tx, desk, row.id, "request", { version: row.version }),
	);
	if (state === "requested") return row;
	row = await inTransaction(deps.db, (tx) =>
		decideCloudService(tx, desk, row.id, "approve", {
			version: row.version,
			reason: "",
			maxLevel: row.data_level,
		}),
	);
	if (state === "approved") return row;
	return inTransaction(deps.db, (tx) =>
		takeServiceStep(tx, desk, row.id, "start_use", { version: row.version }),
	);
}

/** One service in use, so the register's table has a row in the route world. */
export async function makeCloudServiceFixtures(deps: AppDeps, tenantId: string, unitId: string) {
	await makeCloudService(deps, tenantId, unitId, "in_use");
}

/** A service in use, approved up to C2, whose data was then raised to C3A: flagged. */
export async function makeFlaggedCloudService(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
): Promise<CloudServiceRow> {
	const row = await makeCloudService(deps, tenantId, unitId, "in_use");
	const desk = await openCloudDesk(deps.db, approverActor(tenantId));
	const { nextReviewOn: _, ...fields } = saasService(unitId, { code: row.code });
	return inTransaction(deps.db, (tx) =>
		updateCloudServiceFields(tx, desk, row.id, {
			...fields,
			dataLevel: "C3A",
			version: row.version,
		}),
	);
}
