import assert from "node:assert/strict";
import { test } from "node:test";
import { overlappingZip, ratioBombZip, rawZip } from "../../tests/helpers/attachment-corpus.ts";
import { extractEntry, readZipDirectory, unsafeEntryName, ZipError } from "./zip.ts";

test("entries are read and their bytes checked", () => {
	const zip = rawZip([
		{ name: "a.txt", data: Buffer.from("alpha") },
		{ name: "dir/b.txt", data: Buffer.from("beta"), deflate: false },
	]);
	const entries = readZipDirectory(zip, 10);
	assert.deepEqual(
		entries.map((entry) => [entry.name, extractEntry(zip, entry, 100).toString()]),
		[
			["a.txt", "alpha"],
			["dir/b.txt", "beta"],
		],
	);
});

test("inflation stops at the caller's limit, whatever sizes the archive declares", () => {
	const zip = ratioBombZip(4);
	const [entry] = readZipDirectory(zip, 10);
	assert.ok(entry);
	assert.throws(
		() => extractEntry(zip, entry, 1024 * 1024),
		(error: unknown) => error instanceof ZipError && error.kind === "limit",
	);
});

test("overlapping entries, too many entries and unsafe names are refused", () => {
	assert.throws(() => readZipDirectory(overlappingZip(5), 100), /overlap/);
	assert.throws(
		() =>
			readZipDirectory(
				rawZip([
					{ name: "a", data: Buffer.from("1") },
					{ name: "b", data: Buffer.from("2") },
				]),
				1,
			),
		/limit/,
	);
	for (const name of ["../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x"]) {
		assert.ok(unsafeEntryName(name), name);
		assert.throws(
			() => readZipDirectory(rawZip([{ name, data: Buffer.from("1") }]), 10),
			/unsafe entry name/,
		);
	}
	assert.equal(unsafeEntryName("folder/file..txt"), null);
});

test("encrypted entries and corrupted data are errors, not guesses", () => {
	const encrypted = rawZip([{ name: "a.txt", data: Buffer.from("x"), flags: 1, deflate: false }]);
	const [entry] = readZipDirectory(encrypted, 10);
	assert.ok(entry?.encrypted);
	assert.throws(() => extractEntry(encrypted, entry, 100), /encrypted/);
	const zip = rawZip([{ name: "a.txt", data: Buffer.from("hello world"), deflate: false }]);
	const broken = Buffer.from(zip);
	broken[30 + 5] = 0x58; // flip a data byte: the CRC no longer matches
	const [first] = readZipDirectory(broken, 10);
	assert.ok(first);
	assert.throws(() => extractEntry(broken, first, 100), /CRC/);
	assert.throws(() => readZipDirectory(Buffer.from("PK\x03\x04 not really a zip"), 10), ZipError);
});
