import { crc32, deflateRawSync } from "node:zlib";
import { assembleZip } from "../../../shared/zip.ts";

/**
 * Write a new ZIP. Node's zlib deflates several times faster than a JavaScript deflate (see
 * bench/sanitize-attachments.ts), and sanitised archives are written fresh, never patched.
 * The container itself (UTF-8 names, fixed timestamps, so the same input gives the same bytes) is
 * `assembleZip` of src/shared/zip.ts; this only decides, per entry, what to compress.
 */

export interface ZipWriteEntry {
	name: string;
	data: Uint8Array;
	/** Deflate (text, XML) or store (already-compressed media, PDFs, archives). */
	compress: boolean;
}

export function writeZip(entries: readonly ZipWriteEntry[]): Buffer {
	return assembleZip(
		entries.map((entry) => {
			const raw = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
			const deflated = entry.compress ? deflateRawSync(raw, { level: 6 }) : raw;
			// Deflate only when it pays: tiny or random data is stored.
			const stored = !entry.compress || deflated.length >= raw.length;
			return {
				name: entry.name,
				method: stored ? 0 : 8,
				crc32: crc32(raw) >>> 0,
				size: raw.length,
				data: stored ? raw : deflated,
			};
		}),
	);
}
