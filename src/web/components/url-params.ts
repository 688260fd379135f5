/**
 * Values kept in a URL's query string: each a string, left out of the URL while it equals its
 * default, so a plain page has a plain address and a filtered one can be reloaded and shared.
 */
export type UrlValues = Record<string, string>;

/**
 * The values of `search` (`?zone=lgwan&offset=50`) for the keys of `defaults`.
 *
 * @example
 * readParams("?zone=lgwan", { q: "", zone: "" }) // → { q: "", zone: "lgwan" }
 */
export function readParams<T extends UrlValues>(search: string, defaults: T): T {
	const params = new URLSearchParams(search);
	const values: UrlValues = {};
	for (const [key, fallback] of Object.entries(defaults)) values[key] = params.get(key) ?? fallback;
	return values as T;
}

/**
 * The query string with `values` written in: keys at their default are removed, keys this list
 * does not know (another control's) are kept, in a stable order.
 *
 * @example
 * writeParams("?tab=2", { q: "", zone: "" }, { q: "PC", zone: "" }) // → "?tab=2&q=PC"
 */
export function writeParams<T extends UrlValues>(
	search: string,
	defaults: T,
	values: Partial<T>,
): string {
	const params = new URLSearchParams(search);
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined || value === defaults[key]) params.delete(key);
		else params.set(key, value);
	}
	const text = params.toString();
	return text ? `?${text}` : "";
}
