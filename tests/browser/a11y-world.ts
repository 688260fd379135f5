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
import { makeAssuranceAudit } from "../helpers/assurance-audit-world.ts";
import { makeCampaignScreens } from "../helpers/campaign-world.ts";
import { bundledChecklistId } from "../helpers/checklist-world.ts";
import { makeCloudService, makeFlaggedCloudService } from "../helpers/cloud-service-world.ts";
import { makeContractWithRequest } from "../helpers/contract-world.ts";
import { actorFor, makeDisposal, makeTakeOut } from "../helpers/custody-world.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeDrill } from "../helpers/drill-world.ts";
import { makeException } from "../helpers/exception-world.ts";
import { makeAccount, TEST_PASSWORD } from "../helpers/factories.ts";
import { makeFinding } from "../helpers/finding-world.ts";
import { makeEvidence, makeTask } from "../helpers/incident-casework-world.ts";
import { makeIncident, makeIncidentFixtures } from "../helpers/incident-world.ts";
import {
	grantRole,
	makeGatewayMessage,
	makeMailFixtures,
	setEmail,
} from "../helpers/mail-world.ts";
import { makeMyNumberScreens } from "../helpers/my-number-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { makeReview } from "../helpers/review-fixtures.ts";
import { makeRisk } from "../helpers/risk-world.ts";
import { makeArea, makeSecureAreaScreens } from "../helpers/secure-areas-world.ts";
import { makeSectionManagerStaff, makeSocialAccount } from "../helpers/social-media-world.ts";
import { makeCourse } from "../helpers/training-world.ts";
import type { RunningServer } from "./helpers.ts";

/** The ids of the records whose pages and dialogs the accessibility walk opens. */
export interface A11yWorld {
	adminId: string;
	unitId: string;
	/** A My Number system: it may not be taken out. */
	assetId: string;
	/** An LGWAN laptop at hand, which its unit's manager may ask to take out. */
	carriableAssetId: string;
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
	/** A draft version (of a document of its own) whose text the administrator may edit. */
	draftVersionId: string;
	/** A version in review, drafted by someone else, that the administrator (the CISO) may approve. */
	reviewVersionId: string;
	/** A gateway message to the administrator, its attachment removed. */
	messageId: string;
	/** A case the administrator reported, not triaged yet. */
	reportedIncidentId: string;
	/**
	 * A triaged severe case (150 people) with its preliminary PPC report filed, a task of the
	 * administrator's (so that their task list has a row) and an evidence file; its reporting
	 * chain told the administrator (as CISO), who has not acknowledged it yet.
	 */
	triagedIncidentId: string;
	/** An account with TOTP enrolled, whose second factor the administrator may reset. */
	enrolledAccountId: string;
	/** A member of staff without roles (signs in with `TEST_PASSWORD`): refused the admin pages. */
	staffUsername: string;
	staffPassword: string;
	/** A planned drill (hold and cancel dialogs) and a held one (the lessons dialog). */
	drillId: string;
	heldDrillId: string;
	/** The emergency response plan the standard pack names. */
	planDocumentId: string;
	/**
	 * Findings of the walk's unit (whose manager, and the CISO, the administrator is): one planned
	 * with evidence (plan, evidence, done, risk-link dialogs), one marked done by someone else
	 * (verify, return), one linked to a risk (accept as a risk).
	 */
	findingId: string;
	doneFindingId: string;
	linkedFindingId: string;
	/** A planned audit of the walk's unit (whose 管理者 the administrator is), with its plans. */
	auditId: string;
	/** An open campaign over the unit with rates; the administrator (its 管理者) answers in it. */
	campaignId: string;
	/** A campaign over the unit closed early, everyone 未回答. */
	closedCampaignId: string;
	/** The administrator's own items in the open campaign, one with an evidence file. */
	campaignRespondentId: string;
	/** Exceptions of the walk's unit: one requested (approve, refuse), one approved (renew). */
	requestedExceptionId: string;
	approvedExceptionId: string;
	/** Official social-media accounts of the walk's unit: one requested, one approved. */
	requestedSocialAccountId: string;
	approvedSocialAccountId: string;
	/** Cloud services of the walk's unit: one requested (approve, refuse), one flagged in use. */
	requestedCloudServiceId: string;
	flaggedCloudServiceId: string;
	/** A contract of the walk's unit with a clause gap and a pending 再委託 request. */
	contractId: string;
	/** A My Number affair of the walk's unit with handlers (one ended, its notice unseen), links and a provision. */
	myNumberAffairId: string;
	/** A secure area with a permit, a flagged entry of yesterday and the walk's asset in it. */
	secureAreaId: string;
	/** The server's data directory: the training walk puts the administrator on the roster late. */
	dataDir: string;
}

