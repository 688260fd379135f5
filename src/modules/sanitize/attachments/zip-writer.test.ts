import assert from "node:assert/strict";
import { test } from "node:test";
import { extractEntry, readZipDirectory } from "../../../shared/zip.ts";

test("the writer's archives read back, here and in fflate, with UTF-8 names", async () => {
	const { writeZip } = await import("./zip-writer.ts");
	const { unzipSync, strFromU8 } = await import("fflate");
	const text = Buffer.from("点検結果\n".repeat(200));
	const zip = writeZip([
		{ name: "報告/結果.txt", data: text, compress: true },
		{ name: "photo.jpg", data: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), compress: false },
	]);
	const entries = readZipDirectory(zip, 10);
	assert.deepEqual(
		entries.map((entry) => [entry.name, entry.method]),
		[
			["報告/結果.txt", 8],
			["photo.jpg", 0],
		],
	);
	assert.deepEqual(extractEntry(zip, entries[0] as (typeof entries)[0], 1e6), text);
	const viaFflate = unzipSync(zip);
	assert.equal(strFromU8(viaFflate["報告/結果.txt"] ?? new Uint8Array()), text.toString());
	assert.deepEqual(
		writeZip([{ name: "a", data: text, compress: true }]),
		writeZip([{ name: "a", data: text, compress: true }]),
	);
});
