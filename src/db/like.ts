import { type RawBuilder, sql } from "kysely";

/**
 * `column` contains `text`, case-insensitively, with `%` and `_` in the text taken literally.
 * The ESCAPE clause is explicit because SQLite has no default escape character.
 *
 * @example
 * query.where(() => containsText("display_name", "yamada_t"))
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
	return sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(text.toLowerCase())} escape '!'`;
}

/**
 * `column` contains `text` exactly as stored: for columns kept already normalised (see
 * `normaliseForSearch`), where calling `lower()` on every row would cost more than the match.
 */
export function containsNormalised(column: string, text: string): RawBuilder<boolean> {
	return sql<boolean>`${sql.ref(column)} like ${containsPattern(normaliseForSearch(text))} escape '!'`;
}

/** NFKC (full-width ＡＢＣ and half-width ｶﾅ fold to their usual forms), then lower case. */
export function normaliseForSearch(text: string): string {
	return text.normalize("NFKC").toLowerCase();
}

function containsPattern(text: string): string {
	return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
