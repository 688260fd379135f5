import type { adoptionJa } from "./adoption.ja.ts";

/** English messages of the city's decisions, codes and tools; the same keys as adoption.ja.ts. */
export const adoptionEn: Record<keyof typeof adoptionJa, string> = {
	"adoption.effectiveOn": "Effective date",
	"adoption.decisionNumber": "Decision number",
	"adoption.committeeDecidedOn": "Committee decision date",
	"adoption.decisionNumberHint": "The number of the approved decision document (e.g. 情政第12号).",
	"adoption.committeeDecidedOnHint": "The day the information security committee decided it.",
	"adoption.decision": "Decision",
	"adoption.drafterMayNotDecide":
		"You drafted this version, so someone else approves and publishes it (the policy separates drafter and decider).",
	"adoption.allAcknowledged": "Everyone has acknowledged it; no reminder is needed.",
	"adoption.displayOrder": "Display order",
	"adoption.displayOrderHint":
		"The order among units of the same level (the city's organisation rules). Smaller numbers come first; left empty, the unit goes last.",
	"adoption.pdfTools.missing":
		"PDF attachments will be held, not rebuilt: this server has no {tools}.",
	"adoption.pdfTools.install": "Install {package} and restart Mamori:",
	"issue.drafter_may_not_decide":
		"The drafter may not approve or publish their own draft. Ask another decider.",
	"issue.decision_required": "Enter the {field}.",
	"issue.field.effectiveOn": "effective date",
	"issue.field.decisionNumber": "decision number",
	"issue.field.committeeDecidedOn": "committee decision date",
	"issue.field.displayOrder": "display order",
};
