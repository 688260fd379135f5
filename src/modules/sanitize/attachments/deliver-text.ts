import {
	type AttachmentInput,
	type AttachmentOutcome,
	because,
	type CodedReason,
} from "../sanitize.contract.ts";
import { recogniseContent } from "./active-formats.ts";
import type { DetectedType } from "./detect-type.ts";
import { officeTextOf } from "./office-text.ts";
import { charsetName, decodeAttachmentText, deliverText } from "./text-output.ts";

type Decision = Pick<AttachmentOutcome, "action" | "reason" | "findings" | "output">;

/**
 * Text and Office documents written as text, as the recipient gets them: text as UTF-8 text
 * (CSV neutralised) under its name; an Office document's text as `.txt`. Whatever comes out is
 * checked again against every active format; what fails is removed, never delivered.
 */
export function deliverTextFile(input: AttachmentInput, detected: DetectedType): Decision {
	const findings = [...detected.findings];
	const removed = (reason: CodedReason): Decision => ({ action: "removed", ...reason, findings });
	if (detected.category === "office-text") {
		const decoded = decodeAttachmentText(input.content, input.declaredCharset);
		const what = detected.format ?? "Office document written as text";
		const text = officeTextOf(decoded.text, recogniseContent(decoded.text));
		if (text === null) {
			return removed(
				because("office_text_no_conversion", `${what} has no text conversion; removed`),
			);
		}
		const stem = input.filename.replace(/\.[^./\\]*$/, "") || "attachment";
		const delivery = deliverText(`${stem}.txt`, Buffer.from(text, "utf8"), "utf-8");
		if ("refused" in delivery)
			return removed(
				because(
					"office_text_active",
					`${what}: its text is itself active (${delivery.refused}); removed`,
				),
			);
		return {
			action: "sanitized",
			...because(
				"office_text_converted",
				`${what} converted to plain text (.txt); fields, formulas, macros and embedded objects dropped`,
			),
			findings,
			output: {
				filename: delivery.filename,
				contentType: delivery.contentType,
				content: delivery.content,
			},
		};
	}
	const delivery = deliverText(
		input.filename,
		input.content,
		input.declaredCharset,
		detected.charset,
	);
	if ("refused" in delivery)
		return removed(
			because(
				"text_active",
				`${delivery.refused} found in the decoded text; not delivered as text`,
			),
		);
	const output = {
		filename: delivery.filename,
		contentType: delivery.contentType,
		content: delivery.content,
	};
	if (delivery.content.equals(input.content)) {
		return {
			action: "passed",
			...because("text_passed", "plain text, delivered unchanged"),
			findings,
			output,
		};
	}
	const steps: string[] = [];
	if (delivery.charset !== "utf-8")
		steps.push(`converted from ${charsetName(delivery.charset)} to UTF-8`);
	if (delivery.neutralised > 0) {
		steps.push(
			`${delivery.neutralised} cell(s) that would start a formula prefixed with an apostrophe`,
		);
		findings.push(`formula cells neutralised: ${delivery.neutralised}`);
	}
	if (steps.length === 0) steps.push("rewritten as UTF-8");
	return {
		action: "sanitized",
		...because("text_rewritten", `text delivered as text: ${steps.join("; ")}`, {
			cells: delivery.neutralised,
		}),
		findings,
		output,
	};
}
