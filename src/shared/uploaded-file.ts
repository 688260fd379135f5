import { createHash } from "node:crypto";
import { ruleIssue, tooLarge } from "./issues.ts";
import { Problem } from "./problem.ts";

/**
 * Files people keep as evidence (erasure certificates, incident evidence): decoded from base64
 * within a size limit, typed from their first bytes, and kept with the SHA-256 of their bytes.
 */

/** The SHA-256 of bytes, lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
	return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The media type of a kept file, read from its first bytes, never from the name the browser
 * sent: PDF, PNG or JPEG; anything else is kept as an opaque file (and downloaded as one).
 */
export function sniffMediaType(bytes: Uint8Array): string {
	const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
	if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
	if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
	return "application/octet-stream";
}

/**
 * Decode an upload, refusing an empty one or one over `maxBytes`.
 *
 * @throws Problem `validation_failed` (issue `file_empty`) or `payload_too_large`
 * @example
 * const bytes = decodeUpload(body.contentBase64, 10 * 1024 * 1024);
 */
export function decodeUpload(contentBase64: string, maxBytes: number): Uint8Array {
	const bytes = Buffer.from(contentBase64, "base64");
	if (bytes.length === 0) {
		throw new Problem("validation_failed", "the file is empty", {
			issues: [ruleIssue("contentBase64", "file_empty", "empty file")],
		});
	}
	if (bytes.length > maxBytes) {
		throw tooLarge(`a file may hold ${maxBytes} bytes`, maxBytes);
	}
	return new Uint8Array(bytes);
}
