import { crc32 } from "node:zlib";
import { type FileIssueCode, type FileIssueParams, fileProblem } from "./file-issues.ts";
import type { Problem } from "./problem.ts";
import {
	assembleZip,
	copyOf,
	measureEntry,
	readZipDirectory,
	type ZipCopyEntry,
	type ZipEntry,
	ZipError,
} from "./zip.ts";

/**
 * The bounds an XLSX workbook's ZIP must keep before the spreadsheet library sees it
 * (`MAMORI_XLSX_MAX_PARTS`, `…_MAX_PART_MB`, `…_MAX_TOTAL_MB`, `…_MAX_RATIO`).
 */
export interface XlsxLimits {
	maxParts: number;
	/** Largest uncompressed part (a sheet's XML, read as a stream), in bytes. */
	maxPartBytes: number;
	/**
	 * Largest uncompressed shared-strings part: the reader keeps every string of it in memory
	 * while the sheets are read, so it is bounded tighter than a streamed sheet.
	 */
	maxSharedStringsBytes: number;
	/** Largest sum of uncompressed parts, in bytes. */
	maxTotalBytes: number;
	/** Largest uncompressed / compressed ratio of a part over `RATIO_FLOOR_BYTES`. */
	maxRatio: number;
}

const MB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
	maxParts: 1_000,
	maxPartBytes: 256 * MB,
	maxSharedStringsBytes: 64 * MB,
	maxTotalBytes: 512 * MB,
	maxRatio: 100,
};

/** Small parts compress extremely well without being bombs; the ratio applies above this. */
export const RATIO_FLOOR_BYTES = MB;

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHARED_STRINGS = "xl/sharedStrings.xml";
/**
 * The workbook and relationship parts are parsed whole into memory; real ones are a few KB, so
 * they get a fixed bound of their own.
 */
export const MAX_WORKBOOK_PART_BYTES = 16 * MB;

/** Parts the reader needs before any sheet, in this order; sheets follow in the file's order. */
const FIRST = ["[Content_Types].xml", "_rels/.rels", WORKBOOK_RELS, WORKBOOK, SHARED_STRINGS];

const EMPTY_SHARED_STRINGS = Buffer.from(
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

function refuse(code: FileIssueCode, params: FileIssueParams = {}): never {
	throw fileProblem(code, params);
}

function asProblem(error: ZipError): Problem {
	if (error.entry) return fileProblem("xlsx_part_unreadable", { part: error.entry });
	return fileProblem("xlsx_unreadable");
}

/** The cap for one part, and the limit reported when the part passes it. */
/** The most one part may expand to, by what the reader does with it. */
function partLimit(name: string, limits: XlsxLimits): number {
	if (name === SHARED_STRINGS) return Math.min(limits.maxPartBytes, limits.maxSharedStringsBytes);
	if (name === WORKBOOK || name.endsWith(".rels")) {
		return Math.min(limits.maxPartBytes, MAX_WORKBOOK_PART_BYTES);
	}
	return limits.maxPartBytes;
}

function capFor(entry: ZipEntry, limits: XlsxLimits, left: number) {
	const ratioCap = Math.max(RATIO_FLOOR_BYTES, entry.compressedSize * limits.maxRatio);
	const partCap = partLimit(entry.name, limits);
	const cap = Math.min(partCap, left, ratioCap);
	const over = (): never => {
		if (cap === partCap) {
			refuse("xlsx_part_too_large", { part: entry.name, limit: partCap / MB });
		}
		if (cap === ratioCap) refuse("xlsx_ratio", { part: entry.name, limit: limits.maxRatio });
		refuse("xlsx_too_large", { limit: limits.maxTotalBytes / MB });
	};
	return { cap, over };
}

/**
 * Check an XLSX workbook's ZIP against `limits` — part count, each part's declared and actual
 * uncompressed size (inflated as a stream and stopped at the cap), the total and the compression
 * ratio — then return it re-ordered for a streaming reader: relationships, workbook and shared
 * strings (an empty table when the file has none) before the sheets. ExcelJS's streaming reader
 * spools a sheet that comes before those to a temporary file that outlives the request; in this
 * order it never does. Compressed data is copied, not inflated again.
 *
 * @throws Problem `validation_failed` with an `xlsx_*` issue naming the part and the limit.
 * @example
 * const workbook = await boundedWorkbook(bytes, DEFAULT_XLSX_LIMITS);
 */
export async function boundedWorkbook(bytes: Uint8Array, limits: XlsxLimits): Promise<Buffer> {
	const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let entries: ZipEntry[];
	try {
		entries = readZipDirectory(content, Number.MAX_SAFE_INTEGER);
	} catch (error) {
		if (error instanceof ZipError) throw asProblem(error);
		throw error;
	}
	const files = entries.filter((entry) => !entry.isDirectory);
	if (files.length > limits.maxParts) {
		refuse("xlsx_too_many_parts", { parts: files.length, limit: limits.maxParts });
	}
	let total = 0;
	for (const entry of files) {
		const { cap, over } = capFor(entry, limits, limits.maxTotalBytes - total);
		if (entry.declaredSize > cap) over();
		try {
			total += await measureEntry(content, entry, cap);
		} catch (error) {
			if (!(error instanceof ZipError)) throw error;
			if (error.kind === "limit") over();
			throw asProblem(error);
		}
	}
	const byName = new Map(files.map((entry) => [entry.name, entry]));
	for (const required of [WORKBOOK, WORKBOOK_RELS]) {
		if (!byName.has(required)) refuse("xlsx_part_unreadable", { part: required });
	}
	const ordered: ZipCopyEntry[] = [];
	for (const name of FIRST) {
		const entry = byName.get(name);
		if (entry) ordered.push(copyOf(content, entry));
		else if (name === SHARED_STRINGS) {
			ordered.push({
				name,
				method: 0,
				crc32: crc32(EMPTY_SHARED_STRINGS),
				size: EMPTY_SHARED_STRINGS.length,
				data: EMPTY_SHARED_STRINGS,
			});
		}
	}
	for (const entry of files) {
		if (!FIRST.includes(entry.name)) ordered.push(copyOf(content, entry));
	}
	return assembleZip(ordered);
}
