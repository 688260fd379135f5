import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The poppler tools PDF attachments are rebuilt with (sanitize-pdf.ts runs them from PATH). */
export const PDF_TOOLS = ["pdfinfo", "pdftoppm"] as const;

/** The Debian package that brings them, and the command that installs it. */
export const PDF_TOOLS_PACKAGE = "poppler-utils";
export const PDF_TOOLS_INSTALL = `apt-get install ${PDF_TOOLS_PACKAGE}`;

function executableIn(directory: string, tool: string): boolean {
	try {
		accessSync(join(directory, tool), constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * The PDF tools missing from `PATH` (the same lookup `execFile` does): while any is missing,
 * every PDF attachment is held instead of rebuilt from page images.
 *
 * @example
 * missingPdfTools("/usr/local/bin:/usr/bin"); // [] with poppler-utils installed
 */
export function missingPdfTools(path = process.env.PATH ?? ""): string[] {
	const directories = path.split(delimiter).filter((d) => d !== "");
	return PDF_TOOLS.filter((tool) => !directories.some((d) => executableIn(d, tool)));
}

/**
 * The start-up notice (Japanese, then English) when PDF tools are missing, or null when they are
 * all there.
 *
 * @example
 * const notice = pdfToolsNotice(); // "PDF 添付は保留されます（pdftoppm が見つかりません）…"
 */
export function pdfToolsNotice(path = process.env.PATH ?? ""): string | null {
	const missing = missingPdfTools(path);
	if (missing.length === 0) return null;
	const tools = missing.join(", ");
	return [
		`注意: PDF 添付は無害化できないため保留されます（${tools} が見つかりません）。` +
			`${PDF_TOOLS_PACKAGE} をインストールして再起動してください: ${PDF_TOOLS_INSTALL}`,
		`Notice: PDF attachments will be held, not rebuilt (${tools} not found on PATH). ` +
			`Install ${PDF_TOOLS_PACKAGE} and restart: ${PDF_TOOLS_INSTALL}`,
	].join("\n");
}
