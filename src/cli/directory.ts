import { systemActor } from "../bootstrap.ts";
import { testDirectory } from "../modules/directory/configure.ts";
import type { SyncResult } from "../modules/directory/directory.schemas.ts";
import { syncDirectory } from "../modules/directory/sync.ts";
import { Problem } from "../shared/problem.ts";
import { type Command, parseFlags, required } from "./command.ts";

/** sysexits' EX_TEMPFAIL, as main.ts answers for a database fault. */
const EXIT_TEMPORARY_FAILURE = 75;

import { cliLabel, tenantOrFail, withRuntime } from "./runtime-helpers.ts";

/** A directory that does not answer is a temporary failure: a timer may run the command again. */
async function orTemporaryFailure(name: string, work: () => Promise<number>): Promise<number> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof Problem && error.code === "directory_unavailable") {
			console.error(`mamori ${name}: ${error.message}`);
			return EXIT_TEMPORARY_FAILURE;
		}
		throw error;
	}
}

export const directoryTestCommand: Command = {
	name: "directory test",
	summary:
		"Look a person up in the tenant's directory: DN, attributes, groups, roles (no password)",
	usage: "mamori directory test --tenant SLUG --user NAME [--json]",
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			user: { type: "string" },
			json: { type: "boolean" },
		});
		const slug = required(values.tenant, "--tenant");
		const user = required(values.user, "--user");
		return orTemporaryFailure(this.name, async () => {
			const result = await withRuntime(async (rt) => {
				const tenant = await tenantOrFail(rt, slug);
				return testDirectory(rt, systemActor(tenant.id, cliLabel()), user);
			});
			if (values.json) {
				console.log(JSON.stringify(result, null, 2));
			} else if (!result.found) {
				console.log(`${user}: not found in the directory (or disabled there)`);
			} else {
				console.log(`dn: ${result.dn}`);
				for (const [name, value] of Object.entries(result.attributes))
					console.log(`${name}: ${value ?? "-"}`);
				console.log(`groups: ${result.groups.join("; ") || "-"}`);
				console.log(
					`roles: ${result.roles.map((r) => (r.orgUnitId ? `${r.role}@${r.orgUnitId}` : r.role)).join(", ") || "-"}`,
				);
				console.log(
					`roster account: ${result.accountUsername ?? "- (no staff member with this employee number)"}`,
				);
			}
			return result.found ? 0 : 1;
		});
	},
};

function printChanges(result: SyncResult): void {
	const verb = result.dryRun ? "would change" : "changed";
	console.log(
		`read ${result.people} people and ${result.groups} groups; ${verb} ${result.changes.length} accounts`,
	);
	const held = (r: { role: string; orgUnitId: string | null }) =>
		r.orgUnitId ? `${r.role}@${r.orgUnitId}` : r.role;
	for (const change of result.changes) {
		const parts = [
			...change.gains.map((g) => `+${held(g)}`),
			...change.losses.map((l) => `-${held(l)}`),
			...(change.account
				? [change.account === "disable" ? "DISABLE (sessions end)" : "ENABLE"]
				: []),
		];
		console.log(`  ${change.username}: ${parts.join(" ")}`);
	}
}

export const directorySyncCommand: Command = {
	name: "directory sync",
	summary:
		"Apply the directory's groups and disabled people to roles and accounts (--dry-run lists only)",
	usage: "mamori directory sync --tenant SLUG [--dry-run] [--json]",
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			"dry-run": { type: "boolean" },
			json: { type: "boolean" },
		});
		const slug = required(values.tenant, "--tenant");
		return orTemporaryFailure(this.name, async () => {
			const result = await withRuntime((rt) =>
				syncDirectory(rt, slug, { dryRun: Boolean(values["dry-run"]), actorLabel: cliLabel() }),
			);
			if (values.json) console.log(JSON.stringify(result, null, 2));
			else printChanges(result);
			return 0;
		});
	},
};
