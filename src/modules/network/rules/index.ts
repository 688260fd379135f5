import { alphaPrimeBreakoutRule } from "./alpha-prime-breakout.ts";
import { betaPrimeSystemControlsRule } from "./beta-prime-system-controls.ts";
import { betaTerminalControlsRule } from "./beta-terminal-controls.ts";
import { fileTransferApprovalRule } from "./file-transfer-approval.ts";
import { flowPathConsistentRule } from "./flow-path-consistent.ts";
import { internetEgressSecurityCloudRule } from "./internet-egress-security-cloud.ts";
import { lgwanInternetSanitisedRule } from "./lgwan-internet-sanitised.ts";
import { modelMatchesPackRule } from "./model-matches-pack.ts";
import { myNumberDataPlacementRule } from "./mynumber-data-placement.ts";
import type { NetworkRule } from "./rule.ts";
import { standaloneIsolationRule } from "./standalone-isolation.ts";
import { terminalMfaRule } from "./terminal-mfa.ts";
import { terminalTakeOutRule } from "./terminal-take-out.ts";
import { tierIsolationRule } from "./tier-isolation.ts";
import { tierMonitoringRule } from "./tier-monitoring.ts";

/** Every rule of the three-tier check, in report order. Rules are data: id, clause, texts, check. */
export const NETWORK_RULES: readonly NetworkRule[] = [
	modelMatchesPackRule,
	flowPathConsistentRule,
	tierIsolationRule,
	lgwanInternetSanitisedRule,
	internetEgressSecurityCloudRule,
	alphaPrimeBreakoutRule,
	standaloneIsolationRule,
	terminalMfaRule,
	terminalTakeOutRule,
	myNumberDataPlacementRule,
	betaTerminalControlsRule,
	betaPrimeSystemControlsRule,
	tierMonitoringRule,
	fileTransferApprovalRule,
];

/** The rules as plain data (no functions), for the API and the UI's legend. */
export function networkRuleCatalogue(): {
	id: string;
	scope: NetworkRule["scope"];
	clause: string;
	title: { ja: string; en: string };
	description: { ja: string; en: string };
}[] {
	return NETWORK_RULES.map(({ id, scope, clause, title, description }) => ({
		id,
		scope,
		clause,
		title,
		description,
	}));
}
