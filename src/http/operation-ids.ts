/**
 * Stable `operationId`s for the OpenAPI document, derived from method and path so that a route
 * needs none written by hand: `GET /api/assets` → `listAssets`, `POST /api/assets` →
 * `createAsset`, `GET /api/assets/{id}` → `getAsset`, `PATCH /api/assets/{id}` → `updateAsset`,
 * `POST /api/exceptions/{id}/approve` → `approveException`, `GET /api/assets/export` →
 * `exportAssets`. A route whose derived name reads badly or collides sets `operationId` in its
 * `createRoute` (which wins), or gets a line in `OPERATION_ID_OVERRIDES` below.
 * `tests/integration/api-document.test.ts` fails on a missing, malformed or repeated one.
 */

/** Trailing path words that name what the operation does rather than a resource. */
const ACTION_VERBS: Record<string, string> = {
	advance: "advance",
	apply: "apply",
	approve: "approve",
	cancel: "cancel",
	check: "check",
	close: "close",
	complete: "complete",
	confirm: "confirm",
	decision: "decide",
	discard: "discard",
	end: "end",
	export: "export",
	hold: "hold",
	import: "import",
	plan: "plan",
	publish: "publish",
	record: "record",
	refuse: "refuse",
	reinstate: "reinstate",
	renew: "renew",
	reopen: "reopen",
	request: "request",
	rescore: "rescore",
	resend: "resend",
	revoke: "revoke",
	retire: "retire",
	return: "return",
	review: "review",
	"sign-off": "signOff",
	"start-use": "startUsing",
	submit: "submit",
	suspend: "suspend",
	triage: "triage",
	verify: "verify",
	withdraw: "withdraw",
};

/** Words ending in "s" that name one thing, read with `get`, never `list`. */
const SINGULAR_WORDS = new Set(["options", "settings", "stats", "status", "progress", "access"]);

