import type { ComponentType } from "react";
import { IncidentFindingsSection } from "../assurance/findings/IncidentFindingsSection.tsx";
import { ChainSection } from "./ChainSection.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import { EvidenceSection } from "./EvidenceSection.tsx";
import { FactsSection } from "./FactsSection.tsx";
import { ObligationsSection } from "./ObligationsSection.tsx";
import { ReportDraftSection } from "./ReportDraftSection.tsx";
import { TasksSection } from "./TasksSection.tsx";
import { TimelineSection } from "./TimelineSection.tsx";

/**
 * The sections of the case page, in their order. A new part of incident response (notifications
 * and acknowledgements, tasks, evidence files, the PPC draft, raising a risk) adds its section
 * component here; it gets the case and shows only what `incident.allowedActions` permits.
 */
export const CASE_SECTIONS: readonly { id: string; Component: ComponentType<CaseSectionProps> }[] =
	[
		{ id: "facts", Component: FactsSection },
		{ id: "obligations", Component: ObligationsSection },
		{ id: "report-draft", Component: ReportDraftSection },
		{ id: "tasks", Component: TasksSection },
		{ id: "evidence", Component: EvidenceSection },
		{ id: "chain", Component: ChainSection },
		{ id: "findings", Component: IncidentFindingsSection },
		{ id: "timeline", Component: TimelineSection },
	];
