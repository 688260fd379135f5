import { randomBytes, randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { type MadeAccount, makeAccount } from "./factories.ts";

export interface MadeStaff extends MadeAccount {
	staffId: string;
	staffNumber: string;
}

/** A unit of the tenant (kind `section` at the top unless a parent is given). */
export function makeOrgUnit(
	deps: AppDeps,
	tenant: TenantRow,
	options: Partial<Pick<OrgUnitTable, "code" | "name" | "kind" | "parent_id">> = {},
): Promise<OrgUnitTable> {
	return inTransaction(deps.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test factory"), {
			code: options.code ?? `ou-${randomBytes(4).toString("hex")}`,
			name: options.name ?? "テスト課",
			kind: (options.kind ?? "section") as "section",
			parentId: options.parent_id ?? null,
		}),
	);
}

/** A member of staff: an account (see makeAccount) with a staff row in `unitId`. */
export async function makeStaff(
	deps: AppDeps,
	tenant: TenantRow,
	unitId: string,
	options: {
		staffNumber?: string;
		category?: string;
		title?: string | null;
		username?: string;
	} = {},
): Promise<MadeStaff> {
	const account = await makeAccount(
		deps,
		tenant,
		options.username ? { username: options.username } : {},
	);
	const staffNumber = options.staffNumber ?? `S${randomBytes(4).toString("hex")}`;
	const staffId = randomUUID();
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id: staffId,
			tenant_id: tenant.id,
			account_id: account.id,
			staff_number: staffNumber,
			category: options.category ?? "regular",
			org_unit_id: unitId,
			title: options.title ?? null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
	return { ...account, staffId, staffNumber };
}
