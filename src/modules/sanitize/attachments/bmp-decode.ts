/**
 * A small decoder for uncompressed Windows bitmaps (the image library we use has no BMP loader):
 * 1, 4 and 8 bits with a palette, 24 bits, and 32 bits (BI_RGB or the usual BI_BITFIELDS masks).
 * Compressed (RLE, embedded JPEG/PNG) bitmaps are refused.
 */

export interface RawImage {
	width: number;
	height: number;
	channels: 3 | 4;
	data: Buffer;
}

export class BmpError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "BmpError";
	}
}

/** Bit position and width of a channel mask, e.g. 0x00ff0000 → shift 16, 8 bits. */
function maskShift(mask: number): number {
	let shift = 0;
	while (shift < 32 && ((mask >>> shift) & 1) === 0) shift++;
	return shift;
}

/**
 * @throws BmpError for anything malformed, compressed, or larger than `maxPixels`.
 */
export function decodeBmp(content: Buffer, maxPixels: number): RawImage {
	if (content.length < 54 || content.toString("latin1", 0, 2) !== "BM")
		throw new BmpError("not a bitmap");
	const dataOffset = content.readUInt32LE(10);
	const headerSize = content.readUInt32LE(14);
	if (headerSize < 40 || 14 + headerSize > content.length)
		throw new BmpError("unsupported bitmap header");
	const width = content.readInt32LE(18);
	const rawHeight = content.readInt32LE(22);
	const bits = content.readUInt16LE(28);
	const compression = content.readUInt32LE(30);
	const height = Math.abs(rawHeight);
	const topDown = rawHeight < 0;
	if (width <= 0 || height <= 0) throw new BmpError("empty bitmap");
	if (width * height > maxPixels) throw new BmpError(`bitmap larger than ${maxPixels} pixels`);
	const bitfields = compression === 3 && bits === 32;
	if (compression !== 0 && !bitfields) throw new BmpError("compressed bitmaps are not supported");
	if (![1, 4, 8, 24, 32].includes(bits))
		throw new BmpError(`${bits}-bit bitmaps are not supported`);
	const stride = Math.ceil((width * bits) / 32) * 4;
	if (dataOffset + stride * height > content.length) throw new BmpError("bitmap data is truncated");

	const paletteStart = 14 + headerSize + (compression === 3 && headerSize === 40 ? 12 : 0);
	const colours = bits <= 8 ? Math.min(content.readUInt32LE(46) || 2 ** bits, 2 ** bits) : 0;
	if (bits <= 8 && paletteStart + colours * 4 > dataOffset)
		throw new BmpError("bitmap palette is truncated");
	const masks = bitfields
		? [
				content.readUInt32LE(54),
				content.readUInt32LE(58),
				content.readUInt32LE(62),
				headerSize >= 56 ? content.readUInt32LE(66) : 0,
			]
		: [0x00ff0000, 0x0000ff00, 0x000000ff, 0];
	const alpha = bits === 32 && (masks[3] ?? 0) !== 0;
	const channels: 3 | 4 = alpha ? 4 : 3;
	const out = Buffer.alloc(width * height * channels);
	for (let y = 0; y < height; y++) {
		const row = dataOffset + (topDown ? y : height - 1 - y) * stride;
		for (let x = 0; x < width; x++) {
			let r: number;
			let g: number;
			let b: number;
			let a = 255;
			if (bits === 24) {
				b = content[row + x * 3] ?? 0;
				g = content[row + x * 3 + 1] ?? 0;
				r = content[row + x * 3 + 2] ?? 0;
			} else if (bits === 32) {
				const pixel = content.readUInt32LE(row + x * 4);
				const channel = (mask: number) =>
					mask === 0 ? 0 : ((pixel & mask) >>> maskShift(mask)) & 0xff;
				r = channel(masks[0] ?? 0);
				g = channel(masks[1] ?? 0);
				b = channel(masks[2] ?? 0);
				if (alpha) a = channel(masks[3] ?? 0);
			} else {
				const bitOffset = x * bits;
				const byte = content[row + (bitOffset >> 3)] ?? 0;
				const index = (byte >> (8 - bits - (bitOffset & 7))) & ((1 << bits) - 1);
				if (index >= colours) throw new BmpError("palette index out of range");
				const entry = paletteStart + index * 4;
				b = content[entry] ?? 0;
				g = content[entry + 1] ?? 0;
				r = content[entry + 2] ?? 0;
			}
			const at = (y * width + x) * channels;
			out[at] = r;
			out[at + 1] = g;
			out[at + 2] = b;
			if (alpha) out[at + 3] = a;
		}
	}
	return { width, height, channels, data: out };
}
