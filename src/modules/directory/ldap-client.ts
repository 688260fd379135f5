import { Client, type Entry, InvalidCredentialsError, NoSuchObjectError } from "ldapts";
import { Problem } from "../../shared/problem.ts";
import type { LdapSettings } from "./directory.schemas.ts";
import { escapeFilterValue, fillFilter } from "./ldap-filter.ts";

/**
 * The one place that speaks LDAP (through `ldapts`). Every operation has a bounded connect and
 * operation timeout; a directory that does not answer, refuses TLS or refuses the service
 * account is `directory_unavailable`, never a fallback to something weaker. Passwords are only
 * ever sent in a bind, never read.
 */

export interface DirectoryPerson {
	dn: string;
	loginName: string | null;
	displayName: string | null;
	mail: string | null;
	employeeNumber: string | null;
	department: string | null;
}

function unavailable(cause: unknown): Problem {
	const why = cause instanceof Error ? cause.message : String(cause);
	return new Problem("directory_unavailable", `the directory did not answer: ${why}`);
}

function first(value: Entry[string] | undefined): string | null {
	if (value === undefined) return null;
	const one = Array.isArray(value) ? value[0] : value;
	if (one === undefined) return null;
	return typeof one === "string" ? one : one.toString("utf8");
}

function personOf(entry: Entry, settings: LdapSettings): DirectoryPerson {
	const a = settings.attributes;
	return {
		dn: entry.dn,
		loginName: first(entry[a.loginName]),
		displayName: first(entry[a.displayName]),
		mail: first(entry[a.mail]),
		employeeNumber: first(entry[a.employeeNumber]),
		department: first(entry[a.department]),
	};
}

function attributeList(settings: LdapSettings): string[] {
	return Object.values(settings.attributes);
}

/** A connection: opened (StartTLS when configured), used, always closed. */
async function withClient<T>(
	settings: LdapSettings,
	work: (client: Client) => Promise<T>,
): Promise<T> {
	const ca = settings.caCertificate ? [settings.caCertificate] : undefined;
	const tlsOptions = { ...(ca ? { ca } : {}), minVersion: "TLSv1.2" as const };
	const client = new Client({
		url: settings.url,
		timeout: settings.timeoutMs,
		connectTimeout: settings.timeoutMs,
		// ldapts speaks TLS from the start whenever TLS options are given: only for ldaps://.
		...(settings.url.startsWith("ldaps://") ? { tlsOptions } : {}),
		strictDN: false,
	});
	try {
		if (settings.startTls && settings.url.startsWith("ldap://")) {
			try {
				await client.startTLS(tlsOptions);
			} catch (error) {
				throw unavailable(error);
			}
		}
		return await work(client);
	} finally {
		await client.unbind().catch(() => undefined);
	}
}

async function serviceBind(client: Client, settings: LdapSettings, secret: string) {
	try {
		await client.bind(settings.bindDn, secret);
	} catch (error) {
		// A refused service account is a configuration fault: nobody can sign in.
		throw unavailable(error);
	}
}

function personFilter(settings: LdapSettings, user: string): string {
	const filter = fillFilter(settings.userFilter, user);
	return settings.disabledFilter ? `(&${filter}(!${settings.disabledFilter}))` : filter;
}

/** Every enabled person: the user filter with `{user}` as a wildcard (only here, never a name). */
function everyoneFilter(settings: LdapSettings): string {
	const filter = settings.userFilter.replaceAll("{user}", "*");
	return settings.disabledFilter ? `(&${filter}(!${settings.disabledFilter}))` : filter;
}

async function search(
	client: Client,
	base: string,
	filter: string,
	attributes: string[],
	sizeLimit = 0,
) {
	try {
		return (
			await client.search(base, {
				scope: "sub",
				filter,
				attributes,
				sizeLimit,
				paged: sizeLimit === 0 ? { pageSize: 500 } : false,
			})
		).searchEntries;
	} catch (error) {
		if (error instanceof NoSuchObjectError) return [];
		throw unavailable(error);
	}
}

async function groupsOf(client: Client, settings: LdapSettings, dn: string): Promise<string[]> {
	const filter = `(&${settings.groupFilter}(member=${escapeFilterValue(dn)}))`;
	const entries = await search(client, settings.baseDn, filter, ["1.1"]);
	return entries.map((e) => e.dn.toLowerCase());
}

export type DirectoryCheck =
	| { outcome: "ok"; person: DirectoryPerson; groups: string[] }
	| { outcome: "refused" };

/**
 * Sign-in: as the service account, find exactly one enabled entry for the name; then bind as that
 * entry with the password; then read its groups as the service account. `refused` when the name
 * is unknown, ambiguous, disabled or the password is wrong (the caller cannot tell which).
 */
export async function checkDirectoryPassword(
	settings: LdapSettings,
	secret: string,
	user: string,
	password: string,
): Promise<DirectoryCheck> {
	if (password.length === 0) return { outcome: "refused" };
	return withClient(settings, async (client) => {
		await serviceBind(client, settings, secret);
		const entries = await search(
			client,
			settings.baseDn,
			personFilter(settings, user),
			attributeList(settings),
			2,
		);
		const entry = entries.length === 1 ? entries[0] : undefined;
		if (!entry) return { outcome: "refused" } as const;
		try {
			await client.bind(entry.dn, password);
		} catch (error) {
			if (error instanceof InvalidCredentialsError) return { outcome: "refused" } as const;
			throw unavailable(error);
		}
		await serviceBind(client, settings, secret);
		const groups = await groupsOf(client, settings, entry.dn);
		return { outcome: "ok", person: personOf(entry, settings), groups } as const;
	});
}

/** Look a person up without a password (the settings page's and CLI's test). */
export async function lookUpPerson(
	settings: LdapSettings,
	secret: string,
	user: string,
): Promise<{ person: DirectoryPerson; groups: string[] } | null> {
	return withClient(settings, async (client) => {
		await serviceBind(client, settings, secret);
		const entries = await search(
			client,
			settings.baseDn,
			personFilter(settings, user),
			attributeList(settings),
			2,
		);
		const entry = entries.length === 1 ? entries[0] : undefined;
		if (!entry) return null;
		return {
			person: personOf(entry, settings),
			groups: await groupsOf(client, settings, entry.dn),
		};
	});
}

/**
 * Everyone enabled in the directory and every group with its members (lower-cased DNs), for a
 * sync: two paged searches, whatever the number of people.
 */
export async function readDirectory(
	settings: LdapSettings,
	secret: string,
): Promise<{ people: DirectoryPerson[]; groups: Map<string, string[]> }> {
	return withClient(settings, async (client) => {
		await serviceBind(client, settings, secret);
		const entries = await search(
			client,
			settings.baseDn,
			everyoneFilter(settings),
			attributeList(settings),
		);
		const groupEntries = await search(client, settings.baseDn, settings.groupFilter, ["member"]);
		const groups = new Map<string, string[]>();
		for (const g of groupEntries) {
			const members = g.member === undefined ? [] : Array.isArray(g.member) ? g.member : [g.member];
			groups.set(
				g.dn.toLowerCase(),
				members.map((m) => (typeof m === "string" ? m : m.toString("utf8")).toLowerCase()),
			);
		}
		return { people: entries.map((e) => personOf(e, settings)), groups };
	});
}
