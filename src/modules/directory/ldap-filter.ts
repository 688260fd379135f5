/**
 * RFC 4515 escaping of a value put into an LDAP search filter: `*`, `(`, `)`, `\` and NUL become
 * `\2a`, `\28`, `\29`, `\5c`, `\00`, so a user name can never add a wildcard or a clause.
 * Characters beyond ASCII stay as they are (UTF-8 on the wire, as RFC 4515 allows).
 *
 * @example
 * escapeFilterValue("*)(uid=*") === "\\2a\\29\\28uid=\\2a"
 */
export function escapeFilterValue(value: string): string {
	return value.replace(/[*()\\\0]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * A configured filter with `{user}` replaced by the escaped user name; the configured filter
 * itself is trusted (an administrator's setting, validated for balanced parentheses).
 */
export function fillFilter(template: string, user: string): string {
	return template.replaceAll("{user}", escapeFilterValue(user));
}

/** Whether a configured filter is one parenthesised expression with balanced parentheses. */
export function isWellFormedFilter(filter: string): boolean {
	if (!filter.startsWith("(") || !filter.endsWith(")")) return false;
	let depth = 0;
	for (let i = 0; i < filter.length; i++) {
		const ch = filter[i];
		if (ch === "\\") {
			i += 2;
			continue;
		}
		if (ch === "(") depth++;
		if (ch === ")") depth--;
		if (depth < 0) return false;
		if (depth === 0 && i < filter.length - 1) return false;
	}
	return depth === 0;
}
