import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use the 特定個人情報 register at all. Reading and keeping an affair are open to any
 * member of staff here because the affair's 事務取扱責任者 may hold no security role;
 * `my-number-desk.ts` narrows them: the CISO and 統括 see and keep every affair, auditors read
 * every affair, the responsible person sees and keeps their own affairs, everyone else is
 * refused. A tenant whose pack has no such provision has none of these actions.
 */
export const myNumberPolicy = definePolicy({
	"my_number.read": ["staff"],
	/** Handlers, links, provisions and notices of an affair one keeps. */
	"my_number.keep": ["staff"],
	/** Create an affair, change its responsible person and PIA. */
	"my_number.manage": ["ciso", "chief_officer"],
	/** The yearly report of handling for the 個人情報保護委員会. */
	"my_number.report": ["ciso", "chief_officer", "auditor"],
});

export type MyNumberAction = keyof typeof myNumberPolicy;
