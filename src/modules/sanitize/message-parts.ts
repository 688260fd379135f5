import type { MimeEntity } from "./mime.ts";
import { type HeldReason, heldFor } from "./sanitize.contract.ts";

/**
 * Sort the entities of a parsed message into what the new message is made of: body text,
 * attachments, embedded messages, parts dropped on purpose, and reasons to hold it. A walk with
 * an explicit stack, so no message can make it recurse.
 */

export interface PartPlan {
	/** Text and HTML leaves that make up the body, in message order. */
	bodies: MimeEntity[];
	attachments: MimeEntity[];
	/** Embedded message/rfc822 (or message/global) parts, each with its depth. */
	messages: { entity: MimeEntity; depth: number }[];
	/** Worded for the notice: parts dropped deliberately. */
	dropped: string[];
	/** Step names for the report (e.g. `html-alternative-dropped`). */
	actions: string[];
	/** A reason to hold the whole message, or null. */
	hold: HeldReason | null;
	depth: number;
}

const BODY_TYPES = new Set([
	"text/plain",
	"text/html",
	"message/delivery-status",
	"message/disposition-notification",
	"text/rfc822-headers",
]);
const SIGNATURES = new Set([
	"application/pkcs7-signature",
	"application/x-pkcs7-signature",
	"application/pgp-signature",
]);
const ENCRYPTED = new Set([
	"multipart/encrypted",
	"application/pkcs7-mime",
	"application/x-pkcs7-mime",
	"application/pgp-encrypted",
]);
const MESSAGES = new Set(["message/rfc822", "message/global"]);

function isBody(entity: MimeEntity): boolean {
	return BODY_TYPES.has(entity.contentType) && entity.disposition !== "attachment";
}

function hasText(entity: MimeEntity): boolean {
	return (
		entity.bodyBytes > 0 &&
		entity.body.some((chunk) => /\S/.test(chunk.toString("latin1", 0, 4096)))
	);
}

/** Of the alternatives, the plain text one if it says anything, else the richest other. */
function chooseAlternative(children: MimeEntity[]): MimeEntity | undefined {
	return (
		children.find((c) => c.contentType === "text/plain" && isBody(c) && hasText(c)) ??
		children.find((c) => c.contentType.startsWith("multipart/")) ??
		children.find((c) => c.contentType === "text/html" && isBody(c)) ??
		children.find((c) => isBody(c)) ??
		children[0]
	);
}

/**
 * Plan the new message from the entity tree.
 *
 * @example
 * const plan = planParts(root, 0, 20);
 */
export function planParts(root: MimeEntity, baseDepth: number, maxDepth: number): PartPlan {
	const plan: PartPlan = {
		bodies: [],
		attachments: [],
		messages: [],
		dropped: [],
		actions: [],
		hold: null,
		depth: baseDepth,
	};
	// Children are pushed in reverse so that parts come off the stack in message order.
	const stack: { entity: MimeEntity; depth: number }[] = [{ entity: root, depth: baseDepth }];
	while (stack.length > 0 && plan.hold === null) {
		const { entity, depth } = stack.pop() as { entity: MimeEntity; depth: number };
		plan.depth = Math.max(plan.depth, depth);
		if (depth > maxDepth) {
			plan.hold = heldFor("mime_too_deep", `MIME nesting deeper than ${maxDepth}`, {
				max: maxDepth,
			});
			break;
		}
		const type = entity.contentType;
		if (ENCRYPTED.has(type)) {
			plan.hold = heldFor("encrypted_content", `encrypted content (${type}) cannot be inspected`, {
				type,
			});
		} else if (type.startsWith("multipart/") && entity.children.length === 0) {
			// Declared multipart, but its boundary never occurs: nothing can be split out and
			// checked. Whatever it carried goes, and the recipient is told, never silently.
			plan.dropped.push(
				`分割できない複合パート / a multipart part whose boundary never occurs (${type})`,
			);
			plan.actions.push(`unsplit-multipart-removed=${type}`);
		} else if (type.startsWith("multipart/")) {
			let children = entity.children;
			if (type === "multipart/alternative" && children.length > 1) {
				const chosen = chooseAlternative(children);
				const dropped = children.filter((c) => c !== chosen);
				if (dropped.some((c) => c.contentType === "text/html"))
					plan.actions.push("html-alternative-dropped");
				else if (dropped.length > 0) plan.actions.push(`alternatives-dropped=${dropped.length}`);
				children = chosen ? [chosen] : [];
			}
			for (let i = children.length - 1; i >= 0; i--)
				stack.push({ entity: children[i] as MimeEntity, depth: depth + 1 });
		} else if (MESSAGES.has(type)) {
			plan.messages.push({ entity, depth });
		} else if (type === "message/partial") {
			plan.hold = heldFor(
				"message_partial",
				"a fragment of a split message (message/partial) cannot be inspected on its own",
			);
		} else if (type === "message/external-body") {
			plan.dropped.push("外部参照の本文 / reference to an external body (message/external-body)");
			plan.actions.push("external-body-removed");
		} else if (SIGNATURES.has(type)) {
			plan.actions.push("signature-removed");
		} else if (isBody(entity)) {
			plan.bodies.push(entity);
		} else {
			plan.attachments.push(entity);
		}
	}
	return plan;
}
