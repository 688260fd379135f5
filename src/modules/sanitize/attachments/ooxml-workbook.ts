/**
 * Excel-specific edits of the rebuild: sheets whose part was dropped leave the workbook, defined
 * names that run code go, and DDE formulas (`=cmd|' /C calc'!A0`) lose their formula but keep the
 * value Excel cached for them.
 */

export interface Edit {
	xml: string;
	/** What was taken out, worded for the report. */
	removed: string[];
}

function attribute(element: string, name: string): string | undefined {
	const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(element);
	return match ? (match[2] ?? match[3] ?? "") : undefined;
}

function unescapeXml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&amp;/g, "&");
}

/** A formula with a `|` outside string literals is a DDE call: Excel has no `|` operator. */
export function isDdeFormula(formula: string): boolean {
	return formula.replace(/"(?:[^"]|"")*"/g, "").includes("|");
}

/** Names Excel runs by themselves (`Auto_Open` and friends) or that are XLM macros. */
const AUTO_NAME = /^(_xlnm\.)?auto_(open|close|activate|deactivate)/i;

function refersToSheet(formula: string, sheets: readonly string[]): string | undefined {
	const lower = formula.toLowerCase();
	return sheets.find((sheet) => {
		const name = sheet.toLowerCase();
		return lower.includes(`'${name.replace(/'/g, "''")}'!`) || lower.includes(`${name}!`);
	});
}

/**
 * Rewrite `xl/workbook.xml` after the relationships in `droppedIds` went: their `<sheet>`
 * elements go, sheet indexes (`localSheetId`, `activeTab`) follow, and defined names that run
 * code, call DDE or point into a dropped sheet go.
 *
 * @example
 * editWorkbook(xml, new Set(["rId3"]), false).removed; // ["defined name _xlnm.Auto_Open (runs when the workbook opens)"]
 */
export function editWorkbook(
	xml: string,
	droppedIds: ReadonlySet<string>,
	externalLinksDropped: boolean,
): Edit {
	const removed: string[] = [];
	const sheets = [...xml.matchAll(/<sheet\b[^>]*?\/>/g)].map((match) => ({
		xml: match[0],
		name: unescapeXml(attribute(match[0], "name") ?? ""),
		gone: droppedIds.has(attribute(match[0], "r:id") ?? ""),
	}));
	const goneNames = sheets.filter((sheet) => sheet.gone).map((sheet) => sheet.name);
	const newIndex: (number | null)[] = [];
	let kept = 0;
	for (const sheet of sheets) newIndex.push(sheet.gone ? null : kept++);
	let out = xml;
	for (const sheet of sheets) if (sheet.gone) out = out.replace(sheet.xml, "");

	out = out.replace(
		/<definedName\b([^>]*?)(\/>|>([\s\S]*?)<\/definedName>)/g,
		(whole, attrs: string, _end: string, body: string | undefined) => {
			const name = unescapeXml(attribute(attrs, "name") ?? "");
			const formula = unescapeXml(body ?? "");
			const local = attribute(attrs, "localSheetId");
			const sheetIndex = local === undefined ? undefined : Number(local);
			let why: string | undefined;
			if (AUTO_NAME.test(name)) why = "runs when the workbook opens or closes";
			else if (/^(1|true)$/.test(attribute(attrs, "xlm") ?? "")) why = "Excel 4 macro";
			else if (/^(1|true)$/.test(attribute(attrs, "vbProcedure") ?? "")) why = "macro procedure";
			else if (isDdeFormula(formula)) why = "DDE call";
			else if (sheetIndex !== undefined && newIndex[sheetIndex] === null)
				why = "belongs to a removed sheet";
			else {
				const sheet = refersToSheet(formula, goneNames);
				if (sheet !== undefined) why = `refers to the removed sheet ${sheet}`;
				else if (externalLinksDropped && /\[\d+\]/.test(formula))
					why = "refers to a removed external link";
			}
			if (why !== undefined) {
				removed.push(`defined name ${name} (${why})`);
				return "";
			}
			if (sheetIndex === undefined || goneNames.length === 0) return whole;
			return whole.replace(
				/(\slocalSheetId\s*=\s*["'])(\d+)/,
				(_m, lead: string) => `${lead}${newIndex[sheetIndex] ?? 0}`,
			);
		},
	);
	out = out.replace(/<definedNames\b[^>]*>\s*<\/definedNames>|<definedNames\s*\/>/g, "");
	if (goneNames.length > 0) {
		out = out.replace(/\s(activeTab|firstSheet)\s*=\s*"(\d+)"/g, (_m, key: string, at: string) => {
			const index = newIndex[Number(at)];
			return index === null || index === undefined ? "" : ` ${key}="${index}"`;
		});
	}
	return { xml: out, removed };
}

/**
 * Drop DDE formulas from a worksheet: the `<f>` element goes, the cell keeps its cached value.
 * Shared formulas that depended on a dropped one go too.
 */
export function stripDdeFormulas(xml: string, part: string): Edit {
	if (!xml.includes("|")) return { xml, removed: [] };
	const removed: string[] = [];
	const sharedGone = new Set<string>();
	// `(?<!\/)`: a self-closing `<c r="A1"/>` is not the start of a cell with content.
	let out = xml.replace(
		/<c(\s[^>]*)?(?<!\/)>([\s\S]*?)<\/c>/g,
		(whole, attrs: string | undefined, inner: string) => {
			const formula = /<f\b([^>]*)>([\s\S]*?)<\/f>/.exec(inner);
			if (!formula || !isDdeFormula(unescapeXml(formula[2] ?? ""))) return whole;
			const shared = attribute(formula[1] ?? "", "si");
			if (shared !== undefined) sharedGone.add(shared);
			removed.push(`DDE formula in ${part} cell ${attribute(attrs ?? "", "r") ?? "?"}`);
			return `<c${attrs ?? ""}>${inner.replace(formula[0], "")}</c>`;
		},
	);
	if (sharedGone.size > 0) {
		out = out.replace(/<f\b[^>]*\/>/g, (element) =>
			sharedGone.has(attribute(element, "si") ?? "") ? "" : element,
		);
	}
	// Conditional formats and validations evaluate formulas too.
	out = out.replace(
		/<((?:x14:)?(?:cfRule|dataValidation))\b[^>]*>([\s\S]*?)<\/\1>/g,
		(whole, element: string, inner: string) => {
			const formulas = [...inner.matchAll(/<(?:xm:f|formula\d?)>([\s\S]*?)<\//g)];
			if (!formulas.some((match) => isDdeFormula(unescapeXml(match[1] ?? "")))) return whole;
			removed.push(`DDE formula in ${part} (${element})`);
			return "";
		},
	);
	return { xml: out, removed };
}
