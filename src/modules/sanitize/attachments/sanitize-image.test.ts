import assert from "node:assert/strict";
import { test } from "node:test";
import sharp from "sharp";
import { bmpImage, jpegWithGps } from "../../../../tests/helpers/attachment-corpus.ts";
import { decodeBmp } from "./bmp-decode.ts";
import { detectType } from "./detect-type.ts";
import { sanitizeImage } from "./sanitize-image.ts";

test("a JPEG with EXIF GPS comes back as a JPEG without any metadata", async () => {
	const original = await jpegWithGps();
	assert.ok((await sharp(original).metadata()).exif, "the fixture carries EXIF");
	assert.ok(original.includes("GPS-Leak 1"));
	const result = await sanitizeImage(original, await detectType(original));
	assert.ok(result.ok);
	assert.equal(result.contentType, "image/jpeg");
	const metadata = await sharp(result.content).metadata();
	assert.equal(metadata.exif, undefined);
	assert.equal(metadata.xmp, undefined);
	assert.equal(metadata.icc, undefined);
	assert.ok(!result.content.includes("Exif"), "no APP1 Exif segment");
	assert.ok(!result.content.includes("GPS-Leak 1"));
	assert.deepEqual([metadata.width, metadata.height], [64, 48]);
	assert.ok(result.findings.includes("EXIF metadata"));
});

test("GIF, WebP and TIFF become PNG; trailing data does not survive", async () => {
	const base = sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } });
	for (const format of ["gif", "webp", "tiff"] as const) {
		const image = await base.clone().toFormat(format).toBuffer();
		const smuggled = Buffer.concat([image, Buffer.from("<script>alert(1)</script>")]);
		const result = await sanitizeImage(smuggled, await detectType(smuggled));
		assert.ok(result.ok, format);
		assert.equal(result.contentType, "image/png", format);
		assert.ok(!result.content.includes("<script>"), format);
		assert.equal((await sharp(result.content).metadata()).format, "png");
	}
});

test("images over the pixel limit or that do not decode are held", async () => {
	// A PNG header claiming 100000 × 100000 pixels.
	const huge = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
		.png()
		.toBuffer();
	huge.writeUInt32BE(100_000, 16);
	huge.writeUInt32BE(100_000, 20);
	const result = await sanitizeImage(huge, await detectType(huge));
	assert.equal(result.ok, false);
	const truncated = (await jpegWithGps()).subarray(0, 200);
	assert.equal((await sanitizeImage(truncated, await detectType(truncated))).ok, false);
});

test("a BMP is decoded here and delivered as a PNG with the same pixels", async () => {
	const bmp = bmpImage();
	const detected = await detectType(bmp);
	assert.equal(detected.trueType, "image/bmp");
	const result = await sanitizeImage(bmp, detected);
	assert.ok(result.ok, result.ok ? "" : result.reason);
	assert.equal(result.contentType, "image/png");
	const { data, info } = await sharp(result.content).raw().toBuffer({ resolveWithObject: true });
	assert.deepEqual([info.width, info.height, info.channels], [2, 2, 3]);
	assert.deepEqual([...data], [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
	assert.throws(() => decodeBmp(bmp, 3), /larger than 3 pixels/);
	const rle = Buffer.from(bmp);
	rle.writeUInt32LE(1, 30);
	assert.throws(() => decodeBmp(rle, 100), /compressed/);
	assert.throws(() => decodeBmp(bmp.subarray(0, 60), 100), /truncated/);
});
