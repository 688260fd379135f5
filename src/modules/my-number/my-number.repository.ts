import type { Queryable } from "../../db/queryable.ts";
import type {
	MyNumberAffairTable,
	MyNumberHandlerTable,
	MyNumberNoticeTable,
	MyNumberProvisionTable,
} from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type AffairRow = MyNumberAffairTable;
export type HandlerRow = MyNumberHandlerTable;
export type ProvisionRow = MyNumberProvisionTable;
export type NoticeRow = MyNumberNoticeTable;

export async function insertAffair(tx: Tx, row: AffairRow): Promise<void> {
	await tx.insertInto("my_number_affairs").values(row).execute();
}

export function findAffair(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("my_number_affairs")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Change an affair if it is still at `version`; false when someone changed it first. */
export async function updateAffairRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<AffairRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("my_number_affairs")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Affairs by name; `responsibleStaffIds` narrows to those of the given responsible people. */
export function listAffairs(
	db: Queryable,
	tenantId: string,
	responsibleStaffIds?: readonly string[],
) {
	let query = db.selectFrom("my_number_affairs").selectAll().where("tenant_id", "=", tenantId);
	if (responsibleStaffIds !== undefined) {
		if (responsibleStaffIds.length === 0) return Promise.resolve([] as AffairRow[]);
		query = query.where("responsible_staff_id", "in", [...responsibleStaffIds]);
	}
	return query.orderBy("name").orderBy("id").execute();
}

export async function insertHandler(tx: Tx, row: HandlerRow): Promise<void> {
	await tx.insertInto("my_number_handlers").values(row).execute();
}

export function handlersOf(db: Queryable, tenantId: string, affairIds: readonly string[]) {
	if (affairIds.length === 0) return Promise.resolve([] as HandlerRow[]);
	return db
		.selectFrom("my_number_handlers")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("affair_id", "in", [...affairIds])
		.orderBy("starts_on")
		.orderBy("created_at")
		.execute();
}

/** Entries without an end: the lapse job's candidates. */
export function openHandlers(db: Queryable, tenantId: string) {
	return db
		.selectFrom("my_number_handlers")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("end_reason", "is", null)
		.orderBy("created_at")
		.execute();
}

/** End an open entry; false when it was ended meanwhile. */
export async function endHandlerRow(
	tx: Tx,
	tenantId: string,
	id: string,
	patch: Pick<HandlerRow, "ends_on" | "end_reason" | "ended_by_label">,
): Promise<boolean> {
	const result = await tx
		.updateTable("my_number_handlers")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("end_reason", "is", null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export function linksOf(db: Queryable, tenantId: string, affairIds: readonly string[]) {
	if (affairIds.length === 0)
		return Promise.resolve(
			[] as { affair_id: string; kind: string; target_id: string; created_at: string }[],
		);
	return db
		.selectFrom("my_number_links")
		.select(["affair_id", "kind", "target_id", "created_at"])
		.where("tenant_id", "=", tenantId)
		.where("affair_id", "in", [...affairIds])
		.orderBy("created_at")
		.execute();
}

export async function insertLink(
	tx: Tx,
	row: {
		tenant_id: string;
		affair_id: string;
		kind: string;
		target_id: string;
		created_at: string;
	},
): Promise<void> {
	await tx.insertInto("my_number_links").values(row).execute();
}

export async function deleteLink(
	tx: Tx,
	tenantId: string,
	affairId: string,
	kind: string,
	targetId: string,
): Promise<boolean> {
	const result = await tx
		.deleteFrom("my_number_links")
		.where("tenant_id", "=", tenantId)
		.where("affair_id", "=", affairId)
		.where("kind", "=", kind)
		.where("target_id", "=", targetId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function insertProvision(tx: Tx, row: ProvisionRow): Promise<void> {
	await tx.insertInto("my_number_provisions").values(row).execute();
}

/** Provisions of the affairs, newest first; `from`/`to` bound the Japan dates (to exclusive). */
export function provisionsOf(
	db: Queryable,
	tenantId: string,
	affairIds: readonly string[],
	period?: { from: string; to: string },
) {
	if (affairIds.length === 0) return Promise.resolve([] as ProvisionRow[]);
	let query = db
		.selectFrom("my_number_provisions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("affair_id", "in", [...affairIds]);
	if (period)
		query = query.where("provided_on", ">=", period.from).where("provided_on", "<", period.to);
	return query.orderBy("provided_on", "desc").orderBy("created_at", "desc").execute();
}

export async function insertNotice(tx: Tx, row: NoticeRow): Promise<void> {
	await tx.insertInto("my_number_notices").values(row).execute();
}

export function noticesOfAffair(db: Queryable, tenantId: string, affairId: string) {
	return db
		.selectFrom("my_number_notices")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("affair_id", "=", affairId)
		.orderBy("created_at", "desc")
		.execute();
}

export function findNotice(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("my_number_notices")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function markNoticeSeen(tx: Tx, tenantId: string, id: string, at: string) {
	await tx
		.updateTable("my_number_notices")
		.set({ seen_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("seen_at", "is", null)
		.execute();
}

/** Unseen notices of an account: Home counts them. */
export async function unseenNoticeCount(
	db: Queryable,
	tenantId: string,
	accountId: string,
): Promise<number> {
	const row = await db
		.selectFrom("my_number_notices")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("seen_at", "is", null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
