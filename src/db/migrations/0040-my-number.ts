import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * The 特定個人情報 register, where the tenant's pack has the provision: the My Number affairs
 * (個人番号利用事務 / 関係事務) with their 事務取扱責任者 and PIA, the handlers (事務取扱担当者) with
 * start and end, the ledger assets and contracts holding the data, the records of provision to
 * other bodies, and the notices of a handler's entry ending, for the responsible person.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	await db.schema
		.createTable("my_number_affairs")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("name", "text", (c) => c.notNull())
		// use (個人番号利用事務) | related (個人番号関係事務)
		.addColumn("kind", "text", (c) => c.notNull())
		// The law or 条例 the affair rests on (番号法 別表 …).
		.addColumn("legal_basis", "text", (c) => c.notNull())
		// 事務取扱責任者: a member of the staff roster.
		.addColumn("responsible_staff_id", "text", (c) => c.notNull().references("staff.id"))
		// 特定個人情報保護評価: none | basic | focused | full, its state and Japan dates.
		.addColumn("pia_level", "text", (c) => c.notNull())
		.addColumn("pia_status", "text", (c) => c.notNull())
		.addColumn("pia_done_on", "text")
		.addColumn("pia_due_on", "text")
		.addColumn("created_by_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("my_number_affairs_responsible")
		.on("my_number_affairs")
		.columns(["tenant_id", "responsible_staff_id"])
		.execute();

	await db.schema
		.createTable("my_number_handlers")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("affair_id", "text", (c) => c.notNull().references("my_number_affairs.id"))
		.addColumn("staff_id", "text", (c) => c.notNull().references("staff.id"))
		// The handler's unit when appointed: a move to another unit ends the entry.
		.addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// Japan dates; ends_on is the first day the entry no longer holds (the transfer date).
		.addColumn("starts_on", "text", (c) => c.notNull())
		.addColumn("ends_on", "text")
		// removed | transferred | left; null while open-ended.
		.addColumn("end_reason", "text")
		.addColumn("ended_by_label", "text")
		.addColumn("created_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("my_number_handlers_affair")
		.on("my_number_handlers")
		.columns(["tenant_id", "affair_id", "starts_on"])
		.execute();
	await db.schema
		.createIndex("my_number_handlers_open")
		.on("my_number_handlers")
		.columns(["tenant_id", "end_reason"])
		.execute();

	await db.schema
		.createTable("my_number_links")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("affair_id", "text", (c) => c.notNull().references("my_number_affairs.id"))
		// asset (a ledger asset holding the data) | contract (a contractor handling it)
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("target_id", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addPrimaryKeyConstraint("my_number_links_pk", ["affair_id", "kind", "target_id"])
		.execute();

	await db.schema
		.createTable("my_number_provisions")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("affair_id", "text", (c) => c.notNull().references("my_number_affairs.id"))
		.addColumn("provided_on", "text", (c) => c.notNull())
		.addColumn("recipient", "text", (c) => c.notNull())
		.addColumn("legal_basis", "text", (c) => c.notNull())
		.addColumn("items", "text", (c) => c.notNull())
		.addColumn("person_count", "integer", (c) => c.notNull())
		.addColumn("recorded_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("my_number_provisions_affair")
		.on("my_number_provisions")
		.columns(["tenant_id", "affair_id", "provided_on"])
		.execute();

	await db.schema
		.createTable("my_number_notices")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("affair_id", "text", (c) => c.notNull().references("my_number_affairs.id"))
		.addColumn("handler_id", "text", (c) => c.notNull().references("my_number_handlers.id"))
		// The responsible person told (an account).
		.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("seen_at", instant)
		.execute();
	await db.schema
		.createIndex("my_number_notices_account")
		.on("my_number_notices")
		.columns(["tenant_id", "account_id", "seen_at"])
		.execute();
}
