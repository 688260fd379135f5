import { constants, crc32, deflateRawSync } from "node:zlib";
import { assembleZip, readZipDirectory, type ZipCopyEntry } from "../../src/shared/zip.ts";

/**
 * Workbooks that attack the XLSX reader, built without ever holding what they expand to.
 *
 * A deflate stream may be cut into pieces that each end with a full flush: byte-aligned, no
 * reference across the cut. The same compressed piece repeated N times is then a valid stream
 * that inflates to N copies of its text, so a sheet of gigabytes costs a megabyte of rows once.
 */

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>`;
const SHEET_TAIL = "</sheetData></worksheet>";
const ROW = '<row><c t="inlineStr"><is><t>資産</t></is></c></row>';

function stored(name: string, text: string): ZipCopyEntry {
	const data = Buffer.from(text);
	return { name, method: 0, crc32: crc32(data), size: data.length, data };
}

/** The parts around the sheet: content types, package and workbook relationships, workbook. */
function workbookParts(): ZipCopyEntry[] {
	return [
		stored(
			"xl/workbook.xml",
			`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="台帳" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		),
		stored(
			"xl/_rels/workbook.xml.rels",
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
		),
		stored(
			"_rels/.rels",
			'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		),
		stored(
			"[Content_Types].xml",
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
		),
	];
}

/**
 * An XLSX whose only sheet, stored before `workbook.xml` and its relationships, inflates to
 * about `megabytes` MiB of rows (3,072 gives the tester's 3 MB file of 3 GB). CRC and sizes are
 * correct, so only a bound on what is inflated stops it.
 */
export function sheetFirstBomb(megabytes: number): Buffer {
	const chunk = Buffer.from(ROW.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(ROW))));
	const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
	const head = Buffer.from(SHEET_HEAD);
	const tail = Buffer.from(SHEET_TAIL);
	const piece = deflateRawSync(chunk, flush);
	const pieces = [deflateRawSync(head, flush)];
	let crc = crc32(head);
	for (let index = 0; index < megabytes; index++) {
		pieces.push(piece);
		crc = crc32(chunk, crc);
	}
	pieces.push(deflateRawSync(tail));
	crc = crc32(tail, crc);
	const size = head.length + chunk.length * megabytes + tail.length;
	const sheet: ZipCopyEntry = {
		name: "xl/worksheets/sheet1.xml",
		method: 8,
		crc32: crc,
		size,
		data: Buffer.concat(pieces),
	};
	return assembleZip([sheet, ...workbookParts()]);
}

/** A small, valid XLSX whose sheet comes first: the order that made ExcelJS spool to disk. */
export function sheetFirst(rows: string[][]): Buffer {
	const column = (index: number) => String.fromCharCode(65 + index);
	const body = rows
		.map((cells, r) => {
			const xml = cells.map(
				(text, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${text}</t></is></c>`,
			);
			return `<row r="${r + 1}">${xml.join("")}</row>`;
		})
		.join("");
	const xml = Buffer.from(`${SHEET_HEAD}${body}${SHEET_TAIL}`);
	const sheet: ZipCopyEntry = {
		name: "xl/worksheets/sheet1.xml",
		method: 8,
		crc32: crc32(xml),
		size: xml.length,
		data: deflateRawSync(xml),
	};
	return assembleZip([sheet, ...workbookParts()]);
}

/** `workbook` with one byte of `part`'s compressed data changed. */
export function corruptPart(workbook: Buffer, part: string): Buffer {
	const entry = readZipDirectory(workbook, 100).find((candidate) => candidate.name === part);
	if (!entry) throw new Error(`no part ${part}`);
	const copy = Buffer.from(workbook);
	const at = entry.dataStart + Math.floor((entry.dataEnd - entry.dataStart) / 2);
	copy[at] = (copy[at] ?? 0) ^ 0xff;
	return copy;
}