/** Derived names that read badly or collide, by "METHOD /path". Keep them verb + noun. */
export const OPERATION_ID_OVERRIDES: Record<string, string> = {
	"GET /api/health": "getHealth",
	"GET /api/auth/tenants": "listLoginTenants",
	"GET /api/auth/session": "getSession",
	"POST /api/auth/login": "logIn",
	"POST /api/auth/logout": "logOut",
	"POST /api/auth/mfa/verify": "verifySecondFactor",
	"POST /api/auth/password": "changePassword",
	"POST /api/auth/mfa/enrollment": "startMfaEnrollment",
	"POST /api/auth/mfa/enrollment/confirm": "confirmMfaEnrollment",
	"POST /api/accounts/{id}/password-reset": "resetAccountPassword",
	"POST /api/accounts/{id}/mfa-reset": "resetAccountMfa",
	"POST /api/accounts/{id}/roles": "assignAccountRole",
	"DELETE /api/accounts/{id}/roles/{assignmentId}": "removeAccountRole",
	"GET /api/org-units/tree": "getOrgUnitTree",
	"POST /api/roster-imports": "uploadRosterImport",
	"POST /api/roster-imports/{id}/one-time-passwords": "issueRosterOneTimePasswords",
	"POST /api/roster-imports/{id}/passwords.csv": "downloadRosterPasswordsCsv",
	"GET /api/audit-events/export.csv": "exportAuditEventsCsv",
	"GET /api/audit-checkpoints/latest": "getLatestAuditCheckpoint",
	"POST /api/policy-documents/{id}/imports": "importPolicyDocumentText",
	"GET /api/policy-versions/{id}/diff": "diffPolicyVersion",
	"POST /api/policy-versions/{id}/acknowledgement": "acknowledgePolicyVersion",
	"GET /api/policy-versions/{id}/completion": "getPolicyAcknowledgementCompletion",
	"POST /api/policy-versions/{id}/reminders": "remindPolicyVersionReaders",
	"GET /api/policy-versions/{id}/unacknowledged.csv": "exportUnacknowledgedCsv",
	"GET /api/policy-versions/{id}/unacknowledged.xlsx": "exportUnacknowledgedXlsx",
	"POST /api/policy-gap-analysis": "analysePolicyGap",
	"POST /api/policy-gap-analysis/export": "exportPolicyGapAnalysis",
	"PUT /api/policy-reviews/{id}/inputs": "updatePolicyReviewInputs",
	"POST /api/policy-reviews/{id}/findings": "raisePolicyReviewFinding",
	"POST /api/mail/messages/{id}/release-requests": "requestMailRelease",
	"POST /api/network/model/import": "importNetworkModel",
	"POST /api/network/firewall-import": "importFirewallRules",
	"POST /api/network/check": "checkNetworkModel",
	"GET /api/asset-ledger/options": "getAssetLedgerOptions",
	"POST /api/assets/{id}/classification": "reclassifyAsset",
	"GET /api/assets/template": "getAssetLedgerTemplate",
	"POST /api/assets/{id}/disposals": "createAssetDisposal",
	"POST /api/disposals/{id}/files": "uploadDisposalFile",
	"POST /api/risks/{id}/acceptance": "acceptRisk",
	"GET /api/incidents/to-acknowledge": "listIncidentsToAcknowledge",
	"GET /api/incidents/{id}/chain": "getIncidentChain",
	"POST /api/incidents/{id}/acknowledgements": "acknowledgeIncident",
	"GET /api/incidents/stats/export": "exportIncidentStats",
	"POST /api/incidents/{id}/risks": "raiseIncidentRisk",
	"POST /api/incidents": "reportIncident",
	"GET /api/incidents/mine": "listMyIncidents",
	"GET /api/incident-tasks/mine": "listMyIncidentTasks",
	"POST /api/incidents/{id}/transitions": "transitionIncident",
	"POST /api/incidents/{id}/notes": "addIncidentNote",
	"POST /api/incidents/{id}/filings": "recordIncidentFiling",
	"GET /api/incidents/{id}/evidence": "listIncidentEvidence",
	"POST /api/incidents/{id}/evidence": "uploadIncidentEvidence",
	"POST /api/assurance/checklists/bundled": "addBundledChecklists",
	"GET /api/assurance/checklists/template": "getChecklistTemplate",
	"GET /api/assurance/checklists/{id}/versions/{version}/export": "exportChecklistVersion",
	"GET /api/assurance/campaigns/{id}/report": "getCampaignReport",
	"GET /api/assurance/responses/{respondentId}/answers/{itemId}/evidence": "getAnswerEvidence",
	"PUT /api/assurance/responses/{respondentId}/answers/{itemId}": "answerChecklistItem",
	"POST /api/findings/from-network-check": "raiseFindingFromNetworkCheck",
	"POST /api/findings/from-incident": "raiseFindingFromIncident",
	"POST /api/findings/{id}/risk-link": "linkFindingRisk",
	"POST /api/findings/{id}/evidence": "uploadFindingEvidence",
	"GET /api/assurance/audits/{id}/checklist-choices": "listAuditChecklistChoices",
	"PUT /api/assurance/audits/{id}/checklist": "chooseAuditChecklist",
	"PUT /api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}": "recordAuditResult",
	"POST /api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/evidence":
		"uploadAuditResultEvidence",
	"POST /api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/finding": "raiseAuditFinding",
	"GET /api/exceptions/reminders": "listExceptionReminders",
	"POST /api/social-media/accounts": "registerSocialMediaAccount",
	"POST /api/contracts/{id}/subcontracts/{subId}/decision": "decideSubcontract",
	"GET /api/contracts/{id}/checks/{checkId}/evidence": "getContractCheckEvidence",
	"GET /api/contracts/{id}/end/certificate": "getContractEndCertificate",
	"GET /api/my-work": "getMyWork",
	"GET /api/staff": "listStaff",
	"POST /api/notifications/{id}/read": "markNotificationRead",
	"POST /api/findings/{id}/done": "markFindingDone",
	"POST /api/findings/{id}/accept-risk": "acceptFindingAsRisk",
	"POST /api/contracts/clause-check": "checkContractClauses",
	"GET /api/social-media/export": "exportSocialMediaAccounts",
	"GET /api/auth/sign-in-options": "getSignInOptions",
	"POST /api/auth/directory/login": "logInWithDirectory",
	"POST /api/auth/oidc/start": "startOidcSignIn",
	"POST /api/auth/oidc/callback": "finishOidcSignIn",
	"POST /api/directory/test": "testDirectoryConnection",
	"GET /api/directory/oidc": "getOidcConfig",
	"PUT /api/directory/oidc": "saveOidcConfig",
	"POST /api/directory/oidc/test": "testOidcDiscovery",
	"POST /api/directory/sync": "syncDirectory",
	"POST /api/my-number/affairs/{id}/handlers": "addMyNumberHandler",
	"POST /api/my-number/affairs/{id}/links": "linkMyNumberAffair",
	"DELETE /api/my-number/affairs/{id}/links/{kind}/{targetId}": "unlinkMyNumberAffair",
	"POST /api/my-number/affairs/{id}/provisions": "recordMyNumberProvision",
	"POST /api/my-number/affairs/{id}/notices/{noticeId}/seen": "markMyNumberNoticeSeen",
	"POST /api/secure-areas/{id}/permits": "grantSecureAreaPermit",
	"DELETE /api/secure-areas/{id}/permits/{permitId}": "revokeSecureAreaPermit",
	"POST /api/secure-areas/{id}/entries": "recordSecureAreaEntry",
	"POST /api/secure-areas/{id}/entries/{entryId}/exit": "recordSecureAreaExit",
	"POST /api/secure-areas/{id}/assets": "placeAssetInSecureArea",
	"DELETE /api/secure-areas/{id}/assets/{assetId}": "removeAssetFromSecureArea",
	"GET /api/training/mine": "listMyTraining",
	"POST /api/training/courses/{id}/attendance": "recordTrainingAttendance",
	"POST /api/training/courses/{id}/quiz": "submitTrainingQuiz",
	"GET /api/training/courses/{id}/drill": "getPhishingDrillResults",
};

