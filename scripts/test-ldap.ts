/**
 * A private OpenLDAP server (Debian `slapd`) for tests and the bench: its own slapd.conf, database
 * and certificates under a temporary folder, listening on loopback only, seeded with a test
 * directory (people, groups, a disabled person, the service account Mamori binds as). It never
 * touches the system's own slapd configuration or database.
 *
 * Run by hand: `node scripts/test-ldap.ts` prints the URLs and keeps the server up until Ctrl-C.
 *
 * @example
 * const ldap = await startTestLdap(); try { ... ldap.url ... } finally { await ldap.stop(); }
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SLAPD = "/usr/sbin/slapd";
export const BASE_DN = "dc=mamori-test,dc=jp";
export const ADMIN_DN = `cn=admin,${BASE_DN}`;
export const ADMIN_PASSWORD = "admin-secret-not-for-production";
export const SERVICE_DN = `cn=mamori,ou=services,${BASE_DN}`;
export const SERVICE_PASSWORD = "service-secret-not-for-production";
/** Every test person's password is their uid followed by this. */
export const PASSWORD_SUFFIX = "-Pass-1234";

export interface TestPerson {
	uid: string;
	cn: string;
	displayName: string;
	mail: string;
	employeeNumber: string;
	departmentNumber: string;
	/** Marked `employeeType: disabled` (the test directory's "account disabled"). */
	disabled?: boolean;
}

export interface TestGroup {
	cn: string;
	members: string[];
}

export interface TestLdap {
	/** ldap:// on loopback (plain; StartTLS available when started with `tls`). */
	url: string;
	/** ldaps:// on loopback, when started with `tls`. */
	ldapsUrl: string | null;
	/** PEM of the self-signed CA that signed the server's certificate, when started with `tls`. */
	caPem: string | null;
	dir: string;
	/** Run an LDIF through ldapmodify (-a adds) as the directory's administrator. */
	modify(ldif: string, add?: boolean): void;
	stop(): Promise<void>;
	/** Stop at once (an exit handler): SIGKILL, and the folder removed. */
	kill(): void;
}

export const DEFAULT_PEOPLE: TestPerson[] = [
	{
		uid: "tanaka",
		cn: "Tanaka Hanako",
		displayName: "田中 花子",
		mail: "tanaka@city.test",
		employeeNumber: "E1001",
		departmentNumber: "情報政策課",
	},
	{
		uid: "suzuki",
		cn: "Suzuki Ichiro",
		displayName: "鈴木 一郎",
		mail: "suzuki@city.test",
		employeeNumber: "E1002",
		departmentNumber: "市民課",
	},
	{
		uid: "sato",
		cn: "Sato Jiro",
		displayName: "佐藤 次郎",
		mail: "sato@city.test",
		employeeNumber: "E1003",
		departmentNumber: "市民課",
		disabled: true,
	},
];

export const DEFAULT_GROUPS: TestGroup[] = [
	{ cn: "mamori-ciso", members: ["tanaka"] },
	{ cn: "shimin-managers", members: ["suzuki"] },
	{ cn: "all-staff", members: ["tanaka", "suzuki", "sato"] },
];

export function slapdAvailable(): boolean {
	return existsSync(SLAPD) && spawnSync("ldapmodify", ["-VV"]).error === undefined;
}

export function personDn(uid: string): string {
	return `uid=${uid},ou=people,${BASE_DN}`;
}

export function groupDn(cn: string): string {
	return `cn=${cn},ou=groups,${BASE_DN}`;
}

export function personLdif(p: TestPerson): string {
	return [
		`dn: ${personDn(p.uid)}`,
		"objectClass: inetOrgPerson",
		`uid: ${p.uid}`,
		`cn: ${p.cn}`,
		`sn: ${p.cn.split(" ").at(-1)}`,
		`displayName:: ${Buffer.from(p.displayName).toString("base64")}`,
		`mail: ${p.mail}`,
		`employeeNumber: ${p.employeeNumber}`,
		`departmentNumber:: ${Buffer.from(p.departmentNumber).toString("base64")}`,
		`userPassword: ${p.uid}${PASSWORD_SUFFIX}`,
		...(p.disabled ? ["employeeType: disabled"] : []),
		"",
	].join("\n");
}

export function groupLdif(g: TestGroup): string {
	const members = g.members.length > 0 ? g.members.map(personDn) : [SERVICE_DN];
	return [
		`dn: ${groupDn(g.cn)}`,
		"objectClass: groupOfNames",
		`cn: ${g.cn}`,
		...members.map((m) => `member: ${m}`),
		"",
	].join("\n");
}

function baseLdif(): string {
	return [
		`dn: ${BASE_DN}`,
		"objectClass: dcObject",
		"objectClass: organization",
		"dc: mamori-test",
		"o: Mamori test city",
		"",
		...["people", "groups", "services"].flatMap((ou) => [
			`dn: ou=${ou},${BASE_DN}`,
			"objectClass: organizationalUnit",
			`ou: ${ou}`,
			"",
		]),
		`dn: ${SERVICE_DN}`,
		"objectClass: person",
		"objectClass: simpleSecurityObject",
		"cn: mamori",
		"sn: mamori",
		`userPassword: ${SERVICE_PASSWORD}`,
		"",
	].join("\n");
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			const port = typeof address === "object" && address ? address.port : 0;
			server.close(() => resolve(port));
		});
		server.on("error", reject);
	});
}

