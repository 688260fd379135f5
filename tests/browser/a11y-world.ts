import assert from "node:assert/strict";
import { loadConfig, loadSecretKey } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { AppDeps } from "../../src/deps.ts";
import { findAccountByUsername } from "../../src/modules/accounts/accounts.repository.ts";
import { SecretBox } from "../../src/modules/auth/secret-box.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { actorFor, makeDisposal, makeTakeOut } from "../helpers/custody-world.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeIncident, makeIncidentFixtures } from "../helpers/incident-world.ts";
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
	/** A case the administrator reported, not triaged yet. */
	reportedIncidentId: string;
	/**
	 * A triaged severe case (150 people) with its preliminary PPC report filed; its reporting
	 * chain told the administrator (as CISO), who has not acknowledged it yet.
	 */
	triagedIncidentId: string;
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
		const reported = await makeIncident(deps, tenant.id, {
			reporter: await actorFor(deps, tenant.id, admin.id),
			input: { whatHappened: "住民あてのメールを別の住民に誤って送信した。" },
		});
		const triaged = await makeIncidentFixtures(deps, tenant.id, unit.id);
		return {
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
			reportedIncidentId: reported.id,
			triagedIncidentId: triaged.id,
		};
	} finally {
		await handle.db.destroy();
	}
}
