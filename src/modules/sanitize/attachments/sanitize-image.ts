import { because } from "../sanitize.contract.ts";
import { decodeBmp } from "./bmp-decode.ts";
import type { DetectedType } from "./detect-type.ts";
import type { SanitizerResult } from "./process-attachment.ts";

/** Images larger than this are held: decoding them would take too much memory. */
export const MAX_IMAGE_PIXELS = 40_000_000;

interface RawPixels {
	data: Buffer;
	info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** Decode to pixels, noting what metadata the original carried. */
async function decodePixels(
	content: Buffer,
	detected: DetectedType,
	findings: string[],
): Promise<RawPixels> {
	if (detected.trueType === "image/bmp") {
		const bitmap = decodeBmp(content, MAX_IMAGE_PIXELS);
		return { data: bitmap.data, info: bitmap };
	}
	const { default: sharp } = await import("sharp");
	const source = sharp(content, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" });
	const metadata = await source.metadata();
	if (metadata.exif) findings.push("EXIF metadata");
	if (metadata.xmp) findings.push("XMP metadata");
	if (metadata.iptc) findings.push("IPTC metadata");
	if (metadata.icc) findings.push("ICC profile");
	if ((metadata.pages ?? 1) > 1) findings.push(`${metadata.pages} frames (first kept)`);
	return source.rotate().raw().toBuffer({ resolveWithObject: true });
}

/**
 * Decode to raw pixels and encode a fresh file, so nothing but pixels survives: no EXIF (GPS),
 * XMP, IPTC, ICC profile, comments or trailing data. PNG stays PNG, JPEG stays JPEG, the rest
 * become PNG. EXIF orientation is applied first so the picture still looks the same.
 */
export async function sanitizeImage(
	content: Buffer,
	detected: DetectedType,
): Promise<SanitizerResult> {
	const { default: sharp } = await import("sharp");
	sharp.cache(false);
	const findings: string[] = [];
	let raw: RawPixels;
	try {
		raw = await decodePixels(content, detected, findings);
	} catch (error) {
		const message = (error as Error).message;
		return {
			ok: false,
			...(/pixel limit|larger than/i.test(message)
				? because("image_too_large", `image larger than ${MAX_IMAGE_PIXELS} pixels`, {
						max: MAX_IMAGE_PIXELS,
					})
				: because("image_unreadable", `image does not decode: ${message}`)),
			findings,
		};
	}
	const { width, height, channels } = raw.info;
	const fresh = sharp(raw.data, { raw: { width, height, channels } });
	const jpeg = detected.trueType === "image/jpeg";
	const encoded = jpeg
		? await fresh.jpeg({ quality: 90 }).toBuffer()
		: await fresh.png({ compressionLevel: 6 }).toBuffer();
	return {
		ok: true,
		content: encoded,
		contentType: jpeg ? "image/jpeg" : "image/png",
		extension: jpeg ? "jpg" : "png",
		...because("image_reencoded", "re-encoded from pixels without metadata"),
		findings,
	};
}
