import type { AttachmentInput } from "../sanitize.contract.ts";
import { recogniseDeclaredType, recogniseName, strictness } from "./active-formats.ts";
import type { DetectedType } from "./detect-type.ts";

/**
 * The strictest of content, name and declared type: text (or an Office document written as text)
 * whose name or declared type is a format Windows, Office or a browser open as active is treated
 * as that format. Binary formats keep their content's verdict: their sanitiser rebuilds them and
 * the delivered copy takes the content's extension, so the name cannot make it run.
 *
 * @example
 * escalate(plainText, { filename: "readme.url", declaredType: "text/plain", content });
 * // { category: "script", format: "Internet shortcut", … }
 */
export function escalate(detected: DetectedType, input: AttachmentInput): DetectedType {
	if (detected.category !== "text" && detected.category !== "office-text") return detected;
	let result = detected;
	const claims = [
		["name", recogniseName(input.filename)],
		["declared type", recogniseDeclaredType(input.declaredType)],
	] as const;
	for (const [source, found] of claims) {
		if (found && strictness(found.category) > strictness(result.category)) {
			result = {
				...result,
				category: found.category,
				trueType: found.trueType,
				format: `${found.format} (by its ${source})`,
				findings: [...result.findings, `${found.format} by its ${source}`],
			};
		}
	}
	return result;
}