function run(command: string, args: string[], input?: string): string {
	const result = spawnSync(command, args, { input, encoding: "utf8" });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** A self-signed CA and a server certificate for 127.0.0.1 / localhost, with openssl. */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
	const ca = join(dir, "ca.pem");
	const caKey = join(dir, "ca.key");
	const key = join(dir, "server.key");
	const csr = join(dir, "server.csr");
	const cert = join(dir, "server.pem");
	const ext = join(dir, "server.ext");
	run("openssl", [
		"req",
		"-x509",
		"-newkey",
		"rsa:2048",
		"-nodes",
		"-days",
		"2",
		"-subj",
		"/CN=Mamori test CA",
		"-keyout",
		caKey,
		"-out",
		ca,
	]);
	run("openssl", [
		"req",
		"-newkey",
		"rsa:2048",
		"-nodes",
		"-subj",
		"/CN=localhost",
		"-keyout",
		key,
		"-out",
		csr,
	]);
	writeFileSync(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
	run("openssl", [
		"x509",
		"-req",
		"-in",
		csr,
		"-CA",
		ca,
		"-CAkey",
		caKey,
		"-CAcreateserial",
		"-days",
		"2",
		"-extfile",
		ext,
		"-out",
		cert,
	]);
	return { ca, cert, key };
}

function slapdConf(dir: string, tls: { ca: string; cert: string; key: string } | null): string {
	return [
		"include /etc/ldap/schema/core.schema",
		"include /etc/ldap/schema/cosine.schema",
		"include /etc/ldap/schema/inetorgperson.schema",
		"modulepath /usr/lib/ldap",
		"moduleload back_mdb",
		`pidfile ${join(dir, "slapd.pid")}`,
		`argsfile ${join(dir, "slapd.args")}`,
		...(tls
			? [
					`TLSCACertificateFile ${tls.ca}`,
					`TLSCertificateFile ${tls.cert}`,
					`TLSCertificateKeyFile ${tls.key}`,
				]
			: []),
		"database mdb",
		"maxsize 268435456",
		`suffix "${BASE_DN}"`,
		`rootdn "${ADMIN_DN}"`,
		`rootpw ${ADMIN_PASSWORD}`,
		`directory ${join(dir, "db")}`,
		"index objectClass,uid,member,employeeNumber eq",
		// The service account reads the whole directory for a sync, in pages (as AD allows).
		`limits dn.exact="${SERVICE_DN}" size=unlimited size.pr=unlimited`,
		// Nobody reads a password, the service account included; binding checks it.
		"access to attrs=userPassword by anonymous auth by * none",
		`access to * by dn.exact="${SERVICE_DN}" read by self read by * none`,
		"",
	].join("\n");
}

/**
 * Start slapd on free loopback ports and seed it. `people`/`groups` replace the default test
 * directory; `tls` adds a self-signed CA, StartTLS on the plain port and an ldaps:// port.
 */
export async function startTestLdap(
	options: { tls?: boolean; people?: TestPerson[]; groups?: TestGroup[] } = {},
): Promise<TestLdap> {
	const dir = mkdtempSync(join(tmpdir(), "mamori-slapd-"));
	mkdirSync(join(dir, "db"));
	const certs = options.tls ? makeCertificates(dir) : null;
	const conf = join(dir, "slapd.conf");
	writeFileSync(conf, slapdConf(dir, certs));
	const port = await freePort();
	const tlsPort = certs ? await freePort() : null;
	const url = `ldap://127.0.0.1:${port}`;
	const ldapsUrl = tlsPort ? `ldaps://127.0.0.1:${tlsPort}` : null;
	const listen = [url, ...(ldapsUrl ? [ldapsUrl] : [])].join(" ");
	// -d 0: stay in the foreground (so it dies with us) and log nothing.
	const child = spawn(SLAPD, ["-f", conf, "-h", listen, "-d", "0"], {
		stdio: ["ignore", "ignore", "pipe"],
	});
	// Never keeps the test process alive: the process's exit (or `stop`) ends it.
	child.unref();
	(child.stderr as { unref?: () => void } | null)?.unref?.();
	let stderr = "";
	child.stderr?.on("data", (chunk) => {
		stderr += String(chunk);
	});
	const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

	const modify = (ldif: string, add = false) => {
		run(
			"ldapmodify",
			[...(add ? ["-a"] : []), "-x", "-H", url, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD, "-c"],
			ldif,
		);
	};
	const stop = async () => {
		if (child.exitCode === null) {
			child.ref(); // wait for the exit even when nothing else keeps the process alive
			child.kill("SIGTERM");
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	};

	// Wait (bounded) until it answers.
	const deadline = Date.now() + 10_000;
	for (;;) {
		const probe = spawnSync(
			"ldapsearch",
			["-x", "-H", url, "-b", "", "-s", "base", "-o", "nettimeout=1", "1.1"],
			{ encoding: "utf8" },
		);
		if (probe.status === 0) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`slapd did not start: ${stderr || probe.stderr}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	const people = options.people ?? DEFAULT_PEOPLE;
	const groups = options.groups ?? DEFAULT_GROUPS;
	const ldif = [baseLdif(), ...people.map(personLdif), ...groups.map(groupLdif)].join("\n");
	modify(ldif, true);
	return {
		url,
		ldapsUrl,
		caPem: certs ? readFileSync(certs.ca, "utf8") : null,
		dir,
		modify,
		stop,
		kill: () => {
			child.kill("SIGKILL");
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

if (import.meta.main) {
	const ldap = await startTestLdap({ tls: true });
	console.log(`slapd up: ${ldap.url} (StartTLS) and ${ldap.ldapsUrl}; base ${BASE_DN}`);
	console.log(`service bind: ${SERVICE_DN}; CA: ${join(ldap.dir, "ca.pem")}`);
	process.on("SIGINT", () => void ldap.stop().then(() => process.exit(0)));
}
