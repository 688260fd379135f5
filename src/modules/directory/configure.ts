import { randomUUID } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal, ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { type Actor, type Role, UNIT_SCOPED_ROLES } from "../authz/roles.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { findStaffByNumber } from "../org/staff.repository.ts";
import { directoryPolicy } from "./directory.policy.ts";
import {
	type ConnectionRow,
	deleteMapping,
	findConnection,
	insertConnection,
	insertMapping,
	listMappings,
	localPasswordSetting,
	saveLocalPasswordSetting,
	updateConnection,
} from "./directory.repository.ts";
import {
	type LdapSettings,
	ldapConfigInputSchema,
	ldapSettingsSchema,
	type mappingInputSchema,
} from "./directory.schemas.ts";
import { lookUpPerson } from "./ldap-client.ts";
import { rolesForGroups } from "./role-mapping.ts";

/** A tenant's LDAP connection, ready to use: settings parsed, bind secret opened. */
export interface LdapConnection {
	row: ConnectionRow;
	settings: LdapSettings;
	secret: string;
}

/** The tenant's enabled LDAP connection, or null when it has none (or it is switched off). */
export async function enabledLdap(deps: AppDeps, tenantId: string): Promise<LdapConnection | null> {
	const row = await findConnection(deps.db, tenantId, "ldap");
	if (!row?.enabled || !row.secret_sealed) return null;
	return {
		row,
		settings: ldapSettingsSchema.parse(JSON.parse(row.settings)),
		secret: deps.secrets.open(row.secret_sealed),
	};
}

/** Example settings for an Active Directory, shown before anything is saved. */
export const AD_DEFAULTS: LdapSettings = {
	url: "ldaps://ad.example.lg.jp",
	startTls: false,
	caCertificate: null,
	bindDn: "CN=mamori,OU=Service Accounts,DC=example,DC=lg,DC=jp",
	baseDn: "DC=example,DC=lg,DC=jp",
	userFilter: "(&(objectCategory=person)(objectClass=user)(sAMAccountName={user}))",
	disabledFilter: "(userAccountControl:1.2.840.113556.1.4.803:=2)",
	groupFilter: "(objectClass=group)",
	attributes: {
		loginName: "sAMAccountName",
		displayName: "displayName",
		mail: "mail",
		employeeNumber: "employeeID",
		department: "department",
	},
	timeoutMs: 5000,
};

/** The configuration as the settings page shows it: never the bind password. */
export async function readDirectoryConfig(db: Queryable, actor: Actor) {
	authorize(actor, directoryPolicy, "directory.configure");
	const row = await findConnection(db, actor.tenantId, "ldap");
	const mappings = row ? await listMappings(db, actor.tenantId, row.id) : [];
	return {
		id: row?.id ?? null,
		kind: "ldap" as const,
		enabled: Boolean(row?.enabled),
		settings: row ? ldapSettingsSchema.parse(JSON.parse(row.settings)) : null,
		bindPasswordSet: Boolean(row?.secret_sealed),
		version: row?.version ?? null,
		localPassword: await localPasswordSetting(db, actor.tenantId),
		mappings: mappings.map((m) => ({
			id: m.id,
			groupKey: m.group_key,
			role: m.role as Role,
			orgUnitId: m.org_unit_id,
		})),
	};
}

export async function saveDirectoryConfig(
	deps: AppDeps,
	actor: Actor,
	input: z.infer<typeof ldapConfigInputSchema>,
) {
	authorize(actor, directoryPolicy, "directory.configure");
	const parsed = ldapConfigInputSchema.parse(input);
	await inTransaction(deps.db, async (tx) => {
		const existing = await findConnection(tx, actor.tenantId, "ldap");
		const now = new Date().toISOString();
		const secret = parsed.bindPassword
			? deps.secrets.seal(parsed.bindPassword)
			: (existing?.secret_sealed ?? null);
		if (parsed.enabled && !secret) {
			throw new Problem(
				"validation_failed",
				"a bind password is needed to switch the directory on",
				{
					issues: [ruleIssue("bindPassword", "directory_secret_required", "required")],
				},
			);
		}
		const row: ConnectionRow = {
			id: existing?.id ?? randomUUID(),
			tenant_id: actor.tenantId,
			kind: "ldap",
			enabled: parsed.enabled,
			settings: JSON.stringify(parsed.settings),
			secret_sealed: secret,
			version: (existing?.version ?? 0) + 1,
			updated_by_label: actor.label,
			created_at: existing?.created_at ?? now,
			updated_at: now,
		};
		if (!existing) {
			await insertConnection(tx, row);
		} else if (
			parsed.version !== existing.version ||
			!(await updateConnection(tx, row, existing.version))
		) {
			throw refusal(
				"conflict",
				"stale_version",
				"the directory settings were changed meanwhile; reload",
			);
		}
		await recordAudit(tx, auditContextOf(actor), "directory.configured", {
			kind: "ldap",
			enabled: parsed.enabled,
			url: parsed.settings.url,
			secretChanged: Boolean(parsed.bindPassword),
		});
	});
	return readDirectoryConfig(deps.db, actor);
}

