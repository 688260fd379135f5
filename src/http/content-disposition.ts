/** Control characters (C0, DEL, C1) and path separators: never part of a saved file's name. */
function isUnsafeInName(char: string): boolean {
	const code = char.charCodeAt(0);
	return code < 0x20 || (code >= 0x7f && code <= 0x9f) || char === "/" || char === "\\";
}

/**
 * `Content-Disposition` for a download: `filename=` in plain ASCII without quotes, backslashes,
 * path separators or control characters (old clients save under that name), and the full UTF-8
 * name in `filename*` (RFC 6266 / 8187), which browsers prefer.
 *
 * @example
 * attachmentDisposition("廃棄証明書 2025/04.pdf")
 * // → `attachment; filename="_____ 2025_04.pdf"; filename*=UTF-8''%E5%BB%83…2025_04.pdf`
 */
export function attachmentDisposition(fileName: string): string {
	const safe =
		Array.from(fileName, (char) => (isUnsafeInName(char) ? "_" : char))
			.join("")
			.trim() || "download";
	const ascii = safe.replace(/[^\x20-\x7e]|["%]/g, "_");
	const encoded = encodeURIComponent(safe).replace(
		/['()*!]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
