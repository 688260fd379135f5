import { type RawBuilder, sql } from "kysely";

/**
 * `column` contains `text`, case-insensitively, with `%` and `_` in the text taken literally.
 * The ESCAPE clause is explicit because SQLite has no default escape character.
 *
 * @example
 * query.where(() => containsText("display_name", "yamada_t"))
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
	const pattern = `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
	return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}
