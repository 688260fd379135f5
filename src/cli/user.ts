import { systemActor } from "../bootstrap.ts";
import { inTransaction } from "../db/transaction.ts";
import { findAccountByUsername } from "../modules/accounts/accounts.repository.ts";
import { accountCreateSchema } from "../modules/accounts/accounts.schemas.ts";
import { assignRole } from "../modules/accounts/assign-role.ts";
import { createAccount } from "../modules/accounts/create-account.ts";
import { resetMfa } from "../modules/accounts/reset-credentials.ts";
import { ROLES, roleSchema, UNIT_SCOPED_ROLES } from "../modules/authz/roles.ts";
import { Problem } from "../shared/problem.ts";
import { type Command, parseFlags, required, UsageError } from "./command.ts";
import { cliLabel, tenantOrFail, withRuntime } from "./runtime-helpers.ts";

export const userAddCommand: Command = {
	name: "user add",
	summary: "Add an account; prints its one-time password",
	usage: `mamori user add --tenant SLUG --username NAME [--display-name 氏名] [--email ADDR] [--role ROLE]... [--mynumber]
  tenant-wide roles: ${ROLES.filter((r) => !UNIT_SCOPED_ROLES.has(r)).join(", ")}`,
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			username: { type: "string" },
			"display-name": { type: "string" },
			email: { type: "string" },
			role: { type: "string", multiple: true },
			mynumber: { type: "boolean" },
		});
		const slug = required(values.tenant, "--tenant");
		const username = required(values.username, "--username");
		const input = accountCreateSchema.safeParse({
			username,
			displayName: values["display-name"] ?? username,
			email: values.email ?? null,
			worksInMynumber: values.mynumber ?? false,
		});
		if (!input.success) {
			throw new UsageError(
				input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
			);
		}
		const roles = (values.role ?? []).map((r) => {
			const role = roleSchema.safeParse(r);
			if (!role.success) throw new UsageError(`unknown role "${r}"; one of ${ROLES.join(", ")}`);
			if (UNIT_SCOPED_ROLES.has(role.data))
				throw new UsageError(`role ${r} is per org unit; assign it in the web UI`);
			return role.data;
		});
		const result = await withRuntime(async (rt) => {
			const tenant = await tenantOrFail(rt, slug);
			const actor = systemActor(tenant.id, cliLabel());
			return inTransaction(rt.db, async (tx) => {
				const created = await createAccount(tx, actor, input.data);
				for (const role of roles)
					await assignRole(tx, actor, created.account.id, { role, orgUnitId: null, validTo: null });
				return created;
			});
		});
		console.log(`created ${result.account.username} in ${slug}`);
		console.log(`one-time password (shown once): ${result.oneTimePassword}`);
		return 0;
	},
};

export const userResetMfaCommand: Command = {
	name: "user reset-mfa",
	summary: "Remove an account's authenticator (lost phone); it enrols again at next login",
	usage: "mamori user reset-mfa --tenant SLUG --username NAME",
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			username: { type: "string" },
		});
		const slug = required(values.tenant, "--tenant");
		const username = required(values.username, "--username");
		await withRuntime(async (rt) => {
			const tenant = await tenantOrFail(rt, slug);
			const account = await findAccountByUsername(rt.db, tenant.id, username);
			if (!account) throw new Problem("not_found", `no user "${username}" in ${slug}`);
			await inTransaction(rt.db, (tx) =>
				resetMfa(tx, systemActor(tenant.id, cliLabel()), account.id),
			);
		});
		console.log(`MFA reset for ${username} in ${slug}; their sessions were ended`);
		return 0;
	},
};
