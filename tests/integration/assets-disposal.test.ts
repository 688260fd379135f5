import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { CERTIFICATE_PDF, makeDisposal } from "../helpers/custody-world.ts";
import {
	type MadeAccount,
	makeAccount,
	makeSessionToken,
	makeTenant,
} from "../helpers/factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** 廃棄 / 返却: the record, its evidence with SHA-256, closing rules and the register export. */

const runtime = await createTestRuntime();
const app = createApp(runtime);
let tenant: TenantRow;
let manager: MadeAccount;
let auditor: MadeAccount;
let unitId: string;

before(async () => {
	tenant = await makeTenant(runtime);
	manager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	auditor = await makeAccount(runtime, tenant, { roles: ["auditor"] });
	unitId = await unitOf(runtime, tenant.id, manager.id, "");
});
after(() => runtime.cleanup());

async function as(account: MadeAccount) {
	return new TestClient(app, await makeSessionToken(runtime, account));
}

async function problem(response: Response, status: number, code: string) {
	const body = (await response.json()) as { code: string; issues?: { path: string }[] };
	assert.equal(response.status, status, JSON.stringify(body));
	assert.equal(body.code, code);
	return body;
}

const record = (overrides: Record<string, unknown> = {}) => ({
	method: "physical_destruction",
	performedOn: "2026-03-10",
	witness: "情報政策課 田中",
	contractor: "株式会社リサイクル東海",
	serialNumbers: ["SN-0001", "SN-0002"],
	notes: null,
	...overrides,
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

async function lifecycleOf(assetId: string) {
	const row = await runtime.db
		.selectFrom("assets")
		.select("lifecycle")
		.where("id", "=", assetId)
		.executeTakeFirstOrThrow();
	return row.lifecycle;
}

interface DisposalBody {
	id: string;
	status: string;
	certificateRequired: boolean;
	files: { id: string; sha256: string; kind: string; size: number }[];
}

describe("recording and closing", () => {
	test("storage media cannot be closed without an erasure certificate; with one it is 廃棄済み", async () => {
		const asset = await makeAsset(runtime, tenant.id, unitId, { kind: "systems" });
		const client = await as(manager);
		const made = await client.post(`/api/assets/${asset.id}/disposals`, record());
		const disposal = (await made.json()) as DisposalBody;
		assert.equal(made.status, 201, JSON.stringify(disposal));
		assert.equal(disposal.certificateRequired, true);
		assert.equal(await lifecycleOf(asset.id), "disposal_pending");

		const refused = await client.post(`/api/disposals/${disposal.id}/close`);
		const body = await problem(refused, 400, "validation_failed");
		assert.deepEqual(
			body.issues?.map((i) => i.path),
			["files"],
		);
		assert.equal(await lifecycleOf(asset.id), "disposal_pending");

		const photo = await client.post(`/api/disposals/${disposal.id}/files`, {
			kind: "photo",
			fileName: "破壊後.png",
			contentBase64: base64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1])),
		});
		assert.equal(photo.status, 201);
		await problem(
			await client.post(`/api/disposals/${disposal.id}/close`),
			400,
			"validation_failed",
		);

		const upload = await client.post(`/api/disposals/${disposal.id}/files`, {
			kind: "certificate",
			fileName: "消去証明書.pdf",
			contentBase64: base64(CERTIFICATE_PDF),
		});
		const file = (await upload.json()) as { sha256: string; mediaType: string; size: number };
		assert.equal(upload.status, 201, JSON.stringify(file));
		assert.equal(file.sha256, sha256(CERTIFICATE_PDF));
		assert.equal(file.mediaType, "application/pdf");
		assert.equal(file.size, CERTIFICATE_PDF.length);

		const closed = await client.post(`/api/disposals/${disposal.id}/close`);
		const after = (await closed.json()) as DisposalBody;
		assert.equal(closed.status, 200, JSON.stringify(after));
		assert.equal(after.status, "closed");
		assert.equal(await lifecycleOf(asset.id), "disposed");
		const late = await client.post(`/api/disposals/${disposal.id}/files`, {
			kind: "photo",
			fileName: "追加.png",
			contentBase64: base64(CERTIFICATE_PDF),
		});
		await problem(late, 409, "conflict");
	});

	test("information assets close without a certificate", async () => {
		const asset = await makeAsset(runtime, tenant.id, unitId, { kind: "information" });
		const client = await as(manager);
		const made = (await (
			await client.post(`/api/assets/${asset.id}/disposals`, record({ method: "overwrite" }))
		).json()) as DisposalBody;
		assert.equal(made.certificateRequired, false);
		const closed = await client.post(`/api/disposals/${made.id}/close`);
		assert.equal(closed.status, 200, await closed.text());
		assert.equal(await lifecycleOf(asset.id), "disposed");
	});

	test("a class requiring irrecoverable disposal refuses a plain deletion", async () => {
		const asset = await makeAsset(runtime, tenant.id, unitId, { kind: "information" });
		const client = await as(manager);
		const response = await client.post(
			`/api/assets/${asset.id}/disposals`,
			record({ method: "deletion" }),
		);
		const body = await problem(response, 400, "validation_failed");
		assert.deepEqual(
			body.issues?.map((i) => i.path),
			["method"],
		);
		assert.equal(await lifecycleOf(asset.id), "in_use", "nothing recorded");
		const low = await makeAsset(runtime, tenant.id, unitId, {
			kind: "information",
			levels: ["C1", "I1", "A1"],
		});
		const allowed = await client.post(
			`/api/assets/${low.id}/disposals`,
			record({ method: "deletion" }),
		);
		assert.equal(allowed.status, 201, await allowed.text());
	});

	test("a lease return names the lessor and leaves the asset 返却済", async () => {
		const asset = await makeAsset(runtime, tenant.id, unitId, { kind: "systems" });
		const client = await as(manager);
		const noLessor = await client.post(
			`/api/assets/${asset.id}/disposals`,
			record({ method: "lease_return", contractor: null }),
		);
		await problem(noLessor, 400, "validation_failed");
		const made = (await (
			await client.post(
				`/api/assets/${asset.id}/disposals`,
				record({ method: "lease_return", contractor: "東海リース株式会社" }),
			)
		).json()) as DisposalBody;
		await client.post(`/api/disposals/${made.id}/files`, {
			kind: "certificate",
			fileName: "データ消去証明書.pdf",
			contentBase64: base64(CERTIFICATE_PDF),
		});
		const closed = await client.post(`/api/disposals/${made.id}/close`);
		assert.equal(closed.status, 200, await closed.text());
		assert.equal(await lifecycleOf(asset.id), "returned");
	});

	test("an auditor reads the record but cannot add to it", async () => {
		const { disposal } = await makeDisposal(runtime, tenant.id, unitId);
		const client = await as(auditor);
		const read = await client.get(`/api/disposals/${disposal.id}`);
		assert.equal(read.status, 200);
		const upload = await client.post(`/api/disposals/${disposal.id}/files`, {
			kind: "certificate",
			fileName: "x.pdf",
			contentBase64: base64(CERTIFICATE_PDF),
		});
		await problem(upload, 403, "forbidden");
	});
});

