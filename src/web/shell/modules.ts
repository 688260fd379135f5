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
	{
		path: "/staff",
		label: "org.nav.staff",
		description: "org.nav.staffDesc",
		permission: "staff.read",
	},
	{
		path: "/roster",
		label: "org.nav.roster",
		description: "org.nav.rosterDesc",
		permission: "roster.import",
	},
	{ path: "/audit", label: "nav.audit", description: "home.auditDesc", permission: "audit.read" },
	{
		path: "/policy-pack",
		label: "nav.policyPack",
		description: "home.policyPackDesc",
		permission: "policy_pack.read",
	},
	{
		path: "/policy-gap",
		label: "nav.policyGap",
		description: "home.policyGapDesc",
		permission: "policy_gap.analyse",
	},
	{
		path: "/policy-reviews",
		label: "nav.policyReviews",
		description: "home.policyReviewsDesc",
		permission: "policy_review.read",
	},
	{
		path: "/policies",
		label: "docs.title",
		description: "home.policiesDesc",
		permission: "policy_document.read",
	},
	{
		path: "/assets",
		label: "nav.assets",
		description: "home.assetsDesc",
		permission: "asset.read",
	},
	{
		path: "/take-outs",
		label: "custody.nav.takeOuts",
		description: "custody.nav.takeOutsDesc",
		permission: "take_out.read",
	},
	{
		path: "/disposals",
		label: "custody.nav.disposals",
		description: "custody.nav.disposalsDesc",
		permission: "disposal.read",
	},
	{
		path: "/risks",
		label: "risks.nav",
		description: "risks.navDesc",
		permission: "risk.read",
	},
	{
		path: "/network",
		label: "nav.network",
		description: "home.networkDesc",
		permission: "network.read",
	},
	{ path: "/mail", label: "nav.sanitize", description: "mail.navDesc", permission: "mail.read" },
	{
		path: "/settings",
		label: "settings.nav",
		description: "settings.navDesc",
		permission: "tenant.settings_read",
	},
];

/** Modules to come: shown, disabled, so people see where the system is going. */
export const UPCOMING: readonly { label: MessageKey; description: MessageKey }[] = [
	{ label: "nav.incidents", description: "home.incidentsDesc" },
	{ label: "nav.inspections", description: "home.inspectionsDesc" },
	{ label: "nav.outsourcing", description: "home.outsourcingDesc" },
];
