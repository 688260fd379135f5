import type { emergencyPlanJa } from "./emergency-plan.ja.ts";

/** English messages of the emergency response plan as a policy document, merged into en.ts. */
export const emergencyPlanEn: Record<keyof typeof emergencyPlanJa, string> = {
	"docs.kind.emergency_plan": "Emergency response plan",
	"docs.fromTemplate": "Draft from the plan's parts",
	"docs.planLead":
		"The plan for a breach: contacts, containment, recovery, prevention of recurrence and drills. Drill records are under Drills.",
	"docs.planDrills": "Open the drill records",
	"issue.emergency_plan_exists": "The emergency response plan exists already; revise it instead.",
	"issue.document_has_no_template": "Only the emergency response plan can start from its parts.",
};
