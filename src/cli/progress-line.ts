import type { ImportProgress } from "../platform/imports/import-kind.ts";

/** On a terminal the line is redrawn at most this often. */
const REDRAW_MS = 100;
/** Elsewhere (a log, a pipe) a line is written each time this many more rows were checked. */
const LINE_EVERY_ROWS = 10_000;

function text(label: string, progress: ImportProgress): string {
	return `${label}: ${progress.checked} rows checked, ${progress.written} written`;
}

/**
 * The progress of a long command on stderr: one line redrawn in place on a terminal, else a
 * line every 10,000 rows (the total is not known while a file is streamed), and the last count
 * when it ends.
 *
 * @example
 * const line = progressLine("import"); line.update({ checked: 500, written: 0 }); line.end(last);
 */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
	let drawnAt = 0;
	let nextLineAt = LINE_EVERY_ROWS;
	let shown = false;
	return {
		update(progress: ImportProgress) {
			if (stream.isTTY) {
				const now = Date.now();
				if (now - drawnAt < REDRAW_MS) return;
				drawnAt = now;
				shown = true;
				stream.write(`\r${text(label, progress)}\u001b[K`);
			} else if (progress.checked >= nextLineAt) {
				nextLineAt = (Math.floor(progress.checked / LINE_EVERY_ROWS) + 1) * LINE_EVERY_ROWS;
				stream.write(`${text(label, progress)}\n`);
			}
		},
		end(progress: ImportProgress | null) {
			if (progress) stream.write(`${stream.isTTY ? "\r" : ""}${text(label, progress)}\u001b[K\n`);
			else if (shown) stream.write("\n");
		},
	};
}
