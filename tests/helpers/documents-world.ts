import { randomBytes, randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { acknowledgeVersion } from "../../src/modules/policies/documents/acknowledge.ts";
import { approveVersion } from "../../src/modules/policies/documents/approve-version.ts";
import type { SectionInput } from "../../src/modules/policies/documents/content.ts";
import { createDocument } from "../../src/modules/policies/documents/create-document.ts";
import { createDraftVersion } from "../../src/modules/policies/documents/create-draft.ts";
import {
	insertNotifications,
	type VersionRow,
} from "../../src/modules/policies/documents/documents.repository.ts";
import type { PublishInput } from "../../src/modules/policies/documents/documents.schemas.ts";
import { publishVersion } from "../../src/modules/policies/documents/publish-version.ts";
import { submitForReview } from "../../src/modules/policies/documents/submit-for-review.ts";

/**
 * An actor holding every role that drafts, approves and publishes (for any bundled pack). The
 * bundled packs keep a revision's drafter out of its decision, so the factory drafts as
 * `documents-drafter` and decides as `documents-factory`.
 */
export function documentsActor(tenantId: string, accountId = "documents-factory"): Actor {
	return {
		tenantId,
		accountId,
		label: "documents factory",
		ip: null,
		roles: [
			{ role: "ciso", orgUnitId: null },
			{ role: "chief_officer", orgUnitId: null },
		],
	};
}

export const SAMPLE_SECTIONS: SectionInput[] = [
	{ label: "１", title: "目的", body: "この方針は情報資産を守るために定める。", children: [] },
	{
		label: "２",
		title: "職員等の遵守義務",
		body: "職員等は次の事項を守る。",
		children: [
			{ label: "（１）", title: "", body: "ポリシーを遵守する。", children: [] },
			{ label: "（２）", title: "", body: "事故を直ちに報告する。", children: [] },
		],
	},
];

export const SAMPLE_POLICY_TEXT = [
	"情報セキュリティ基本方針",
	"１ 目的",
	"本方針は、市の情報資産を脅威から守るために定める。",
	"２ 定義",
	"(1) 職員等",
	"市の情報資産を取り扱う者をいう。",
	"３ 遵守義務",
	"職員等は、本方針を遵守しなければならない。",
].join("\n");

export type Stage = "draft" | "in_review" | "approved" | "published";

/**
 * A new document (of its own, so drafts never collide) with one version at `stage`, made through
 * the use cases. `publish` chooses the audience when the stage is `published`.
 */
export async function makeVersion(
	deps: AppDeps,
	tenantId: string,
	stage: Stage,
	options: {
		publication?: "public" | "non_public";
		kind?: "additional" | "procedures";
		/** The audience; the 施行日 and decision default to today and a 委員会決定日. */
		publish?: Pick<PublishInput, "audience" | "unitIds" | "revisionKind">;
		documentId?: string;
		sections?: SectionInput[];
	} = {},
): Promise<VersionRow> {
	const drafter = documentsActor(tenantId, "documents-drafter");
	const actor = documentsActor(tenantId);
	return inTransaction(deps.db, async (tx) => {
		const documentId =
			options.documentId ??
			(
				await createDocument(tx, drafter, {
					kind: options.kind ?? "additional",
					title: `規程 ${randomBytes(3).toString("hex")}`,
					publication: options.publication ?? "public",
				})
			).id;
		let version = await createDraftVersion(tx, drafter, documentId, {
			title: null,
			changeSummary: "初版",
			sections: options.sections ?? SAMPLE_SECTIONS,
			source: "blank",
			warnings: 0,
		});
		if (stage === "draft") return version;
		version = await submitForReview(tx, drafter, version.id);
		if (stage === "in_review") return version;
		version = await approveVersion(tx, actor, version.id);
		if (stage === "approved") return version;
		const today = new Date().toISOString().slice(0, 10);
		return publishVersion(tx, actor, version.id, {
			...(options.publish ?? { audience: "all", unitIds: [], revisionKind: "initial" }),
			effectiveOn: today,
			decisionNumber: "情政第1号",
			committeeDecidedOn: today,
		});
	});
}

/** Give an account a 所属 (a staff row), as a roster import would. */
export async function placeInUnit(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	orgUnitId: string,
): Promise<void> {
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id: randomUUID(),
			tenant_id: tenantId,
			account_id: accountId,
			staff_number: randomBytes(4).toString("hex"),
			category: "regular",
			org_unit_id: orgUnitId,
			title: null,
			active: deps.engine === "postgres" ? true : 1,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
}

/** An unread in-app notification of the account. */
export async function makeNotification(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
): Promise<string> {
	const id = randomUUID();
	await inTransaction(deps.db, (tx) =>
		insertNotifications(tx, [
			{
				id,
				tenant_id: tenantId,
				account_id: accountId,
				kind: "policy_acknowledgement_reminder",
				link: "/policies",
				created_at: new Date().toISOString(),
				read_at: null,
			},
		]),
	);
	return id;
}

/** A published version acknowledged by `accountId`, and a notification of it: a row per table. */
export async function makeDocumentFixtures(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
): Promise<void> {
	const version = await makeVersion(deps, tenantId, "published");
	const reader: Actor = { tenantId, accountId, label: "fixture", ip: null, roles: [] };
	await inTransaction(deps.db, (tx) => acknowledgeVersion(tx, reader, version.id));
	await makeNotification(deps, tenantId, accountId);
}
