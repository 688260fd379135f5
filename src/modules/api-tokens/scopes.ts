import type { Role } from "../authz/roles.ts";

/**
 * What an API token may be allowed to do, and the role it acts with while doing it. A token calls
 * only the operations whose `security` lists one of its scopes (`sessionOrToken(scope)` in the
 * route), and on such a call it holds that scope's roles and no others, so the use case's own
 * authorisation and reach (the ledger's units, the incident desk) apply as for a person with that
 * role. No scope reaches accounts, roles or tokens: their routes never declare one.
 */
export const API_SCOPES = {
	/** Read the asset ledger (all units), its options and export. */
	"assets:read": { roles: ["auditor"] },
	/** Check and import ledger files (dry run, then apply as a job) and follow the job. */
	"assets:import": { roles: ["chief_officer"] },
	/** Open an incident case from a system's report (the 無害化 gateway, a SIEM). */
	"incidents:create": { roles: ["csirt"] },
	/** Read incident cases. */
	"incidents:read": { roles: ["csirt"] },
	/** Read the findings register (a portal showing open findings). */
	"findings:read": { roles: ["chief_officer"] },
} as const satisfies Record<string, { roles: readonly Role[] }>;

export type ApiScope = keyof typeof API_SCOPES;

export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: string): value is ApiScope {
	return Object.hasOwn(API_SCOPES, value);
}
