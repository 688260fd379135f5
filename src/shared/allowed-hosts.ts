import { BlockList, isIP } from "node:net";

/**
 * The instance administrator's allow-list of webhook targets (`MAMORI_WEBHOOK_ALLOWED_HOSTS`):
 * comma-separated entries, each a host name, an IP address or a CIDR network, a host or address
 * optionally with `:port` (`[v6]:port`). On LGWAN the receivers sit at private addresses, so
 * this is an allow-list, not a ban of private ranges.
 */
export type AllowedHost =
	| { kind: "name"; host: string; port: number | null; text: string }
	| { kind: "net"; net: BlockList; port: number | null; text: string };

const NAME =
	/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const MAX_ENTRIES = 200;

function family(address: string): "ipv4" | "ipv6" {
	return isIP(address) === 6 ? "ipv6" : "ipv4";
}

function portOf(raw: string | undefined, entry: string): number | null {
	if (raw === undefined) return null;
	const port = Number(raw);
	if (!/^\d{1,5}$/.test(raw) || port < 1 || port > 65535) {
		throw new Error(`MAMORI_WEBHOOK_ALLOWED_HOSTS: "${entry}" has no valid port`);
	}
	return port;
}

function parseEntry(entry: string): AllowedHost {
	const text = entry.toLowerCase();
	const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(text);
	if (cidr?.[1] && cidr[2] && isIP(cidr[1])) {
		const prefix = Number(cidr[2]);
		const kind = family(cidr[1]);
		if (prefix > (kind === "ipv4" ? 32 : 128)) {
			throw new Error(`MAMORI_WEBHOOK_ALLOWED_HOSTS: "${entry}" has a prefix too long`);
		}
		const net = new BlockList();
		net.addSubnet(cidr[1], prefix, kind);
		return { kind: "net", net, port: null, text };
	}
	const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/.exec(text);
	const hostPort = /^([^:]+)(?::(\d+))?$/.exec(text);
	const host = isIP(text) === 6 ? text : (bracketed?.[1] ?? hostPort?.[1]);
	const port = isIP(text) === 6 ? undefined : (bracketed?.[2] ?? hostPort?.[2]);
	if (host && isIP(host)) {
		const net = new BlockList();
		net.addAddress(host, family(host));
		return { kind: "net", net, port: portOf(port, entry), text };
	}
	if (host && NAME.test(host)) return { kind: "name", host, port: portOf(port, entry), text };
	throw new Error(
		`MAMORI_WEBHOOK_ALLOWED_HOSTS: "${entry}" is neither a host name, an IP address nor a CIDR network`,
	);
}

/**
 * Read the allow-list; throws naming the first entry that is not a host, address or network.
 *
 * @example
 * parseAllowedHosts("siem.city.lg.jp:8443, 10.20.0.0/16").length; // 2
 */
export function parseAllowedHosts(raw: string | undefined): AllowedHost[] {
	const entries = (raw ?? "")
		.split(",")
		.map((entry) => entry.trim())
		.filter((entry) => entry !== "");
	if (entries.length > MAX_ENTRIES) {
		throw new Error(`MAMORI_WEBHOOK_ALLOWED_HOSTS: at most ${MAX_ENTRIES} entries`);
	}
	return entries.map(parseEntry);
}

/** The host of a URL without IPv6 brackets, lower case. */
export function hostOf(url: URL): string {
	return url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

/** The port a URL connects to. */
export function portOfUrl(url: URL): number {
	if (url.port) return Number(url.port);
	return url.protocol === "https:" ? 443 : 80;
}

const portFits = (entry: AllowedHost, port: number) => entry.port === null || entry.port === port;

function inNet(entry: AllowedHost, address: string): boolean {
	return entry.kind === "net" && isIP(address) !== 0 && entry.net.check(address, family(address));
}

/**
 * Whether the instance allows sending to `url` at all: its host is listed by name, or is an
 * address within a listed address or network (and the port fits where an entry names one).
 */
export function targetAllowed(list: readonly AllowedHost[], url: URL): boolean {
	const host = hostOf(url);
	const port = portOfUrl(url);
	return list.some(
		(entry) =>
			portFits(entry, port) && (entry.kind === "name" ? entry.host === host : inNet(entry, host)),
	);
}

/** Addresses no name may resolve to unless an address entry lists them (DNS rebinding). */
const NEVER_BY_NAME = new BlockList();
NEVER_BY_NAME.addSubnet("127.0.0.0", 8, "ipv4");
NEVER_BY_NAME.addSubnet("0.0.0.0", 8, "ipv4");
NEVER_BY_NAME.addSubnet("169.254.0.0", 16, "ipv4");
NEVER_BY_NAME.addSubnet("224.0.0.0", 4, "ipv4");
NEVER_BY_NAME.addAddress("::1", "ipv6");
NEVER_BY_NAME.addAddress("::", "ipv6");
NEVER_BY_NAME.addSubnet("fe80::", 10, "ipv6");
NEVER_BY_NAME.addSubnet("ff00::", 8, "ipv6");

/**
 * Whether Mamori may connect to `address`, which the host of `url` resolved to: an address within
 * a listed address or network always; for a host listed by name, any address but loopback,
 * link-local (cloud metadata), unspecified, multicast and IPv4-mapped ones, so that a name
 * cannot be pointed at the instance itself.
 */
export function addressAllowed(list: readonly AllowedHost[], url: URL, address: string): boolean {
	const port = portOfUrl(url);
	const host = hostOf(url);
	if (list.some((entry) => portFits(entry, port) && inNet(entry, address))) return true;
	const byName = list.some(
		(entry) => entry.kind === "name" && entry.host === host && portFits(entry, port),
	);
	// An IPv4-mapped IPv6 address is refused by name: BlockList would match it as IPv4 either way.
	const mapped = isIP(address) === 6 && address.toLowerCase().startsWith("::ffff:");
	return byName && isIP(address) !== 0 && !mapped && !NEVER_BY_NAME.check(address, family(address));
}
