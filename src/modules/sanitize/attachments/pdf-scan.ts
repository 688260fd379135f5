import { constants, inflateSync } from "node:zlib";

/**
 * Look through a PDF's source for active content, the way an analyst would with pdfid: names are
 * normalised first (`/J#61vaScript` is `/JavaScript`), and compressed object streams are inflated
 * within limits so names hidden in them are found too. Only for the report: the sanitised output
 * is rebuilt from page images whatever this finds.
 */

/** Names whose presence means the document can act or reach out when opened or clicked. */
export const ACTIVE_PDF_NAMES = [
	"OpenAction",
	"AA",
	"JavaScript",
	"JS",
	"Launch",
	"EmbeddedFile",
	"EmbeddedFiles",
	"URI",
	"SubmitForm",
	"ImportData",
	"GoToR",
	"GoToE",
	"RichMedia",
	"XFA",
	"AcroForm",
] as const;

export interface PdfScan {
	findings: string[];
	encrypted: boolean;
	objectStreams: number;
}

const MAX_OBJECT_STREAMS = 2000;
const MAX_STREAM_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_INFLATED = 64 * 1024 * 1024;

const NAME = /\/([^\s/<>[\]()%{}]+)/g;
const ACTIVE = new Set<string>(ACTIVE_PDF_NAMES);

/** Decode `#xx` escapes in one name (PDF 1.2+). */
function decodeName(name: string): string {
	return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) =>
		String.fromCharCode(Number.parseInt(hex, 16)),
	);
}

/** Add the active names found in `source` to `found`; `where` tells the report how they were hidden. */
function scanNames(source: string, found: Set<string>, where: string): { encrypted: boolean } {
	let encrypted = false;
	for (const match of source.matchAll(NAME)) {
		const raw = match[1] ?? "";
		const name = raw.includes("#") ? decodeName(raw) : raw;
		if (name === "Encrypt") encrypted = true;
		if (!ACTIVE.has(name)) continue;
		found.add(`/${name}${where}`);
		if (raw !== name) found.add(`/${name} (hex-obfuscated as /${raw})`);
	}
	return { encrypted };
}

/** Each `stream … endstream` whose dictionary declares an object stream compressed with Flate. */
function* flateObjectStreams(source: string, content: Buffer): Generator<Buffer> {
	const streamKeyword = /stream\r?\n/g;
	let count = 0;
	// The first `endstream` at or after the last search start: reused while it is still ahead, so
	// many dictionaries sharing one far `endstream` cost one search, not one each.
	let searchedFrom = -1;
	let nextEnd = -1;
	for (const match of source.matchAll(streamKeyword)) {
		if (match.index === undefined || source.slice(match.index - 3, match.index) === "end") continue;
		const dictStart = source.lastIndexOf("obj", match.index);
		if (dictStart < 0 || match.index - dictStart > 4096) continue;
		const dictionary = source
			.slice(dictStart, match.index)
			.replace(NAME, (_, raw: string) => `/${decodeName(raw)}`);
		if (!/\/ObjStm\b/.test(dictionary) || !/\/FlateDecode\b/.test(dictionary)) continue;
		if (++count > MAX_OBJECT_STREAMS) return;
		const dataStart = match.index + match[0].length;
		if (!(searchedFrom >= 0 && searchedFrom <= dataStart && dataStart <= nextEnd)) {
			searchedFrom = dataStart;
			nextEnd = source.indexOf("endstream", dataStart);
		}
		const end = nextEnd;
		if (end < 0) return;
		yield content.subarray(dataStart, end);
	}
}

/**
 * @example
 * scanPdf(bytes).findings; // ["/OpenAction", "/JavaScript", "/JavaScript (hex-obfuscated as /J#61vaScript)"]
 */
export function scanPdf(content: Buffer): PdfScan {
	const source = content.toString("latin1");
	const found = new Set<string>();
	let { encrypted } = scanNames(source, found, "");
	let objectStreams = 0;
	let inflatedTotal = 0;
	for (const data of flateObjectStreams(source, content)) {
		objectStreams++;
		if (inflatedTotal >= MAX_TOTAL_INFLATED) {
			found.add("object streams beyond the scan limit (not scanned)");
			break;
		}
		let inflated: Buffer;
		try {
			inflated = inflateSync(data, {
				maxOutputLength: Math.min(MAX_STREAM_BYTES, MAX_TOTAL_INFLATED - inflatedTotal),
				finishFlush: constants.Z_SYNC_FLUSH,
			});
		} catch {
			found.add("object stream that does not inflate within limits (not scanned)");
			continue;
		}
		inflatedTotal += inflated.length;
		if (scanNames(inflated.toString("latin1"), found, " (in object stream)").encrypted)
			encrypted = true;
	}
	if (objectStreams > 0) found.add(`${objectStreams} compressed object stream(s) scanned`);
	return { findings: [...found], encrypted, objectStreams };
}
