import { accountsPolicy } from "../accounts/accounts.policy.ts";
import { apiTokensPolicy } from "../api-tokens/api-tokens.policy.ts";
import { assetsPolicy } from "../assets/assets.policy.ts";
import { disposalsPolicy } from "../assets/disposals/disposals.policy.ts";
import { takeOutsPolicy } from "../assets/take-outs/take-outs.policy.ts";
import { auditsPolicy } from "../assurance/audits/audits.policy.ts";
import { campaignsPolicy } from "../assurance/campaigns/campaigns.policy.ts";
import { checklistsPolicy } from "../assurance/checklists/checklists.policy.ts";
import { findingsPolicy } from "../assurance/findings/findings.policy.ts";
import { statusReportPolicy } from "../assurance/status-report/status-report.policy.ts";
import { auditLogPolicy } from "../audit-log/audit-log.policy.ts";
import { cloudServicesPolicy } from "../cloud-services/cloud-services.policy.ts";
import { contractsPolicy } from "../contracts/contracts.policy.ts";
import { directoryPolicy } from "../directory/directory.policy.ts";
import { exceptionsPolicy } from "../exceptions/exceptions.policy.ts";
import { homePolicy } from "../home/home.policy.ts";
import { drillsPolicy } from "../incidents/drills/drills.policy.ts";
import { incidentCaseworkPolicy } from "../incidents/incident-casework.policy.ts";
import { incidentChainPolicy } from "../incidents/incident-chain.policy.ts";
import { incidentFeedsPolicy } from "../incidents/incident-feeds.policy.ts";
import { incidentsPolicy } from "../incidents/incidents.policy.ts";
import { myNumberPolicy } from "../my-number/my-number.policy.ts";
import { networkPolicy } from "../network/network.policy.ts";
import { orgPolicy } from "../org/org.policy.ts";
import { documentsNavPolicy } from "../policies/documents/documents.policy.ts";
import { gapPolicy } from "../policies/gap/gap.policy.ts";
import { policiesPolicy } from "../policies/policies.policy.ts";
import { reviewsPolicy } from "../policies/reviews/reviews.policy.ts";
import { risksPolicy } from "../risks/risks.policy.ts";
import { mailPolicy } from "../sanitize/mail.policy.ts";
import { secureAreasPolicy } from "../secure-areas/secure-areas.policy.ts";
import { socialMediaPolicy } from "../social-media/social-media.policy.ts";
import { tenantsPolicy } from "../tenants/tenants.policy.ts";
import { trainingPolicy } from "../training/training.policy.ts";
import { webhooksPolicy } from "../webhooks/webhooks.policy.ts";
import { allowedActions, type Policy } from "./policy.ts";
import type { Actor } from "./roles.ts";

/** Every module's policy; a new module adds its own here so the UI learns its actions. */
const POLICIES: readonly Policy<string>[] = [
	accountsPolicy,
	apiTokensPolicy,
	assetsPolicy,
	takeOutsPolicy,
	disposalsPolicy,
	auditLogPolicy,
	networkPolicy,
	orgPolicy,
	policiesPolicy,
	gapPolicy,
	reviewsPolicy,
	risksPolicy,
	mailPolicy,
	documentsNavPolicy,
	tenantsPolicy,
	homePolicy,
	incidentCaseworkPolicy,
	incidentChainPolicy,
	incidentsPolicy,
	drillsPolicy,
	findingsPolicy,
	incidentFeedsPolicy,
	checklistsPolicy,
	auditsPolicy,
	campaignsPolicy,
	statusReportPolicy,
	exceptionsPolicy,
	socialMediaPolicy,
	webhooksPolicy,
	directoryPolicy,
	cloudServicesPolicy,
	contractsPolicy,
	myNumberPolicy,
	secureAreasPolicy,
	trainingPolicy,
];

/** All actions the actor may take across modules, for navigation and buttons in the UI. */
export function allPermissions(actor: Actor): string[] {
	return POLICIES.flatMap((policy) => allowedActions(actor, policy));
}

/**
 * The roles that may take each action, for the UI to say who may act where the caller may not
 * (an empty list page names the roles that fill it). The same for every caller of a tenant.
 */
export function actionRoles(): Record<string, string[]> {
	return Object.fromEntries(
		POLICIES.flatMap((policy) =>
			Object.entries(policy).map(([action, roles]) => [action, [...roles]]),
		),
	);
}
