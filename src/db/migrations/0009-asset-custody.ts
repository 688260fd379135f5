import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * Custody of ledger assets: take-out requests (持ち出し) with their decision and return, and
 * disposal / lease-return records (廃棄 / 返却) with their erasure certificates and photos. Files
 * live in the database (bytea / blob) with their SHA-256, so a record and its evidence commit
 * together and a download can be checked against the hash taken on upload.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant, flag } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";
	await db.schema
		.createTable("asset_take_outs")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		// requested | approved | refused | returned
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("purpose", "text", (c) => c.notNull())
		.addColumn("destination", "text", (c) => c.notNull())
		// Calendar dates in Japan (YYYY-MM-DD); overdue from the day after `until_date`.
		.addColumn("from_date", "text", (c) => c.notNull())
		.addColumn("until_date", "text", (c) => c.notNull())
		.addColumn("encrypted", flag, (c) => c.notNull())
		.addColumn("locked_case", flag, (c) => c.notNull())
		.addColumn("requested_by", "text", (c) => c.notNull())
		.addColumn("requested_by_label", "text", (c) => c.notNull())
		.addColumn("requested_at", instant, (c) => c.notNull())
		.addColumn("decided_by", "text")
		.addColumn("decided_by_label", "text")
		.addColumn("decided_at", instant)
		.addColumn("decision_reason", "text")
		.addColumn("returned_by", "text")
		.addColumn("returned_by_label", "text")
		.addColumn("returned_at", instant)
		.addColumn("return_note", "text")
		.execute();
	await db.schema
		.createIndex("asset_take_outs_tenant_status")
		.on("asset_take_outs")
		.columns(["tenant_id", "status", "until_date"])
		.execute();
	await db.schema
		.createIndex("asset_take_outs_asset")
		.on("asset_take_outs")
		.columns(["asset_id", "requested_at"])
		.execute();

	await db.schema
		.createTable("asset_disposals")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		// recorded | closed
		.addColumn("status", "text", (c) => c.notNull())
		.addColumn("method", "text", (c) => c.notNull())
		.addColumn("performed_on", "text", (c) => c.notNull())
		.addColumn("witness", "text", (c) => c.notNull())
		.addColumn("contractor", "text")
		// JSON array of serial numbers.
		.addColumn("serial_numbers", "text", (c) => c.notNull())
		.addColumn("notes", "text")
		.addColumn("recorded_by", "text", (c) => c.notNull())
		.addColumn("recorded_by_label", "text", (c) => c.notNull())
		.addColumn("recorded_at", instant, (c) => c.notNull())
		.addColumn("closed_by", "text")
		.addColumn("closed_by_label", "text")
		.addColumn("closed_at", instant)
		.execute();
	await db.schema
		.createIndex("asset_disposals_tenant_date")
		.on("asset_disposals")
		.columns(["tenant_id", "performed_on"])
		.execute();
	await db.schema
		.createIndex("asset_disposals_asset")
		.on("asset_disposals")
		.columns(["asset_id"])
		.execute();

	await db.schema
		.createTable("asset_disposal_files")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("disposal_id", "text", (c) => c.notNull().references("asset_disposals.id"))
		// certificate | photo
		.addColumn("kind", "text", (c) => c.notNull())
		.addColumn("file_name", "text", (c) => c.notNull())
		.addColumn("media_type", "text", (c) => c.notNull())
		.addColumn("size", "integer", (c) => c.notNull())
		.addColumn("sha256", "text", (c) => c.notNull())
		.addColumn("content", blob, (c) => c.notNull())
		.addColumn("uploaded_by", "text", (c) => c.notNull())
		.addColumn("uploaded_by_label", "text", (c) => c.notNull())
		.addColumn("uploaded_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("asset_disposal_files_disposal")
		.on("asset_disposal_files")
		.columns(["disposal_id", "uploaded_at"])
		.execute();
}
