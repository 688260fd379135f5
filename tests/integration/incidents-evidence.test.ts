import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { addIncidentEvidence } from "../../src/modules/incidents/add-incident-evidence.ts";
import {
	CASEWORK_LIMITS,
	type IncidentEvidenceView,
} from "../../src/modules/incidents/incident-casework.schemas.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { CERTIFICATE_PDF } from "../helpers/custody-world.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import {
	type IncidentTenant,
	incidentTenant,
	report,
	viewCase,
} from "../helpers/incident-people.ts";
import { csirtActor, usbReport } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Evidence files of a case: kept with the SHA-256 of their bytes, within a size limit, listed and
 * downloaded by whoever sees the case (checked against the hash), added by the CSIRT and the
 * CISO, each on the timeline and in the audit log; a failed upload leaves nothing behind.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface EvidenceList {
	items: IncidentEvidenceView[];
	allowedActions: string[];
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** What a failed upload must not leave: files, timeline entries, audit events of the tenant. */
async function traces(w: IncidentTenant, incidentId: string) {
	const files = await runtime.db
		.selectFrom("incident_evidence")
		.select("id")
		.where("incident_id", "=", incidentId)
		.execute();
	const events = await runtime.db
		.selectFrom("incident_events")
		.select("id")
		.where("incident_id", "=", incidentId)
		.execute();
	const audit = await auditEvents(runtime.db, w.tenant.id);
	return { files: files.length, events: events.length, audit: audit.length };
}

describe("evidence files of a case", () => {
	let w: IncidentTenant;
	let incident: IncidentView;
	let url: string;
	let kept: IncidentEvidenceView;
	before(async () => {
		w = await incidentTenant(runtime, app);
		incident = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
		url = `/api/incidents/${incident.id}/evidence`;
	});

	test("the CSIRT keeps a file: its SHA-256, size and type from its bytes", async () => {
		kept = await expectJson<IncidentEvidenceView>(
			await w.csirt.client.post(url, {
				fileName: "遺失届 受理票 2025/12.pdf",
				description: "警察署の受理票",
				contentBase64: base64(CERTIFICATE_PDF),
			}),
			201,
		);
		assert.equal(kept.sha256, sha256(CERTIFICATE_PDF));
		assert.equal(kept.size, CERTIFICATE_PDF.length);
		assert.equal(kept.mediaType, "application/pdf");
		assert.equal(kept.fileName, "遺失届 受理票 2025/12.pdf");
		assert.equal(kept.description, "警察署の受理票");
		const seen = await expectJson<IncidentView>(await viewCase(w.csirt.client, incident.id));
		const entry = seen.timeline.at(-1);
		assert.equal(entry?.kind, "evidence_added");
		assert.equal(entry?.data.sha256, kept.sha256);
		const logged = (await auditEvents(runtime.db, w.tenant.id)).at(-1);
		assert.equal(logged?.type, "incident.evidence_added");
		assert.deepEqual(logged?.payload, {
			reference: incident.reference,
			evidenceId: kept.id,
			fileName: kept.fileName,
			sha256: kept.sha256,
			size: kept.size,
		});
	});

	test("whoever sees the case lists and downloads it, byte for byte, under a safe name", async () => {
		for (const who of [w.reporter, w.manager, w.csirt]) {
			const list = await expectJson<EvidenceList>(await who.client.get(url));
			assert.deepEqual(
				list.items.map((f) => [f.id, f.sha256]),
				[[kept.id, kept.sha256]],
			);
		}
		const response = await w.reporter.client.get(`${url}/${kept.id}`);
		assert.equal(response.status, 200);
		assert.equal(response.headers.get("content-type"), "application/pdf");
		assert.equal(response.headers.get("x-content-sha256"), kept.sha256);
		const disposition = response.headers.get("content-disposition") ?? "";
		assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
		assert.doesNotMatch(disposition, /2025\/12|%2F/, "no path separator survives");
		const saved = decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1] ?? "");
		assert.equal(saved, "遺失届 受理票 2025_12.pdf");
		const bytes = new Uint8Array(await response.arrayBuffer());
		assert.equal(sha256(bytes), sha256(CERTIFICATE_PDF));
	});

	test("who may not see the case gets 404; only the CSIRT and the CISO add files", async () => {
		await expectProblem(await w.colleague.client.get(url), 404, "not_found");
		await expectProblem(await w.colleague.client.get(`${url}/${kept.id}`), 404, "not_found");
		await expectProblem(await w.otherManager.client.get(`${url}/${kept.id}`), 404, "not_found");
		const body = { fileName: "写真.png", contentBase64: base64(CERTIFICATE_PDF) };
		await expectProblem(await w.reporter.client.post(url, body), 403, "forbidden");
		await expectProblem(await w.manager.client.post(url, body), 403, "forbidden");
		const list = await expectJson<EvidenceList>(await w.reporter.client.get(url));
		assert.deepEqual(list.allowedActions, []);
		const theirs = await expectJson<EvidenceList>(await w.csirt.client.get(url));
		assert.deepEqual(theirs.allowedActions, ["incident.evidence_add"]);
		// Another case's id with this file's id: not found either.
		const other = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
		await expectProblem(
			await w.csirt.client.get(`/api/incidents/${other.id}/evidence/${kept.id}`),
			404,
			"not_found",
		);
	});

	test("a file of exactly the limit is kept; one byte more is refused and leaves nothing", async () => {
		const limit = CASEWORK_LIMITS.fileBytes;
		const before = await traces(w, incident.id);
		const over = new Uint8Array(limit + 1).fill(0x41);
		await expectProblem(
			await w.csirt.client.post(url, { fileName: "大きすぎる.log", contentBase64: base64(over) }),
			413,
			"payload_too_large",
		);
		const empty = await expectProblem(
			await w.csirt.client.post(url, { fileName: "空.log", contentBase64: "" }),
			400,
			"validation_failed",
		);
		assert.equal(empty.issues?.[0]?.path, "contentBase64");
		assert.deepEqual(await traces(w, incident.id), before, "nothing stored, logged or noted");
		const atLimit = over.subarray(0, limit);
		const file = await expectJson<IncidentEvidenceView>(
			await w.csirt.client.post(url, { fileName: "全量.log", contentBase64: base64(atLimit) }),
			201,
		);
		assert.equal(file.size, limit);
		assert.equal(file.sha256, sha256(atLimit));
		assert.equal(file.mediaType, "application/octet-stream");
	});

	test("a failure after the file is written rolls back the file, its timeline entry and its audit event", async () => {
		const before = await traces(w, incident.id);
		const desk = await openIncidentDesk(runtime.db, csirtActor(w.tenant.id));
		await assert.rejects(
			inTransaction(runtime.db, async (tx) => {
				await addIncidentEvidence(tx, desk, incident.id, {
					fileName: "途中.log",
					bytes: new TextEncoder().encode("途中まで"),
				});
				throw new Error("the connection dropped before COMMIT");
			}),
			/connection dropped/,
		);
		assert.deepEqual(await traces(w, incident.id), before);
	});

	test("a stored file that no longer matches its SHA-256 is not served", async () => {
		await runtime.db
			.updateTable("incident_evidence")
			.set({ content: new TextEncoder().encode("%PDF-1.4 差し替えられた内容") })
			.where("id", "=", kept.id)
			.execute();
		await expectProblem(await w.csirt.client.get(`${url}/${kept.id}`), 500, "internal");
	});
});
