/**
 * A JSON text, already encoded as UTF-8, that remembers the type it was made from: a serialised
 * answer kept in a cache is still checked against the route's response type when it is sent, and
 * sending it costs neither `JSON.stringify` nor the UTF-8 encoding of a Japanese string.
 */
export type Serialised<T> = Uint8Array & { readonly __serialisedFrom?: T };

/**
 * `JSON.stringify` into UTF-8 bytes, typed.
 *
 * @example
 * const body: Serialised<{ items: Unit[] }> = serialise({ items });
 */
export function serialise<T>(value: T): Serialised<T> {
	return Buffer.from(JSON.stringify(value), "utf8") as Serialised<T>;
}