function words(segment: string): string[] {
	return segment.split(/[-._]/).filter((word) => word.length > 0);
}

function capitalised(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

function singular(segment: string): string {
	if (SINGULAR_WORDS.has(segment)) return segment;
	if (segment.endsWith("ies")) return `${segment.slice(0, -3)}y`;
	if (/[^s]s$/.test(segment) && !segment.endsWith("us")) return segment.slice(0, -1);
	return segment;
}

function isCollection(segment: string): boolean {
	return singular(segment) !== segment;
}

/** "take-out" → "TakeOut", "report.pdf" → "ReportPdf". */
function noun(segment: string): string {
	return words(segment).map(capitalised).join("");
}

/**
 * The operation's name from its method and path (with `/api`), before overrides.
 *
 * @example
 * deriveOperationId("post", "/api/exceptions/{id}/approve"); // "approveException"
 */
export function deriveOperationId(method: string, path: string): string {
	const segments = path.split("/").filter((s) => s.length > 0 && s !== "api");
	const isParam = (s: string | undefined) => s?.startsWith("{") ?? false;
	const last = segments.at(-1) ?? "";
	const endsInItem = isParam(last);
	const verb = endsInItem ? undefined : ACTION_VERBS[last];
	const nounSegments = segments.filter((s) => !isParam(s));
	if (verb) nounSegments.pop();
	// The last noun is one thing when a path parameter follows it (or the operation creates one).
	const nouns = nounSegments.map((segment, index) => {
		const final = index === nounSegments.length - 1;
		if (!final) return noun(singular(segment));
		const followedByParam = isParam(segments[segments.indexOf(segment) + 1]);
		const one = followedByParam || (!verb && method === "post");
		return noun(one ? singular(segment) : segment);
	});
	const name = nouns.join("");
	if (verb) return `${verb}${name}`;
	switch (method) {
		case "get":
			return endsInItem || !isCollection(last) ? `get${name}` : `list${name}`;
		case "post":
			return `create${name}`;
		case "put":
		case "patch":
			return `update${name}`;
		case "delete":
			return `delete${name}`;
		default:
			return `${method}${name}`;
	}
}

/** The name the document gives an operation: the route's own, an override, or the derived one. */
export function operationIdOf(method: string, path: string, declared?: string): string {
	return (
		declared ??
		OPERATION_ID_OVERRIDES[`${method.toUpperCase()} ${path}`] ??
		deriveOperationId(method, path)
	);
}
