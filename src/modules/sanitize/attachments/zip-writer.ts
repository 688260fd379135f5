import { crc32, deflateRawSync } from "node:zlib";

/**
 * Write a new ZIP. Node's zlib deflates several times faster than a JavaScript deflate (see
 * bench/sanitize-attachments.ts), and sanitised archives are written fresh, never patched.
 * Names are UTF-8 (flag 11); timestamps are fixed, so the same input gives the same bytes.
 */

export interface ZipWriteEntry {
	name: string;
	data: Uint8Array;
	/** Deflate (text, XML) or store (already-compressed media, PDFs, archives). */
	compress: boolean;
}

const DOS_DATE_1980_01_01 = 0x0021;
const UTF8_FLAG = 0x0800;

export function writeZip(entries: readonly ZipWriteEntry[]): Buffer {
	const chunks: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, "utf8");
		const raw = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
		const deflated = entry.compress ? deflateRawSync(raw, { level: 6 }) : raw;
		// Deflate only when it pays: tiny or random data is stored.
		const stored = !entry.compress || deflated.length >= raw.length;
		const data = stored ? raw : deflated;
		const crc = crc32(raw) >>> 0;
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(UTF8_FLAG, 6);
		header.writeUInt16LE(stored ? 0 : 8, 8);
		header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
		header.writeUInt32LE(crc, 14);
		header.writeUInt32LE(data.length, 18);
		header.writeUInt32LE(raw.length, 22);
		header.writeUInt16LE(name.length, 26);
		const record = Buffer.alloc(46);
		record.writeUInt32LE(0x02014b50, 0);
		record.writeUInt16LE(20, 4);
		record.writeUInt16LE(20, 6);
		record.writeUInt16LE(UTF8_FLAG, 8);
		record.writeUInt16LE(stored ? 0 : 8, 10);
		record.writeUInt16LE(DOS_DATE_1980_01_01, 14);
		record.writeUInt32LE(crc, 16);
		record.writeUInt32LE(data.length, 20);
		record.writeUInt32LE(raw.length, 24);
		record.writeUInt16LE(name.length, 28);
		record.writeUInt32LE(offset, 42);
		chunks.push(header, name, data);
		central.push(record, name);
		offset += header.length + name.length + data.length;
	}
	const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, ...central, end]);
}
