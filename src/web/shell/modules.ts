import type { MessageKey } from "../i18n/ja.ts";

/** The menu's groups, in the order of the policy: 体制 / ポリシー / 情報資産 / 技術的対策 / 点検・改善 / 管理. */
export const NAV_GROUPS = [
	"organisation",
	"policy",
	"assets",
	"technical",
	"review",
	"admin",
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface ModuleEntry {
	path: string;
	group: NavGroup;
	label: MessageKey;
	description: MessageKey;
	/** The permission (from the session) that shows this entry. */
	permission: string;
}

/** The modules that exist, each shown only to those who may read it. */
export const MODULES: readonly ModuleEntry[] = [
	{
		path: "/accounts",
		group: "admin",
		label: "nav.accounts",
		description: "home.accountsDesc",
		permission: "account.read",
	},
	{
		// ディレクトリ連携: Active Directory / LDAP sign-in and groups to roles.
		path: "/directory",
		group: "admin",
		label: "directory.nav",
		description: "directory.navDesc",
		permission: "directory.configure",
	},
	{
		path: "/org-units",
		group: "organisation",
		label: "nav.orgUnits",
		description: "home.orgUnitsDesc",
		permission: "org_unit.read",
	},
	{
		path: "/staff",
		group: "organisation",
		label: "org.nav.staff",
		description: "org.nav.staffDesc",
		permission: "staff.read",
	},
	{
		path: "/roster",
		group: "organisation",
		label: "org.nav.roster",
		description: "org.nav.rosterDesc",
		permission: "roster.import",
	},
	{
		path: "/audit-log",
		group: "admin",
		label: "nav.audit",
		description: "home.auditDesc",
		permission: "audit-log.read",
	},
	{
		path: "/policy-pack",
		group: "policy",
		label: "nav.policyPack",
		description: "home.policyPackDesc",
		permission: "policy_pack.read",
	},
	{
		path: "/policy-gap",
		group: "review",
		label: "nav.policyGap",
		description: "home.policyGapDesc",
		permission: "policy_gap.analyse",
	},
	{
		path: "/policy-reviews",
		group: "review",
		label: "nav.policyReviews",
		description: "home.policyReviewsDesc",
		permission: "policy_review.read",
	},
	{
		// Beside incident response: drills rehearse the emergency response plan.
		path: "/drills",
		group: "review",
		label: "drills.nav",
		description: "drills.navDesc",
		permission: "drill.read",
	},
	{
		// 点検・改善: the year's figures of every part, for the committee and the national survey.
		path: "/assurance/status-report",
		group: "review",
		label: "statusReport.nav",
		description: "statusReport.navDesc",
		permission: "assurance_status_report.read",
	},
	{
		// 例外措置 of the 対策基準: beside the policy it deviates from.
		path: "/exceptions",
		group: "policy",
		label: "exceptions.nav",
		description: "exceptions.navDesc",
		permission: "exception.read",
	},
	{
		// 公式SNSアカウント: only where the pack has the provision (the session then has the action).
		path: "/social-media",
		group: "policy",
		label: "socialMedia.nav",
		description: "socialMedia.navDesc",
		permission: "social_media.read",
	},
	{
		// 特定個人情報: only where the pack has the provision, and only for those in charge of it
		// (the responsible people, 統括, CISO, auditors): the session has the action then.
		path: "/my-number",
		group: "policy",
		label: "myNumber.nav",
		description: "myNumber.navDesc",
		permission: "my_number.read",
	},
	{
		// 管理区域: the physical measures of the policy (入退室管理).
		path: "/secure-areas",
		group: "policy",
		label: "secureAreas.nav",
		description: "secureAreas.navDesc",
		permission: "secure_area.read",
	},
	{
		// 研修・訓練 (人的セキュリティ対策): the year's plan and completion per unit.
		path: "/training",
		group: "policy",
		label: "training.nav",
		description: "training.navDesc",
		permission: "training.read",
	},
	{
		// Every member of staff: the courses they owe and the e-learning quiz.
		path: "/training/mine",
		group: "policy",
		label: "training.mine.nav",
		description: "training.mine.lead",
		permission: "training.take",
	},
	{
		// クラウドサービス等の利用: beside the policy whose approval it needs.
		path: "/cloud-services",
		group: "policy",
		label: "cloudServices.nav",
		description: "cloudServices.navDesc",
		permission: "cloud_service.read",
	},
	{
		// 点検・改善: one register for what audits, self-inspections, incidents and the network find.
		path: "/findings",
		group: "review",
		label: "findings.nav",
		description: "findings.navDesc",
		permission: "finding.read",
	},
	{
		path: "/assurance/audit-plans",
		group: "review",
		label: "audits.nav.plans",
		description: "audits.nav.plansDesc",
		permission: "audit_plan.read",
	},
	{
		path: "/assurance/audits",
		group: "review",
		label: "audits.nav.audits",
		description: "audits.nav.auditsDesc",
		permission: "assurance_audit.list",
	},
	{
		// 点検・改善: the checklists that self-inspections and audits follow.
		path: "/assurance/checklists",
		group: "review",
		label: "checklists.nav",
		description: "checklists.navDesc",
		permission: "assurance_checklist.read",
	},
	{
		// 自己点検: every member of staff answers their items; the IT-policy section follows the rates.
		path: "/assurance/campaigns",
		group: "review",
		label: "campaigns.nav",
		description: "campaigns.navDesc",
		permission: "assurance_campaign.list",
	},
	{
		path: "/policies",
		group: "policy",
		label: "docs.title",
		description: "home.policiesDesc",
		permission: "policy_document.read",
	},
	{
		path: "/assets",
		group: "assets",
		label: "nav.assets",
		description: "home.assetsDesc",
		permission: "asset.read",
	},
	{
		path: "/take-outs",
		group: "assets",
		label: "custody.nav.takeOuts",
		description: "custody.nav.takeOutsDesc",
		permission: "take_out.read",
	},
	{
		path: "/disposals",
		group: "assets",
		label: "custody.nav.disposals",
		description: "custody.nav.disposalsDesc",
		permission: "disposal.read",
	},
	{
		// 業務委託: contractors, contracts and their clauses, beside the assets they handle.
		path: "/contracts",
		group: "assets",
		label: "contracts.nav",
		description: "contracts.navDesc",
		permission: "contract.read",
	},
	{
		path: "/risks",
		group: "assets",
		label: "risks.nav",
		description: "risks.navDesc",
		permission: "risk.read",
	},
	{
		path: "/network",
		group: "technical",
		label: "nav.network",
		description: "home.networkDesc",
		permission: "network.read",
	},
	{
		path: "/mail",
		group: "technical",
		label: "nav.sanitize",
		description: "mail.navDesc",
		permission: "mail.read",
	},
	{
		path: "/incidents/report",
		group: "review",
		label: "incidents.nav.report",
		description: "incidents.nav.reportDesc",
		permission: "incident.report",
	},
	{
		path: "/incidents/mine",
		group: "review",
		label: "incidents.nav.mine",
		description: "incidents.nav.mineDesc",
		permission: "incident.report",
	},
	{
		path: "/incidents/to-acknowledge",
		group: "review",
		label: "incidentChain.toAcknowledge",
		description: "incidentChain.nav.toAcknowledgeDesc",
		permission: "incident.acknowledge",
	},
	{
		path: "/incidents",
		group: "review",
		label: "nav.incidents",
		description: "home.incidentsDesc",
		permission: "incident.list",
	},
	{
		path: "/settings",
		group: "admin",
		label: "settings.nav",
		description: "settings.navDesc",
		permission: "tenant.settings_read",
	},
	{
		// Webhooks: the tenant administrator's connections to other systems.
		path: "/settings/webhooks",
		group: "admin",
		label: "webhooks.nav",
		description: "webhooks.navDesc",
		permission: "webhook.read",
	},
	{
		// API tokens: machine clients of the tenant, issued by its administrator.
		path: "/settings/api-tokens",
		group: "admin",
		label: "apiTokens.nav",
		description: "apiTokens.navDesc",
		permission: "api_token.manage",
	},
];

/** Modules to come: shown, disabled, so people see where the system is going. */
export const UPCOMING: readonly { label: MessageKey; description: MessageKey }[] = [
	{ label: "nav.outsourcing", description: "home.outsourcingDesc" },
];
