import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeVersion, placeInUnit, SAMPLE_POLICY_TEXT } from "../helpers/documents-world.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface DocumentView {
	id: string;
	kind: string;
	title: string;
	shortName: string;
	publication: string;
	readable: boolean;
	versions: { id: string; number: number; status: string; allowedActions: string[] }[];
	revisions: { date: string; kind: string; summary: string; versionNumber: number | null }[];
}
interface Section {
	anchor: string;
	citation: string;
	label: string;
	title: string;
	children: Section[];
}
interface VersionView {
	id: string;
	number: number;
	status: string;
	approvedRole: string | null;
	allowedActions: string[];
	sections: Section[];
}

async function sagaTenant(): Promise<TenantRow> {
	const slug = `saga-${Math.random().toString(36).slice(2, 8)}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: "佐賀市", pack: "saga" }),
	);
}

async function clientOf(account: MadeAccount) {
	return activeClient(runtime, app, account);
}

async function auditTypes(tenantId: string, recordId: string): Promise<string[]> {
	const rows = await runtime.db
		.selectFrom("audit_events")
		.select("type")
		.where("tenant_id", "=", tenantId)
		.where("record_id", "=", recordId)
		.orderBy("seq")
		.execute();
	return rows.map((r) => r.type);
}

describe("documents from the pack", () => {
	test("the Saga tenant lists its five documents and the 基本方針's nine-row 改定履歴", async () => {
		const tenant = await sagaTenant();
		const staff = await clientOf(await makeAccount(runtime, tenant));
		const list = await expectJson<{ items: DocumentView[] }>(
			await staff.get("/api/policy-documents"),
		);
		assert.deepEqual(
			list.items.map((d) => [d.kind, d.title, d.publication]),
			[
				["basic_policy", "情報セキュリティ基本方針", "public"],
				["standards", "情報セキュリティ対策基準", "unknown"],
				["procedures", "情報セキュリティ運用マニュアル", "non_public"],
				["emergency_plan", "情報セキュリティインシデント対応実施手順", "non_public"],
				["additional", "特定個人情報の取扱いに関する管理規程", "unknown"],
			],
		);
		assert.equal(list.items[2]?.readable, false, "plain staff may not read the manual");
		const basic = list.items[0];
		assert.ok(basic);
		const detail = await expectJson<DocumentView>(
			await staff.get(`/api/policy-documents/${basic.id}`),
		);
		assert.equal(detail.revisions.length, 9);
		assert.deepEqual(detail.revisions[0], {
			date: "2004-03",
			kind: "initial",
			summary: "初版を制定。",
			versionNumber: null,
		});
		assert.equal(detail.revisions[8]?.date, "2023-09");
		// A second listing does not seed again.
		const again = await expectJson<{ items: DocumentView[] }>(
			await staff.get("/api/policy-documents"),
		);
		assert.equal(again.items.length, 5);
	});
});

describe("the workflow", () => {
	let tenant: TenantRow;
	let chief: MadeAccount;
	let ciso: MadeAccount;
	let staff: MadeAccount;
	before(async () => {
		tenant = await sagaTenant();
		chief = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
		ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
		staff = await makeAccount(runtime, tenant);
	});

	test("upload → draft → review → approval by the pack's approver → publication", async () => {
		const editor = await clientOf(chief);
		const list = await expectJson<{ items: DocumentView[] }>(
			await editor.get("/api/policy-documents"),
		);
		const basic = list.items.find((d) => d.kind === "basic_policy");
		assert.ok(basic);
		const text = `前書きの行です。\n${SAMPLE_POLICY_TEXT}\n４ 見直し\n(1) 毎年度見直す。\n(3) 必要に応じて見直す。`;
		const imported = await expectJson<{
			version: VersionView;
			warnings: { code: string }[];
		}>(
			await editor.post(`/api/policy-documents/${basic.id}/imports`, {
				fileName: "kihon.txt",
				contentBase64: Buffer.from(text).toString("base64"),
			}),
			201,
		);
		assert.equal(imported.version.status, "draft");
		assert.ok(
			imported.warnings.some((w) => w.code === "numbering_gap"),
			"importer warnings",
		);
		const id = imported.version.id;

		const draft = await expectJson<VersionView>(await editor.get(`/api/policy-versions/${id}`));
		assert.deepEqual(
			draft.sections.map((s) => [s.anchor, s.citation]),
			[
				["1", "基本方針 1"],
				["2", "基本方針 2"],
				["3", "基本方針 3"],
				["4", "基本方針 4"],
			],
		);
		assert.equal(draft.sections[1]?.children[0]?.citation, "基本方針 2(1)");
		assert.deepEqual(draft.allowedActions, ["policy_version.draft", "policy_version.submit"]);

		// Plain staff never see a draft.
		await expectProblem(
			await (await clientOf(staff)).get(`/api/policy-versions/${id}`),
			404,
			"not_found",
		);
		// No skipping: a draft cannot be approved or published.
		const approver = await clientOf(ciso);
		await expectProblem(await approver.post(`/api/policy-versions/${id}/approve`), 409, "conflict");
		await expectProblem(
			await editor.post(`/api/policy-versions/${id}/publish`, {
				audience: "all",
				effectiveOn: "2026-04-01",
				committeeDecidedOn: "2026-03-25",
			}),
			409,
			"conflict",
		);
		await expectJson(await editor.post(`/api/policy-versions/${id}/submit`));
		await expectProblem(
			await editor.patch(`/api/policy-versions/${id}`, { title: "x" }),
			409,
			"conflict",
		);
		// Saga's pack: the committee approves the policy, recorded by its chair (the CISO).
		await expectProblem(await editor.post(`/api/policy-versions/${id}/approve`), 403, "forbidden");
		const approved = await expectJson<VersionView>(
			await approver.post(`/api/policy-versions/${id}/approve`),
		);
		assert.equal(approved.status, "approved");
		assert.equal(approved.approvedRole, "committee");
		await expectProblem(await approver.post(`/api/policy-versions/${id}/approve`), 409, "conflict");
		// 起案者 ≠ 決裁者: the drafter may not publish; the CISO, an editor too, does.
		const decision = { effectiveOn: "2026-04-01", committeeDecidedOn: "2026-03-25" };
		await expectProblem(
			await editor.post(`/api/policy-versions/${id}/publish`, { audience: "all", ...decision }),
			403,
			"forbidden",
		);
		const published = await expectJson<VersionView>(
			await approver.post(`/api/policy-versions/${id}/publish`, {
				audience: "all",
				revisionKind: "partial",
				...decision,
			}),
		);
		assert.equal(published.status, "published");

		const detail = await expectJson<DocumentView>(
			await (await clientOf(staff)).get(`/api/policy-documents/${basic.id}`),
		);
		assert.equal(detail.revisions.length, 10);
		assert.equal(detail.revisions[9]?.versionNumber, 1);
		assert.equal(detail.revisions[9]?.date, "2026-04-01", "the 改定履歴 is dated on the 施行日");
		assert.equal(detail.revisions[9]?.summary, "kihon.txt から取込み");
		assert.deepEqual(await auditTypes(tenant.id, id), [
			"policy.draft_created",
			"policy.version_transitioned",
			"policy.version_transitioned",
			"policy.version_published",
		]);
	});

	test("a new published version supersedes the old; the diff shows changed, added and removed", async () => {
		const first = await makeVersion(runtime, tenant.id, "published");
		const editor = await clientOf(chief);
		const draft = await expectJson<VersionView>(
			await editor.post(`/api/policy-documents/${first.document_id}/drafts`, { from: "copy" }),
			201,
		);
		await expectProblem(
			await editor.post(`/api/policy-documents/${first.document_id}/drafts`, { from: "blank" }),
			409,
			"conflict",
		);
		await expectJson(
			await editor.patch(`/api/policy-versions/${draft.id}`, {
				sections: [
					{
						label: "１",
						title: "目的",
						body: "この方針は市の情報資産を守るために定める。",
						children: [],
					},
					{ label: "３", title: "見直し", body: "毎年度見直す。", children: [] },
				],
			}),
		);
		const diff = await expectJson<{
			rows: {
				anchor: string;
				citation: string;
				change: string;
				bodyDiff: { kind: string; text: string }[];
			}[];
		}>(await editor.get(`/api/policy-versions/${draft.id}/diff?against=${first.id}`));
		assert.deepEqual(
			diff.rows.map((r) => [r.anchor, r.change]),
			[
				["1", "changed"],
				["2", "removed"],
				["2-1", "removed"],
				["2-2", "removed"],
				["3", "added"],
			],
		);
		assert.ok(diff.rows[0]?.bodyDiff.some((p) => p.kind === "added" && p.text === "市の"));
		for (const step of ["submit", "approve"]) {
			await expectJson(
				await (await clientOf(step === "approve" ? ciso : chief)).post(
					`/api/policy-versions/${draft.id}/${step}`,
				),
			);
		}
		await expectJson(
			await (await clientOf(ciso)).post(`/api/policy-versions/${draft.id}/publish`, {
				audience: "all",
				effectiveOn: "2026-04-01",
				committeeDecidedOn: "2026-03-25",
			}),
		);
		const old = await expectJson<VersionView>(await editor.get(`/api/policy-versions/${first.id}`));
		assert.equal(old.status, "superseded");
	});
});

describe("non-public procedures", () => {
	test("only the role the pack names reads them, and every read is audit-logged", async () => {
		const tenant = await makeTenant(runtime);
		const version = await makeVersion(runtime, tenant.id, "published", { kind: "procedures" });
		const reader = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
		const path = `/api/policy-versions/${version.id}`;
		for (const roles of [[], ["auditor"], ["section_manager"]] as const) {
			const refused = await makeAccount(runtime, tenant, { roles: [...roles] });
			const problem = await expectProblem(
				await (await clientOf(refused)).get(path),
				403,
				"forbidden",
			);
			assert.match(
				problem.detail,
				/is not public: only the roles the policy names \(chief_officer\)/,
			);
		}
		assert.ok(!(await auditTypes(tenant.id, version.id)).includes("policy.procedure_read"));
		const read = await expectJson<VersionView>(await (await clientOf(reader)).get(path));
		assert.equal(read.sections[0]?.title, "目的");
		await (await clientOf(reader)).get(path);
		const events = await runtime.db
			.selectFrom("audit_events")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.where("type", "=", "policy.procedure_read")
			.execute();
		assert.equal(events.length, 2);
		assert.equal(events[0]?.actor_id, reader.id);
		assert.equal(events[0]?.record_id, version.id);
	});
});

describe("acknowledgement", () => {
	test("publication to a unit reaches its people and those below; completion, reminders, export", async () => {
		const tenant = await makeTenant(runtime);
		const actor = systemActor(tenant.id, "test");
		const unit = (name: string, kind: "department" | "section", parentId: string | null) =>
			inTransaction(runtime.db, (tx) =>
				createOrgUnit(tx, actor, { code: `${kind}-${name}`, name, kind, parentId }),
			);
		const dept = await unit("総務部", "department", null);
		const section = await unit("情報政策課", "section", dept.id);
		const other = await unit("市民部", "department", null);
		const [inDept, inSection, outside] = [
			await makeAccount(runtime, tenant, { username: "soumu" }),
			await makeAccount(runtime, tenant, { username: "jouhou" }),
			await makeAccount(runtime, tenant, { username: "shimin" }),
		];
		await placeInUnit(runtime, tenant.id, inDept.id, dept.id);
		await placeInUnit(runtime, tenant.id, inSection.id, section.id);
		await placeInUnit(runtime, tenant.id, outside.id, other.id);
		const version = await makeVersion(runtime, tenant.id, "published", {
			publish: { audience: "units", unitIds: [dept.id], revisionKind: "initial" },
		});

		const outsider = await clientOf(outside);
		const theirs = await expectJson<{ items: unknown[]; pending: number }>(
			await outsider.get("/api/policy-acknowledgements"),
		);
		assert.equal(theirs.pending, 0);
		await expectProblem(
			await outsider.post(`/api/policy-versions/${version.id}/acknowledgement`),
			409,
			"conflict",
		);

		const member = await clientOf(inDept);
		const mine = await expectJson<{
			items: { versionId: string; acknowledgedAt: string | null }[];
			pending: number;
		}>(await member.get("/api/policy-acknowledgements"));
		assert.equal(mine.pending, 1);
		assert.equal(mine.items[0]?.versionId, version.id);
		await expectJson(await member.post(`/api/policy-versions/${version.id}/acknowledgement`));
		await expectJson(await member.post(`/api/policy-versions/${version.id}/acknowledgement`));
		const after = await expectJson<{ pending: number }>(
			await member.get("/api/policy-acknowledgements"),
		);
		assert.equal(after.pending, 0);

		await expectProblem(
			await member.get(`/api/policy-versions/${version.id}/completion`),
			403,
			"forbidden",
		);
		const manager = await clientOf(await makeAccount(runtime, tenant, { roles: ["ciso"] }));
		const completion = await expectJson<{
			total: number;
			acknowledged: number;
			units: { unitName: string; total: number; acknowledged: number }[];
			pending: { username: string }[];
		}>(await manager.get(`/api/policy-versions/${version.id}/completion`));
		assert.equal(completion.total, 2);
		assert.equal(completion.acknowledged, 1);
		assert.deepEqual(
			completion.units.map((u) => [u.unitName, u.total, u.acknowledged]),
			[
				["情報政策課", 1, 0],
				["総務部", 1, 1],
			],
		);
		assert.deepEqual(
			completion.pending.map((p) => p.username),
			["jouhou"],
		);

		const csv = await manager.get(`/api/policy-versions/${version.id}/unacknowledged.csv`);
		assert.equal(csv.status, 200);
		const text = await csv.text();
		assert.match(text, /jouhou/);
		assert.doesNotMatch(text, /soumu|shimin/);
		const xlsx = await manager.get(`/api/policy-versions/${version.id}/unacknowledged.xlsx`);
		assert.equal(xlsx.status, 200);
		assert.equal(
			Buffer.from(await xlsx.arrayBuffer())
				.subarray(0, 2)
				.toString(),
			"PK",
		);

		const reminded = await expectJson<{ recipients: number }>(
			await manager.post(`/api/policy-versions/${version.id}/reminders`),
		);
		assert.equal(reminded.recipients, 1);
		const pendingClient = await clientOf(inSection);
		const notes = await expectJson<{ items: { id: string; link: string }[]; unread: number }>(
			await pendingClient.get("/api/notifications"),
		);
		assert.equal(notes.unread, 1);
		assert.equal(notes.items[0]?.link, `/policies/versions/${version.id}`);
		const memberNotes = await expectJson<{ unread: number }>(
			await member.get("/api/notifications"),
		);
		assert.equal(memberNotes.unread, 0);
		const noteId = notes.items[0]?.id ?? "";
		await expectProblem(await member.post(`/api/notifications/${noteId}/read`), 404, "not_found");
		assert.equal((await pendingClient.post(`/api/notifications/${noteId}/read`)).status, 204);
		const read = await expectJson<{ unread: number }>(
			await pendingClient.get("/api/notifications"),
		);
		assert.equal(read.unread, 0);
	});

	test("another tenant's versions are not found", async () => {
		const a = await makeTenant(runtime);
		const b = await makeTenant(runtime);
		const version = await makeVersion(runtime, a.id, "published");
		const stranger = await clientOf(
			await makeAccount(runtime, b, { roles: ["ciso", "chief_officer"] }),
		);
		for (const path of ["", "/completion", "/unacknowledged.csv"]) {
			await expectProblem(
				await stranger.get(`/api/policy-versions/${version.id}${path}`),
				404,
				"not_found",
			);
		}
		await expectProblem(
			await stranger.post(`/api/policy-versions/${version.id}/acknowledgement`),
			404,
			"not_found",
		);
	});
});
