import type { ImportedRevision, ImportWarning } from "./import.schemas.ts";
import { cleanText, recognitionForm, recognitionView, type SourceLine } from "./normalize.ts";
import { appendLine, joinLines, type Paragraph } from "./paragraphs.ts";
import { parseDateAtStart } from "./wareki.ts";

export interface RevisionTable {
	revisions: ImportedRevision[];
	/** Indices into the line list (from, to exclusive) that the table occupied, captions included. */
	span: { from: number; to: number } | null;
	warnings: ImportWarning[];
}

interface Row {
	no: number | null;
	date: string;
	dateText: string;
	line: number;
	paragraphs: Paragraph[];
}

/** 「改 定 履 歴」, 「改訂履歴」, 「制定・改正の経過」 … once the spaces are gone. */
function isCaption(text: string): boolean {
	if (text.length > 40) return false;
	const compact = recognitionForm(text).replace(/\s+/gu, "");
	return /^(?:制定・?)?(?:改定|改訂|改正|変更)(?:の)?(?:履歴|経過|経緯|記録)$|^沿革$/u.test(
		compact,
	);
}

/** A table header such as 「No 年 月 主な改定内容」 or 「改定年月日 改定内容」. */
function isHeader(text: string): boolean {
	if (text.length > 80) return false;
	const compact = recognitionForm(text).replace(/\s+/gu, "");
	return (
		compact.length <= 40 &&
		/年月|日付|年度/u.test(compact) &&
		/内容|概要|事項|改定|改訂|改正/u.test(compact) &&
		!/[。、]/u.test(compact)
	);
}

/** A row starts with an optional number and a date: 「4 平成30 年6 月」, 「令和5年9月 一部改定」. */
function rowStart(text: string): Omit<Row, "line" | "paragraphs"> & { rest: string } {
	const view = recognitionView(text);
	const numbered = /^(\d{1,3})(?:\s*[.、版]\s*|\s+)(?=\S)/u.exec(view.text);
	const afterNumber = numbered ? text.slice(view.originalIndex(numbered[0].length)) : text;
	const date = parseDateAtStart(afterNumber);
	if (!date) return { no: null, date: "", dateText: "", rest: "" };
	return {
		no: numbered ? Number(numbered[1]) : null,
		date: date.iso,
		dateText: date.text,
		rest: afterNumber.slice(date.length).trim(),
	};
}

function parseRows(
	lines: SourceLine[],
	from: number,
	stop: (line: SourceLine) => boolean,
): { rows: Row[]; end: number } {
	const rows: Row[] = [];
	let index = from;
	for (; index < lines.length; index++) {
		const line = lines[index];
		if (!line) break;
		const start = rowStart(line.text);
		if (start.date !== "") {
			const paragraphs = start.rest === "" ? [] : [[start.rest]];
			rows.push({ ...start, line: line.no, paragraphs });
			continue;
		}
		if (isCaption(line.text)) return { rows, end: index + 1 };
		const current = rows.at(-1);
		if (!current || stop(line)) break;
		appendLine(current.paragraphs, line, false);
	}
	return { rows, end: index };
}

function present(rows: Row[]): { revisions: ImportedRevision[]; warnings: ImportWarning[] } {
	const warnings: ImportWarning[] = [];
	rows.forEach((row, i) => {
		const previous = rows[i - 1];
		if (row.no !== null && previous?.no != null && row.no !== previous.no + 1) {
			warnings.push({
				code: "revision_numbering_gap",
				params: { no: row.no, previous: previous.no },
				line: row.line,
				message: `revision row ${row.no} follows row ${previous.no}`,
			});
		}
		if (row.paragraphs.length === 0) {
			warnings.push({
				code: "revision_without_summary",
				params: { date: row.dateText },
				line: row.line,
				message: `revision ${row.dateText} has no description`,
			});
		}
	});
	const revisions = rows.map((row) => ({
		no: row.no,
		date: row.date,
		dateText: row.dateText,
		summary: row.paragraphs.map((p) => cleanText(joinLines(p))).join("\n"),
		line: row.line,
	}));
	return { revisions, warnings };
}

/**
 * Find a revision-history table (改定履歴) and read its rows. PDF extraction may put the caption
 * before or after the rows; a header line 「No 年 月 主な改定内容」 is optional when a caption is
 * there. Multi-line descriptions with ・bullets stay with their row.
 *
 * @param isHeading tells where the table ends when no caption closes it.
 */
export function extractRevisionTable(
	lines: SourceLine[],
	isHeading: (line: SourceLine) => boolean,
): RevisionTable {
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (!line || !(isCaption(line.text) || isHeader(line.text))) continue;
		let first = i;
		while (isMarker(lines[first])) first++;
		const after = parseRows(lines, first, isHeading);
		if (after.rows.length > 0) {
			return { ...present(after.rows), span: { from: i, to: after.end } };
		}
		// Caption printed below the table and no header: the rows are right above it.
		const before = parseRows(lines, 0, isHeading);
		if (before.rows.length > 0 && before.end >= i) {
			return { ...present(before.rows), span: { from: 0, to: Math.max(first, before.end) } };
		}
	}
	return { revisions: [], span: null, warnings: [] };
}

function isMarker(line: SourceLine | undefined): boolean {
	return line !== undefined && (isCaption(line.text) || isHeader(line.text));
}
