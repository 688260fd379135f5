import { decodeText } from "./charset.ts";
import { htmlToPlainText } from "./html-text.ts";
import { decodeBody, type MimeEntity } from "./mime.ts";
import { cleanControls, defangLinks, neutraliseMarkup, unflow } from "./plain-text.ts";

export interface BodyText {
	text: string;
	actions: string[];
	links: number;
}

/**
 * The body of the new message: every body leaf decoded (transfer encoding, charset, format=flowed),
 * HTML turned into text, then the whole text made inert (markup neutralised, links defanged).
 *
 * @example
 * const { text, links } = bodyText(plan.bodies);
 */
export function bodyText(entities: readonly MimeEntity[]): BodyText {
	const actions = new Set<string>();
	const pieces: string[] = [];
	for (const entity of entities) {
		const decoded = decodeText(decodeBody(entity), entity.charset);
		if (decoded.corrected) actions.add(`charset-corrected=${decoded.charset}`);
		let text = decoded.text;
		if (entity.contentType === "text/html") {
			text = htmlToPlainText(text);
			actions.add("html-to-text");
		} else if (entity.flowed) {
			text = unflow(text, entity.delSp);
			actions.add("flowed-unwrapped");
		}
		text = cleanControls(text).trimEnd();
		if (text !== "") pieces.push(text);
	}
	const joined = pieces.join("\n\n");
	const neutral = neutraliseMarkup(joined);
	if (neutral !== joined) actions.add("markup-neutralised");
	const { text, links } = defangLinks(neutral);
	return { text: text === "" ? "" : `${text}\n`, actions: [...actions], links };
}
