import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The text of a PDF through poppler's `pdftotext` (pdfkit writes glyph ids, so the bytes hold no
 * readable text), or null where poppler-utils is not installed.
 */
export function pdfText(bytes: Uint8Array): string | null {
	const dir = mkdtempSync(join(tmpdir(), "mamori-pdf-"));
	try {
		const file = join(dir, "out.pdf");
		writeFileSync(file, bytes);
		const run = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
		return run.status === 0 ? run.stdout : null;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