/**
 * Records in every module of the demo tenant of a running server, made through the use cases on
 * the server's own database (beside it), so that every page has rows and every dialog an opener.
 * The tenant's administrator (`admin`) also gets the CISO role, who accepts risks and approves
 * policy versions, and the section manager's role of the walk's unit, who decides its mail
 * release requests; made before the first sign-in, as a change of roles ends the account's
 * sessions.
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
		const unitStaff = await makeStaff(deps, tenant, unit.id, { title: "主任" });
		const admin = await findAccountByUsername(deps.db, tenant.id, "admin");
		assert.ok(admin, "the demo tenant has its administrator");
		await grantRole(deps, tenant.id, admin.id, "ciso", null);
		// The unit's 情報セキュリティ管理者 decides its staff's mail release requests.
		await grantRole(deps, tenant.id, admin.id, "section_manager", unit.id);
		// The standard pack's approver of cloud services.
		await grantRole(deps, tenant.id, admin.id, "chief_officer", null);
		const asset = await makeAsset(deps, tenant.id, unit.id, { name: "住民記録システム" });
		const laptop = await makeAsset(deps, tenant.id, unit.id, {
			name: "貸出用ノートPC",
			zone: "lgwan",
			personalData: "none",
		});
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
		const draft = await makeVersion(deps, tenant.id, "draft");
		const inReview = await makeVersion(deps, tenant.id, "in_review");
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
		await makeTask(deps, tenant.id, triaged.id, admin.id);
		await makeEvidence(deps, tenant.id, triaged.id);
		const enrolled = await makeAccount(deps, tenant, { totp: true, username: "a11y.enrolled" });
		const staff = await makeAccount(deps, tenant, { totp: false, username: "a11y.staff" });
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
		const finding = await makeFinding(deps, tenant.id, unit.id, "evidenced");
		const doneFinding = await makeFinding(deps, tenant.id, unit.id, "done", {
			title: "委託契約に再委託の条項がない",
		});
		const linkedFinding = await makeFinding(deps, tenant.id, unit.id, "linked", {
			title: "保守用端末のOSがサポート切れ",
		});
		const audit = await makeAssuranceAudit(deps, tenant, { unitIds: [unit.id] });
		// The audit checklist its picker offers.
		await bundledChecklistId(deps, tenant.id, "standard.audit");
		const campaigns = await makeCampaignScreens(deps, tenant.id, unit.id, unitStaff.id, admin.id);
		const requestedException = await makeException(deps, tenant.id, unit.id, "requested");
		// It covers the asset, so the asset's page shows its table of exceptions in force.
		const approvedException = await makeException(deps, tenant.id, unit.id, "approved", {
			networkFlows: [],
			assetIds: [asset.id],
		});
		const kacho = await makeSectionManagerStaff(deps, tenant, unit.id);
		const requestedSocial = await makeSocialAccount(
			deps,
			tenant.id,
			unit.id,
			kacho.staffId,
			"requested",
		);
		const approvedSocial = await makeSocialAccount(
			deps,
			tenant.id,
			unit.id,
			kacho.staffId,
			"approved",
			{ service: "Instagram", handle: "@city_photo" },
		);
		const requestedService = await makeCloudService(deps, tenant.id, unit.id, "requested");
		const flaggedService = await makeFlaggedCloudService(deps, tenant.id, unit.id);
		const contract = await makeContractWithRequest(deps, tenant.id, unit.id);
		const affair = await makeMyNumberScreens(deps, tenant.id, {
			responsibleStaffId: kacho.staffId,
			unitId: unit.id,
			handlerStaffIds: [unitStaff.staffId, kacho.staffId],
			assetId: asset.id,
			contractId: contract.id,
			noticeAccountId: admin.id,
		});
		const secureArea = await makeArea(deps, tenant.id, kacho.staffId, {
			allowed: [kacho.staffId],
		});
		await makeSecureAreaScreens(deps, tenant.id, secureArea.id, unitStaff.staffId, asset.code);
		// A course everyone on the roster owes: /training has a row.
		await makeCourse(deps, tenant.id);
		const plan = (await listDocuments(deps.db, tenant.id)).find((d) => d.kind === "emergency_plan");
		assert.ok(plan, "the standard pack names an emergency response plan");
		return {
			drillId: drill.id,
			heldDrillId: heldDrill.id,
			planDocumentId: plan.id,
			findingId: finding.id,
			doneFindingId: doneFinding.id,
			linkedFindingId: linkedFinding.id,
			auditId: audit.id,
			campaignId: campaigns.campaignId,
			closedCampaignId: campaigns.closedCampaignId,
			campaignRespondentId: campaigns.respondentId,
			requestedExceptionId: requestedException.id,
			approvedExceptionId: approvedException.id,
			requestedSocialAccountId: requestedSocial.id,
			approvedSocialAccountId: approvedSocial.id,
			requestedCloudServiceId: requestedService.id,
			flaggedCloudServiceId: flaggedService.id,
			contractId: contract.id,
			myNumberAffairId: affair.id,
			secureAreaId: secureArea.id,
			dataDir: server.dataDir,
			adminId: admin.id,
			unitId: unit.id,
			assetId: asset.id,
			carriableAssetId: laptop.id,
			pendingTakeOutAssetId: pending.asset.id,
			outAssetId: out.asset.id,
			disposalAssetId: disposal.asset.id,
			riskId: risk.id,
			documentId: published.document_id,
			publishedVersionId: published.id,
			approvedVersionId: approved.id,
			draftVersionId: draft.id,
			reviewVersionId: inReview.id,
			messageId,
			reportedIncidentId: reported.id,
			triagedIncidentId: triaged.id,
			enrolledAccountId: enrolled.id,
			staffUsername: staff.username,
			staffPassword: TEST_PASSWORD,
		};
	} finally {
		await handle.db.destroy();
	}
}
