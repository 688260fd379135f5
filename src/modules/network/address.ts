/**
 * IPv4 addresses and blocks as unsigned 32-bit numbers, and a longest-prefix lookup that maps an
 * address (or a block) from a firewall rule to the node or segment whose block holds it.
 */

export interface Cidr {
	base: number;
	prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/**
 * Parses `10.1.2.3` or `10.1.0.0/16` (host bits are cleared), or null when it is not IPv4.
 *
 * @example
 * parseCidr("10.1.2.3/16"); // { base: 167837696, prefix: 16 }
 */
export function parseCidr(text: string): Cidr | null {
	const match = IPV4.exec(text);
	if (match === null) return null;
	let value = 0;
	for (let i = 1; i <= 4; i++) {
		const octet = Number(match[i]);
		if (octet > 255) return null;
		value = value * 256 + octet;
	}
	const prefix = match[5] === undefined ? 32 : Number(match[5]);
	if (prefix > 32) return null;
	return { base: (value & maskOf(prefix)) >>> 0, prefix };
}

function maskOf(prefix: number): number {
	return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
	return outer.prefix <= inner.prefix && (inner.base & maskOf(outer.prefix)) >>> 0 === outer.base;
}

/** The words firewall exports use for "every address". */
export const ANY_ADDRESS = new Set(["any", "all", "*", "0.0.0.0/0", "全て", "すべて"]);

/**
 * A longest-prefix table from blocks to targets. A block on the left of a firewall rule matches
 * the most specific entry that contains it whole; results are cached per text.
 */
export class CidrTable<T> {
	readonly #entries: { cidr: Cidr; target: T }[] = [];
	readonly #cache = new Map<string, T | null>();
	#sorted = true;

	add(cidr: Cidr, target: T): void {
		this.#entries.push({ cidr, target });
		this.#sorted = false;
		this.#cache.clear();
	}

	/** The target of the most specific block containing `text`, or null (also for non-IPv4). */
	lookup(text: string): T | null {
		const cached = this.#cache.get(text);
		if (cached !== undefined) return cached;
		if (!this.#sorted) {
			this.#entries.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
			this.#sorted = true;
		}
		const cidr = parseCidr(text);
		let found: T | null = null;
		if (cidr !== null) {
			for (const entry of this.#entries) {
				if (cidrContains(entry.cidr, cidr)) {
					found = entry.target;
					break;
				}
			}
		}
		this.#cache.set(text, found);
		return found;
	}

	/** Whether `text` is a block wider than some entry (it spans blocks, so it has no one home). */
	spans(text: string): boolean {
		const cidr = parseCidr(text);
		return (
			cidr !== null &&
			this.#entries.some(
				(entry) => cidrContains(cidr, entry.cidr) && cidr.prefix < entry.cidr.prefix,
			)
		);
	}
}
