import assert from "node:assert/strict";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { listDocuments } from "../../src/modules/policies/documents/documents.repository.ts";
import { ensureDocuments } from "../../src/modules/policies/documents/seed-documents.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { makeDisposal, makeTakeOut } from "../helpers/custody-world.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeDrill } from "../helpers/drill-world.ts";
import {
	grantRole,
	makeGatewayMessage,
	makeMailFixtures,
	setEmail,
} from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { makeReview } from "../helpers/review-fixtures.ts";
import { makeRisk } from "../helpers/risk-world.ts";
import type { RunningServer } from "./helpers.ts";

/** The ids of the records whose pages and dialogs the accessibility walk opens. */
export interface A11yWorld {
	adminId: string;
	unitId: string;
	assetId: string;
	/** An asset with a take-out waiting for a decision. */
	pendingTakeOutAssetId: string;
	/** An asset out on an approved take-out (return can be recorded). */
	outAssetId: string;
	/** An asset with an open disposal record (files can be attached). */
	disposalAssetId: string;
	riskId: string;
	documentId: string;
	/** The published version of `documentId`. */
	publishedVersionId: string;
	/** An approved version of `documentId`, ready to publish, compared with the published one. */
	approvedVersionId: string;
	/** A gateway message to the administrator, its attachment removed. */
	messageId: string;
	/** A planned drill (hold and cancel dialogs) and a held one (the lessons dialog). */
	drillId: string;
	heldDrillId: string;
	/** The emergency response plan the standard pack names. */
	planDocumentId: string;
}

/**
 * Records in every module of the demo tenant of a running server, made through the use cases on
 * the server's own database (beside it), so that every page has rows and every dialog an opener.
 * The tenant's administrator (`admin`) also gets the CISO role, who accepts risks; made before
 * the first sign-in, as a change of roles ends the account's sessions.
 */
export async function makeA11yWorld(server: RunningServer): Promise<A11yWorld> {
	const handle = openDatabase({ dataDir: server.dataDir });
	try {
		const deps: AppDeps = {
			db: handle.db,
			engine: handle.engine,
			config: { ...loadConfig({}), dataDir: server.dataDir },
			secrets: new SecretBox(loadSecretKey(server.dataDir)),
		};
		const tenant = await findTenantBySlug(deps.db, "demo");
		assert.ok(tenant, "the demo tenant exists after first start");
		const unit = await makeOrgUnit(deps, tenant, { name: "情報政策課" });
		await makeStaff(deps, tenant, unit.id, { title: "主任" });
		const admin = await findAccountByUsername(deps.db, tenant.id, "admin");
		assert.ok(admin, "the demo tenant has its administrator");
		await grantRole(deps, tenant.id, admin.id, "ciso", null);
		const asset = await makeAsset(deps, tenant.id, unit.id, { name: "住民記録システム" });
		const pending = await makeTakeOut(deps, tenant.id, unit.id);
		const out = await makeTakeOut(deps, tenant.id, unit.id, { approve: true });
		await makeTakeOut(deps, tenant.id, unit.id, { returned: true });
		const disposal = await makeDisposal(deps, tenant.id, unit.id, { certificate: true });
		await makeDisposal(deps, tenant.id, unit.id, { close: true });
		const risk = await makeRisk(deps, tenant.id, unit.id, { assetIds: [asset.id] });
		const published = await makeVersion(deps, tenant.id, "published");
		const approved = await makeVersion(deps, tenant.id, "approved", {
			documentId: published.document_id,
		});
		await makeReview(deps, tenant.id);
		await makeMailFixtures(deps, tenant, unit.id);
		await setEmail(deps, tenant.id, admin.id, "admin@city.example.jp");
		const messageId = await makeGatewayMessage(deps, tenant.id, "admin@city.example.jp", {
			subject: "契約書の送付",
		});
		const drill = await makeDrill(deps, tenant.id, "planned", { unitIds: [unit.id] });
		const heldDrill = await makeDrill(deps, tenant.id, "held", { title: "ランサムウェア訓練" });
		await makeDrill(deps, tenant.id, "recorded", { unitIds: [unit.id] });
		await inTransaction(deps.db, (tx) =>
			ensureDocuments(tx, {
				tenantId: tenant.id,
				actorId: null,
				actorLabel: "a11y world",
				ip: null,
			}),
		);
		const plan = (await listDocuments(deps.db, tenant.id)).find((d) => d.kind === "emergency_plan");
		assert.ok(plan, "the standard pack names an emergency response plan");
		return {
			drillId: drill.id,
			heldDrillId: heldDrill.id,
			planDocumentId: plan.id,
			adminId: admin.id,
			unitId: unit.id,
			assetId: asset.id,
			pendingTakeOutAssetId: pending.asset.id,
			outAssetId: out.asset.id,
			disposalAssetId: disposal.asset.id,
			riskId: risk.id,
			documentId: published.document_id,
			publishedVersionId: published.id,
			approvedVersionId: approved.id,
			messageId,
		};
	} finally {
		await handle.db.destroy();
	}
}
