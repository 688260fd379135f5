import type { MessageKey } from "../i18n/ja.ts";

export interface ModuleEntry {
	path: string;
	label: MessageKey;
	description: MessageKey;
	/** The permission (from the session) that shows this entry. */
	permission: string;
}

/** The modules that exist, each shown only to those who may read it. */
export const MODULES: readonly ModuleEntry[] = [
	{
		path: "/accounts",
		label: "nav.accounts",
		description: "home.accountsDesc",
		permission: "account.read",
	},
	{
		path: "/org-units",
		label: "nav.orgUnits",
		description: "home.orgUnitsDesc",
		permission: "org_unit.read",
	},
	{ path: "/audit", label: "nav.audit", description: "home.auditDesc", permission: "audit.read" },
];

/** Modules to come: shown, disabled, so people see where the system is going. */
export const UPCOMING: readonly { label: MessageKey; description: MessageKey }[] = [
	{ label: "nav.assets", description: "home.assetsDesc" },
	{ label: "nav.network", description: "home.networkDesc" },
	{ label: "nav.sanitize", description: "home.sanitizeDesc" },
	{ label: "nav.policies", description: "home.policiesDesc" },
];
