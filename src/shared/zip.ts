import { crc32, createInflateRaw, inflateRawSync } from "node:zlib";

/**
 * A ZIP reader that trusts nothing the archive declares: names are checked for traversal, entry
 * data ranges must not overlap (the "overlapping local headers" bomb), and inflation counts the
 * bytes it produces and aborts at the caller's limit instead of believing the declared sizes.
 */

/**
 * Why an archive cannot be read safely; `limit` errors mean a bound was hit, not corruption.
 * `entry` names the part at fault when there is one.
 */
export class ZipError extends Error {
	readonly kind: "malformed" | "limit" | "encrypted" | "traversal" | "unsupported";
	readonly entry: string | undefined;
	constructor(kind: ZipError["kind"], message: string, entry?: string) {
		super(message);
		this.name = "ZipError";
		this.kind = kind;
		this.entry = entry;
	}
}

export interface ZipEntry {
	name: string;
	method: number;
	encrypted: boolean;
	isDirectory: boolean;
	crc32: number;
	compressedSize: number;
	/** As declared by the central directory; verified against the inflated bytes. */
	declaredSize: number;
	localHeaderOffset: number;
	dataStart: number;
	dataEnd: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;

export function isZip(content: Buffer): boolean {
	return (
		content.length >= 4 &&
		content[0] === 0x50 &&
		content[1] === 0x4b &&
		((content[2] === 3 && content[3] === 4) || (content[2] === 5 && content[3] === 6))
	);
}

function findEndOfCentralDirectory(content: Buffer): number {
	const lowest = Math.max(0, content.length - MAX_EOCD_SEARCH);
	for (let at = content.length - 22; at >= lowest; at--) {
		if (content.readUInt32LE(at) === EOCD_SIGNATURE) return at;
	}
	throw new ZipError("malformed", "no end-of-central-directory record");
}

function decodeName(raw: Buffer, utf8Flag: boolean): string {
	if (utf8Flag) return raw.toString("utf8");
	// Japanese archivers write Shift_JIS names without setting the UTF-8 flag.
	for (const encoding of ["utf-8", "shift_jis"]) {
		try {
			return new TextDecoder(encoding, { fatal: true }).decode(raw);
		} catch {
			// try the next encoding
		}
	}
	return raw.toString("latin1");
}

/** Names that would escape the folder they are unpacked into, or confuse a Windows unpacker. */
export function unsafeEntryName(name: string): string | null {
	if (name.length === 0) return "empty name";
	if (name.includes("\\")) return "backslash in name";
	if (name.startsWith("/")) return "absolute path";
	if (/^[A-Za-z]:/.test(name)) return "drive letter";
	if (name.split("/").some((segment) => segment === "..")) return "parent-directory segment";
	// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
	if (/[\u0000-\u001f]/.test(name)) return "control character in name";
	return null;
}

/**
 * Read the central directory and each entry's local header.
 *
 * @throws ZipError when the structure is malformed, names are unsafe, entries overlap, or there
 *   are more than `maxEntries` entries.
 */
export function readZipDirectory(content: Buffer, maxEntries: number): ZipEntry[] {
	const eocd = findEndOfCentralDirectory(content);
	const count = content.readUInt16LE(eocd + 10);
	const cdSize = content.readUInt32LE(eocd + 12);
	const cdOffset = content.readUInt32LE(eocd + 16);
	if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
		throw new ZipError("unsupported", "ZIP64 archives are not supported");
	}
	if (count > maxEntries) {
		throw new ZipError("limit", `${count} entries, more than the limit of ${maxEntries}`);
	}
	if (cdOffset + cdSize > eocd) throw new ZipError("malformed", "central directory out of range");
	const entries: ZipEntry[] = [];
	let at = cdOffset;
	for (let index = 0; index < count; index++) {
		if (at + 46 > eocd || content.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
			throw new ZipError("malformed", "broken central directory entry");
		}
		const flags = content.readUInt16LE(at + 8);
		const method = content.readUInt16LE(at + 10);
		const nameLength = content.readUInt16LE(at + 28);
		const extraLength = content.readUInt16LE(at + 30);
		const commentLength = content.readUInt16LE(at + 32);
		const compressedSize = content.readUInt32LE(at + 20);
		const declaredSize = content.readUInt32LE(at + 24);
		const localHeaderOffset = content.readUInt32LE(at + 42);
		if (at + 46 + nameLength > eocd) throw new ZipError("malformed", "name out of range");
		const name = decodeName(content.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
		const unsafe = unsafeEntryName(name);
		if (unsafe) throw new ZipError("traversal", `unsafe entry name "${name}": ${unsafe}`, name);
		if (localHeaderOffset + 30 > cdOffset) {
			throw new ZipError("malformed", `local header of "${name}" out of range`, name);
		}
		if (content.readUInt32LE(localHeaderOffset) !== LOCAL_SIGNATURE) {
			throw new ZipError("malformed", `no local header for "${name}"`, name);
		}
		const dataStart =
			localHeaderOffset +
			30 +
			content.readUInt16LE(localHeaderOffset + 26) +
			content.readUInt16LE(localHeaderOffset + 28);
		const dataEnd = dataStart + compressedSize;
		if (dataEnd > cdOffset) throw new ZipError("malformed", `data of "${name}" out of range`, name);
		entries.push({
			name,
			method,
			encrypted: (flags & 0x1) !== 0 || method === 99,
			isDirectory: name.endsWith("/"),
			crc32: content.readUInt32LE(at + 16),
			compressedSize,
			declaredSize,
			localHeaderOffset,
			dataStart,
			dataEnd,
		});
		at += 46 + nameLength + extraLength + commentLength;
	}
	assertNoOverlap(entries);
	return entries;
}

function assertNoOverlap(entries: readonly ZipEntry[]): void {
	const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
	for (let index = 1; index < byOffset.length; index++) {
		const previous = byOffset[index - 1];
		const current = byOffset[index];
		if (previous && current && current.localHeaderOffset < previous.dataEnd) {
			throw new ZipError(
				"malformed",
				`entries "${previous.name}" and "${current.name}" overlap (a zip bomb technique)`,
			);
		}
	}
}

/**
 * Inflate one entry, producing at most `maxBytes`; checks the CRC and the declared size.
 *
 * @throws ZipError `limit` when the entry expands past `maxBytes`, `encrypted`, `unsupported`
 *   (methods other than stored and deflate) or `malformed`.
 */
export function extractEntry(content: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
	if (entry.encrypted) throw new ZipError("encrypted", `entry "${entry.name}" is encrypted`);
	const data = content.subarray(entry.dataStart, entry.dataEnd);
	let out: Buffer;
	if (entry.method === 0) {
		out = data;
		if (out.length > maxBytes) {
			throw new ZipError("limit", `entry "${entry.name}" is larger than ${maxBytes} bytes`);
		}
	} else if (entry.method === 8) {
		try {
			// maxOutputLength makes zlib count what it produces and stop at the bound.
			out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
		} catch (error) {
			if (
				error instanceof RangeError ||
				(error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
			) {
				throw new ZipError("limit", `entry "${entry.name}" expands past ${maxBytes} bytes`);
			}
			throw new ZipError("malformed", `entry "${entry.name}" does not inflate`);
		}
	} else {
		throw new ZipError(
			"unsupported",
			`entry "${entry.name}" uses compression method ${entry.method}`,
		);
	}
	if (out.length !== entry.declaredSize) {
		throw new ZipError("malformed", `entry "${entry.name}" is not the size it declares`);
	}
	if (crc32(out) >>> 0 !== entry.crc32 >>> 0) {
		throw new ZipError("malformed", `entry "${entry.name}" fails its CRC check`);
	}
	return out;
}

/**
 * Inflate one entry as a stream, keeping none of it: counts the bytes produced and stops as soon
 * as they pass `maxBytes` (whatever the archive declares), then checks the declared size and the
 * CRC. Memory stays at one zlib window however large the entry claims or turns out to be.
 *
 * @example
 * const size = await measureEntry(content, entry, 256 * 1024 * 1024); // throws ZipError "limit"
 * @throws ZipError `limit` past `maxBytes`, `encrypted`, `unsupported` or `malformed`.
 */
export async function measureEntry(
	content: Buffer,
	entry: ZipEntry,
	maxBytes: number,
): Promise<number> {
	if (entry.encrypted) {
		throw new ZipError("encrypted", `entry "${entry.name}" is encrypted`, entry.name);
	}
	const tooLarge = () =>
		new ZipError("limit", `entry "${entry.name}" expands past ${maxBytes} bytes`, entry.name);
	if (entry.declaredSize > maxBytes) throw tooLarge();
	const data = content.subarray(entry.dataStart, entry.dataEnd);
	let size = 0;
	let crc = 0;
	if (entry.method === 0) {
		size = data.length;
		if (size > maxBytes) throw tooLarge();
		crc = crc32(data);
	} else if (entry.method === 8) {
		await new Promise<void>((resolve, reject) => {
			const inflater = createInflateRaw();
			inflater.on("data", (chunk: Buffer) => {
				size += chunk.length;
				if (size > maxBytes) {
					inflater.destroy();
					reject(tooLarge());
					return;
				}
				crc = crc32(chunk, crc);
			});
			inflater.on("end", () => resolve());
			inflater.on("error", () =>
				reject(new ZipError("malformed", `entry "${entry.name}" does not inflate`, entry.name)),
			);
			inflater.end(data);
		});
	} else {
		throw new ZipError(
			"unsupported",
			`entry "${entry.name}" uses compression method ${entry.method}`,
			entry.name,
		);
	}
	if (size !== entry.declaredSize) {
		throw new ZipError(
			"malformed",
			`entry "${entry.name}" is not the size it declares`,
			entry.name,
		);
	}
	if (crc >>> 0 !== entry.crc32 >>> 0) {
		throw new ZipError("malformed", `entry "${entry.name}" fails its CRC check`, entry.name);
	}
	return size;
}

/** An entry to copy into a new archive as it is: already compressed by `method` (0 or 8). */
export interface ZipCopyEntry {
	name: string;
	method: number;
	crc32: number;
	/** Uncompressed size. */
	size: number;
	/** The entry's bytes as stored (compressed when `method` is 8). */
	data: Uint8Array;
}

/** The bytes of `entry` as stored in `content`, ready for `assembleZip`. */
export function copyOf(content: Buffer, entry: ZipEntry): ZipCopyEntry {
	return {
		name: entry.name,
		method: entry.method,
		crc32: entry.crc32,
		size: entry.declaredSize,
		data: content.subarray(entry.dataStart, entry.dataEnd),
	};
}

/**
 * Write an archive from entries that are already compressed, in the order given, without
 * inflating anything: sizes go in the local headers (no data descriptors), names are UTF-8.
 *
 * @example
 * const reordered = assembleZip(entries.reverse().map((entry) => copyOf(content, entry)));
 */
export function assembleZip(entries: readonly ZipCopyEntry[]): Buffer {
	const chunks: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, "utf8");
		const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
		const header = Buffer.alloc(30);
		header.writeUInt32LE(LOCAL_SIGNATURE, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(0x0800, 6);
		header.writeUInt16LE(entry.method, 8);
		header.writeUInt16LE(0x0021, 12);
		header.writeUInt32LE(entry.crc32 >>> 0, 14);
		header.writeUInt32LE(data.length, 18);
		header.writeUInt32LE(entry.size, 22);
		header.writeUInt16LE(name.length, 26);
		const record = Buffer.alloc(46);
		record.writeUInt32LE(CENTRAL_SIGNATURE, 0);
		record.writeUInt16LE(20, 4);
		record.writeUInt16LE(20, 6);
		record.writeUInt16LE(0x0800, 8);
		record.writeUInt16LE(entry.method, 10);
		record.writeUInt16LE(0x0021, 14);
		record.writeUInt32LE(entry.crc32 >>> 0, 16);
		record.writeUInt32LE(data.length, 20);
		record.writeUInt32LE(entry.size, 24);
		record.writeUInt16LE(name.length, 28);
		record.writeUInt32LE(offset, 42);
		chunks.push(header, name, data);
		central.push(record, name);
		offset += header.length + name.length + data.length;
	}
	const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(EOCD_SIGNATURE, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...chunks, ...central, end]);
}