describe("evidence files", () => {
	test("a download is the stored bytes, checked against the SHA-256 taken on upload", async () => {
		const { disposal, fileId } = await makeDisposal(runtime, tenant.id, unitId, {
			certificate: true,
		});
		const client = await as(manager);
		const response = await client.get(`/api/disposals/${disposal.id}/files/${fileId}`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		assert.equal(response.status, 200);
		assert.deepEqual(bytes, CERTIFICATE_PDF);
		assert.equal(response.headers.get("x-content-sha256"), sha256(CERTIFICATE_PDF));
		assert.match(response.headers.get("content-disposition") ?? "", /^attachment/);
		const stored = await runtime.db
			.selectFrom("asset_disposal_files")
			.select("sha256")
			.where("id", "=", fileId)
			.executeTakeFirstOrThrow();
		assert.equal(stored.sha256, sha256(CERTIFICATE_PDF));
	});

	test("bytes that no longer match their hash are not served", async () => {
		const { disposal, fileId } = await makeDisposal(runtime, tenant.id, unitId, {
			certificate: true,
		});
		assert.ok(fileId);
		await runtime.db
			.updateTable("asset_disposal_files")
			.set({ content: new TextEncoder().encode("%PDF-1.4 tampered") })
			.where("id", "=", fileId)
			.execute();
		const response = await (await as(manager)).get(`/api/disposals/${disposal.id}/files/${fileId}`);
		await problem(response, 500, "internal");
	});
});

describe("the disposal register", () => {
	test("the export lists code, name, class, method, date, witness, contractor, serials and certificate hash", async () => {
		const { asset } = await makeDisposal(runtime, tenant.id, unitId, { close: true });
		const client = await as(auditor);
		const csv = await client.get("/api/disposals/export?format=csv&from=2026-03-01&to=2026-03-31");
		assert.equal(csv.status, 200);
		assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
		const text = await csv.text();
		const line = text.split("\r\n").find((row) => row.includes(asset.code));
		assert.ok(line, "the closed disposal is in the register");
		for (const expected of [
			asset.name,
			"C2/I2/A2",
			"物理破壊",
			"令和8年3月15日",
			"情報政策課 佐藤",
			"株式会社データ消去サービス",
			"WD-123456 WD-123457",
			sha256(CERTIFICATE_PDF),
		]) {
			assert.ok(line.includes(expected), `${expected} in ${line}`);
		}
		const outside = await client.get("/api/disposals/export?format=csv&from=2026-04-01");
		assert.ok(!(await outside.text()).includes(asset.code), "the period filters");

		const xlsx = await client.get(
			"/api/disposals/export?format=xlsx&from=2026-03-15&to=2026-03-15",
		);
		assert.equal(xlsx.status, 200);
		const table = await readTable(new Uint8Array(await xlsx.arrayBuffer()));
		const row = table.rows.find((cells) => cells.includes(asset.code));
		assert.ok(row, "the XLSX holds the same row");
		assert.ok(row.includes(sha256(CERTIFICATE_PDF)));
		assert.equal(table.rows[0]?.[0], "資産番号");
	});

	test("every export of the register is audit-logged with its period and row count", async () => {
		const { asset } = await makeDisposal(runtime, tenant.id, unitId, { close: true });
		const logged = async () =>
			(await auditEvents(runtime.db, tenant.id))
				.filter((event) => event.type === "disposal.exported")
				.map((event) => ({ actor: event.actor_id, payload: event.payload }));
		const before = (await logged()).length;
		const client = await as(auditor);
		const csv = await client.get("/api/disposals/export?format=csv&from=2026-03-15&to=2026-03-15");
		const bytes = new Uint8Array(await csv.arrayBuffer());
		assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM for Excel");
		const table = await readTable(bytes);
		assert.ok(table.rows.some((row) => row[0] === asset.code));
		const xlsx = await client.get("/api/disposals/export?format=xlsx");
		const all = await readTable(new Uint8Array(await xlsx.arrayBuffer()));
		assert.equal(all.format, "xlsx");
		assert.deepEqual((await logged()).slice(before), [
			{
				actor: auditor.id,
				payload: {
					format: "csv",
					rows: table.rows.length - 1,
					filter: { from: "2026-03-15", to: "2026-03-15" },
				},
			},
			{
				actor: auditor.id,
				payload: { format: "xlsx", rows: all.rows.length - 1, filter: { from: null, to: null } },
			},
		]);
	});

	test("the register shows only the units a section manager manages", async () => {
		const other = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
		const { asset } = await makeDisposal(runtime, tenant.id, unitId, { close: true });
		const list = (await (await (await as(other)).get("/api/disposals")).json()) as {
			items: { asset: { code: string } }[];
		};
		assert.ok(!list.items.some((item) => item.asset.code === asset.code));
		const exported = await (await as(other)).get("/api/disposals/export?format=csv");
		assert.equal(exported.status, 200);
		const rows = (await readTable(new Uint8Array(await exported.arrayBuffer()))).rows;
		assert.ok(!rows.some((row) => row[0] === asset.code), "nor in their export");
		const mine = (await (
			await (await as(manager)).get(`/api/disposals?assetId=${asset.id}`)
		).json()) as {
			items: { asset: { code: string }; files: { sha256: string }[] }[];
		};
		assert.equal(mine.items[0]?.asset.code, asset.code);
		assert.equal(mine.items[0]?.files[0]?.sha256, sha256(CERTIFICATE_PDF));
	});
});
