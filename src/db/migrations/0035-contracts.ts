import type { Kysely } from "kysely";
import type { Engine } from "../connection.ts";
import { columnTypes } from "./column-types.ts";

/**
 * 業務委託: the register of contractors (委託先) and their contracts, the ledger assets a contract
 * handles, the security clauses it contains (checked against the pack's clause checklist), 再委託
 * requests with the approver's decision, periodic checks of the contractor with their evidence, and
 * the return or erasure of data at the end with its certificate. Files live in the database with
 * their SHA-256, so a record and its evidence commit together.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
	const { instant } = columnTypes(engine);
	const blob = engine === "postgres" ? "bytea" : "blob";

	await db.schema
		.createTable("contractors")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The tenant's own code for the contractor (取引先コード), unique per tenant.
		.addColumn("code", "text", (c) => c.notNull())
		.addColumn("name", "text", (c) => c.notNull())
		.addColumn("address", "text")
		.addColumn("contact", "text")
		.addColumn("notes", "text")
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("contractors_tenant_code")
		.on("contractors")
		.columns(["tenant_id", "code"])
		.unique()
		.execute();

	await db.schema
		.createTable("contracts")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		// The contract number, unique per tenant.
		.addColumn("code", "text", (c) => c.notNull())
		.addColumn("title", "text", (c) => c.notNull())
		.addColumn("purpose", "text", (c) => c.notNull())
		.addColumn("contractor_id", "text", (c) => c.notNull().references("contractors.id"))
		// The unit that outsources (主管課).
		.addColumn("owner_unit_id", "text", (c) => c.notNull().references("org_units.id"))
		// Japan dates, YYYY-MM-DD; no end: open-ended.
		.addColumn("starts_on", "text", (c) => c.notNull())
		.addColumn("ends_on", "text")
		// JSON array of the clause codes of the pack's checklist the contract contains.
		.addColumn("clauses", "text", (c) => c.notNull())
		// Derived from the linked assets and the pack, kept for the list and its filters:
		// the strictest confidentiality level involved, and the required clauses missing.
		.addColumn("top_level", "text")
		.addColumn("gaps", "text", (c) => c.notNull())
		.addColumn("gap_count", "integer", (c) => c.notNull())
		// active | ended
		.addColumn("state", "text", (c) => c.notNull())
		// At the end: returned | erased, the day, and the certificate.
		.addColumn("end_kind", "text")
		.addColumn("ended_on", "text")
		.addColumn("end_note", "text")
		.addColumn("end_file_name", "text")
		.addColumn("end_media_type", "text")
		.addColumn("end_size", "integer")
		.addColumn("end_sha256", "text")
		.addColumn("end_content", blob)
		.addColumn("ended_by_label", "text")
		.addColumn("ended_at", instant)
		.addColumn("created_by_label", "text", (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("updated_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("contracts_tenant_code")
		.on("contracts")
		.columns(["tenant_id", "code"])
		.unique()
		.execute();
	for (const [name, columns] of [
		["state", ["state", "code"]],
		["gaps", ["gap_count", "code"]],
		["contractor", ["contractor_id", "code"]],
		["unit", ["owner_unit_id", "code"]],
	] as const) {
		await db.schema
			.createIndex(`contracts_tenant_${name}`)
			.on("contracts")
			.columns(["tenant_id", ...columns])
			.execute();
	}

	await db.schema
		.createTable("contract_assets")
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
		.addColumn("asset_id", "text", (c) => c.notNull().references("assets.id"))
		.addPrimaryKeyConstraint("contract_assets_pk", ["contract_id", "asset_id"])
		.execute();
	await db.schema
		.createIndex("contract_assets_tenant")
		.on("contract_assets")
		.columns(["tenant_id", "contract_id"])
		.execute();

	// 再委託: the contractor asks to pass part of the work on; the pack's approver decides.
	await db.schema
		.createTable("contract_subcontracts")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
		.addColumn("subcontractor", "text", (c) => c.notNull())
		.addColumn("work", "text", (c) => c.notNull())
		.addColumn("safeguards", "text", (c) => c.notNull())
		// requested | approved | refused
		.addColumn("state", "text", (c) => c.notNull())
		.addColumn("decision_reason", "text")
		.addColumn("decided_by_label", "text")
		.addColumn("decided_as", "text")
		.addColumn("decided_at", instant)
		.addColumn("requested_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.addColumn("version", "integer", (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("contract_subcontracts_contract")
		.on("contract_subcontracts")
		.columns(["tenant_id", "contract_id", "created_at"])
		.execute();

	// Periodic checks of the contractor: items, result, evidence, and the finding a failure raised.
	await db.schema
		.createTable("contract_checks")
		.addColumn("id", "text", (c) => c.primaryKey())
		.addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
		.addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
		.addColumn("checked_on", "text", (c) => c.notNull())
		// JSON array of { code, ok, note }.
		.addColumn("items", "text", (c) => c.notNull())
		// passed | failed
		.addColumn("result", "text", (c) => c.notNull())
		.addColumn("note", "text", (c) => c.notNull())
		.addColumn("evidence_file_name", "text")
		.addColumn("evidence_media_type", "text")
		.addColumn("evidence_size", "integer")
		.addColumn("evidence_sha256", "text")
		.addColumn("evidence_content", blob)
		.addColumn("finding_id", "text")
		.addColumn("recorded_by_label", "text", (c) => c.notNull())
		.addColumn("created_at", instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex("contract_checks_contract")
		.on("contract_checks")
		.columns(["tenant_id", "contract_id", "checked_on"])
		.execute();
}
