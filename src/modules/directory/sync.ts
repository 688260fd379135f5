import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { Problem } from "../../shared/problem.ts";
import { findAccounts, updateAccount } from "../accounts/accounts.repository.ts";
import { type AuditContext, recordAudit } from "../audit-log/record-audit.ts";
import { deleteAccountSessions } from "../auth/sessions.repository.ts";
import { staffAccountsByNumber } from "../org/staff.repository.ts";
import { findTenantBySlug } from "../tenants/tenants.repository.ts";
import { enabledLdap } from "./configure.ts";
import { listLinks, listMappings, upsertLink } from "./directory.repository.ts";
import type { SyncResult } from "./directory.schemas.ts";
import { readDirectory } from "./ldap-client.ts";
import {
	applyRoleDiff,
	diffRoles,
	directoryGrantsInForce,
	rolesForGroups,
} from "./role-mapping.ts";

/**
 * `mamori directory sync`: read everyone enabled in the directory and every group, and bring the
 * accounts linked to the directory in line: roles the groups give are granted, roles they no
 * longer give are ended, a person gone or disabled in the directory has their account disabled
 * and every session ended (one who comes back is enabled again, unless an administrator disabled
 * them). A dry run lists the same changes without making them. People of the roster (by
 * employee number) not yet linked are linked; accounts the directory does not know (local
 * accounts, break-glass administrators) are untouched.
 */
export async function syncDirectory(
	deps: AppDeps,
	tenantSlug: string,
	options: { dryRun: boolean; actorLabel: string },
): Promise<SyncResult> {
	const tenant = await findTenantBySlug(deps.db, tenantSlug);
	if (!tenant) throw new Problem("not_found", `tenant ${tenantSlug} does not exist`);
	const ldap = await enabledLdap(deps, tenant.id);
	if (!ldap) throw new Problem("not_found", `tenant ${tenantSlug} has no directory switched on`);
	const directory = await readDirectory(ldap.settings, ldap.secret);
	const nowIso = new Date().toISOString();
	const mappings = await listMappings(deps.db, tenant.id, ldap.row.id);
	const links = await listLinks(deps.db, tenant.id, ldap.row.id);
	const byNumber = await staffAccountsByNumber(deps.db, tenant.id);

	// Each person's groups, from the groups' member lists (one read, not one search per person).
	const groupsOf = new Map<string, string[]>();
	for (const [group, members] of directory.groups) {
		for (const member of members) {
			const list = groupsOf.get(member);
			if (list) list.push(group);
			else groupsOf.set(member, [group]);
		}
	}
	const presentBySubject = new Map(directory.people.map((p) => [p.dn.toLowerCase(), p]));
	const presentByAccount = new Map<string, (typeof directory.people)[number]>();
	for (const p of directory.people) {
		const accountId = p.employeeNumber ? byNumber.get(p.employeeNumber) : undefined;
		if (accountId) presentByAccount.set(accountId, p);
	}
	const grants = await directoryGrantsInForce(deps.db, tenant.id, ldap.row.id, nowIso);
	const grantsOf = new Map<string, typeof grants>();
	for (const g of grants) {
		const list = grantsOf.get(g.account_id);
		if (list) list.push(g);
		else grantsOf.set(g.account_id, [g]);
	}
	// People of the roster found in the directory who never signed in are linked now, so that
	// their roles are in place before their first sign-in.
	const linked = new Set(links.map((l) => l.account_id));
	for (const [accountId, person] of presentByAccount) {
		if (linked.has(accountId)) continue;
		links.push({
			account_id: accountId,
			tenant_id: tenant.id,
			connection_id: ldap.row.id,
			subject: person.dn.toLowerCase(),
			login_name: person.loginName ?? "",
			department: person.department,
			disabled_by_directory: false,
			last_sign_in_at: null,
			last_synced_at: null,
		});
	}
	const accounts = new Map(
		(
			await findAccounts(
				deps.db,
				tenant.id,
				links.map((l) => l.account_id),
			)
		).map((a) => [a.id, a]),
	);

	const plans: {
		link: (typeof links)[number];
		diff: ReturnType<typeof diffRoles>;
		account: "disable" | "enable" | null;
		subject: string;
	}[] = [];
	for (const link of links) {
		const account = accounts.get(link.account_id);
		if (!account) continue;
		const person = presentByAccount.get(link.account_id) ?? presentBySubject.get(link.subject);
		const wanted = person
			? rolesForGroups(mappings, groupsOf.get(person.dn.toLowerCase()) ?? [])
			: [];
		const diff = diffRoles(grantsOf.get(link.account_id) ?? [], wanted);
		let change: "disable" | "enable" | null = null;
		if (!person && !account.disabled_at) change = "disable";
		if (person && account.disabled_at && link.disabled_by_directory) change = "enable";
		plans.push({ link, diff, account: change, subject: person?.dn.toLowerCase() ?? link.subject });
	}
	const changes = plans
		.filter((p) => p.diff.gains.length > 0 || p.diff.losses.length > 0 || p.account)
		.map((p) => ({
			accountId: p.link.account_id,
			username: accounts.get(p.link.account_id)?.username ?? "",
			gains: p.diff.gains,
			losses: p.diff.losses.map((l) => ({ role: l.role, orgUnitId: l.orgUnitId })),
			account: p.account,
		}));
	const result: SyncResult = {
		dryRun: options.dryRun,
		people: directory.people.length,
		groups: directory.groups.size,
		changes,
	};
	if (options.dryRun) return result;

	const context: AuditContext = {
		tenantId: tenant.id,
		actorId: null,
		actorLabel: options.actorLabel,
		ip: null,
	};
	await inTransaction(deps.db, async (tx) => {
		for (const plan of plans) {
			const accountId = plan.link.account_id;
			await applyRoleDiff(
				tx,
				context,
				{ tenantId: tenant.id, accountId, connectionId: ldap.row.id },
				plan.diff,
				"sync",
				nowIso,
			);
			let disabledByDirectory = Boolean(plan.link.disabled_by_directory);
			if (plan.account === "disable") {
				await updateAccount(tx, tenant.id, accountId, { disabled_at: nowIso, updated_at: nowIso });
				const ended = await deleteAccountSessions(tx, accountId);
				await recordAudit(
					tx,
					context,
					"directory.account_disabled",
					{ accountId, sessionsEnded: ended },
					{
						recordType: "account",
						recordId: accountId,
					},
				);
				disabledByDirectory = true;
			} else if (plan.account === "enable") {
				await updateAccount(tx, tenant.id, accountId, { disabled_at: null, updated_at: nowIso });
				await recordAudit(
					tx,
					context,
					"directory.account_enabled",
					{ accountId },
					{
						recordType: "account",
						recordId: accountId,
					},
				);
				disabledByDirectory = false;
			}
			await upsertLink(tx, {
				...plan.link,
				subject: plan.subject,
				disabled_by_directory: disabledByDirectory,
				last_synced_at: nowIso,
			});
		}
		await recordAudit(tx, context, "directory.synced", {
			people: result.people,
			gains: changes.reduce((n, c) => n + c.gains.length, 0),
			losses: changes.reduce((n, c) => n + c.losses.length, 0),
			disabled: changes.filter((c) => c.account === "disable").length,
			enabled: changes.filter((c) => c.account === "enable").length,
		});
	});
	return result;
}