export async function addGroupMapping(
	deps: AppDeps,
	actor: Actor,
	input: z.infer<typeof mappingInputSchema>,
) {
	authorize(actor, directoryPolicy, "directory.configure");
	if (input.role === "instance_admin") {
		throw refusal(
			"forbidden",
			"instance_admin_grant",
			"a directory group cannot give instance_admin",
		);
	}
	await inTransaction(deps.db, async (tx) => {
		const connection = await findConnection(tx, actor.tenantId, input.connection ?? "ldap");
		if (!connection) throw new Problem("not_found", "configure the directory first");
		if (UNIT_SCOPED_ROLES.has(input.role) !== Boolean(input.orgUnitId)) {
			throw new Problem("validation_failed", `role ${input.role} and the org unit do not fit`, {
				issues: [
					UNIT_SCOPED_ROLES.has(input.role)
						? ruleIssue("orgUnitId", "role_needs_unit", "required for this role", {
								role: input.role,
							})
						: ruleIssue("orgUnitId", "role_is_tenant_wide", "must be null for this role", {
								role: input.role,
							}),
				],
			});
		}
		if (input.orgUnitId && !(await findOrgUnit(tx, actor.tenantId, input.orgUnitId))) {
			throw new Problem("validation_failed", `org unit ${input.orgUnitId} does not exist`, {
				issues: [ruleIssue("orgUnitId", "org_unit_unknown", "unknown org unit")],
			});
		}
		const id = randomUUID();
		await insertMapping(tx, {
			id,
			tenant_id: actor.tenantId,
			connection_id: connection.id,
			group_key: input.groupKey,
			role: input.role,
			org_unit_id: input.orgUnitId,
			created_at: new Date().toISOString(),
		});
		await recordAudit(tx, auditContextOf(actor), "directory.mapping_added", {
			mappingId: id,
			groupKey: input.groupKey,
			role: input.role,
			orgUnitId: input.orgUnitId,
		});
	});
	return readDirectoryConfig(deps.db, actor);
}

export async function removeGroupMapping(deps: AppDeps, actor: Actor, mappingId: string) {
	authorize(actor, directoryPolicy, "directory.configure");
	await inTransaction(deps.db, async (tx) => {
		const removed = await deleteMapping(tx, actor.tenantId, mappingId);
		if (!removed) throw new Problem("not_found", `mapping ${mappingId} does not exist`);
		await recordAudit(tx, auditContextOf(actor), "directory.mapping_removed", {
			mappingId,
			groupKey: removed.group_key,
			role: removed.role,
			orgUnitId: removed.org_unit_id,
		});
	});
	return readDirectoryConfig(deps.db, actor);
}

export async function saveSignInSettings(
	deps: AppDeps,
	actor: Actor,
	localPassword: "everyone" | "break_glass_only",
) {
	authorize(actor, directoryPolicy, "directory.configure");
	await inTransaction(deps.db, async (tx) => {
		await saveLocalPasswordSetting(tx, actor.tenantId, localPassword);
		await recordAudit(tx, auditContextOf(actor), "directory.sign_in_settings_changed", {
			localPassword,
		});
	});
	return readDirectoryConfig(deps.db, actor);
}

/**
 * Look a person up in the directory as the service account: the DN, the mapped attributes, the
 * groups and the roles they would give, and the roster's account. Never a password.
 */
export async function testDirectory(deps: AppDeps, actor: Actor, user: string) {
	authorize(actor, directoryPolicy, "directory.configure");
	const ldap = await enabledOrConfiguredLdap(deps, actor.tenantId);
	const found = await lookUpPerson(ldap.settings, ldap.secret, user);
	const mappings = await listMappings(deps.db, actor.tenantId, ldap.row.id);
	let accountUsername: string | null = null;
	if (found?.person.employeeNumber) {
		const staff = await findStaffByNumber(deps.db, actor.tenantId, found.person.employeeNumber);
		const account = staff && (await findAccount(deps.db, actor.tenantId, staff.account_id));
		accountUsername = account ? account.username : null;
	}
	await inTransaction(deps.db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "directory.tested", { user, found: Boolean(found) }),
	);
	return {
		found: Boolean(found),
		dn: found?.person.dn ?? null,
		attributes: {
			loginName: found?.person.loginName ?? null,
			displayName: found?.person.displayName ?? null,
			mail: found?.person.mail ?? null,
			employeeNumber: found?.person.employeeNumber ?? null,
			department: found?.person.department ?? null,
		},
		groups: found?.groups ?? [],
		roles: found ? rolesForGroups(mappings, found.groups) : [],
		accountUsername,
	};
}

/** The saved connection, switched on or not (a test may precede switching on). */
async function enabledOrConfiguredLdap(deps: AppDeps, tenantId: string): Promise<LdapConnection> {
	const row = await findConnection(deps.db, tenantId, "ldap");
	if (!row?.secret_sealed) throw new Problem("not_found", "the directory is not configured");
	return {
		row,
		settings: ldapSettingsSchema.parse(JSON.parse(row.settings)),
		secret: deps.secrets.open(row.secret_sealed),
	};
}

export { enabledOrConfiguredLdap };
