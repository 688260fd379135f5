import type { incidentChainJa } from "./incident-chain.ja.ts";

/** English messages of incident response's reporting chain, merged into the main catalogue (en.ts). */
export const incidentChainEn: Record<keyof typeof incidentChainJa, string> = {
	"audit.type.incident.chain_notified": "Incident reporting chain notified",
	"audit.type.incident.acknowledged": "Incident notice acknowledged",
	"audit.type.incident.escalated": "Incident escalated to the CISO",
	"audit.type.incident.deadline_reminded": "Legal report deadline reminder",

	"issue.nothing_to_acknowledge": "You have no notice of this case to acknowledge.",

	"home.work.kind.incident_acknowledgements": "Incident notices to acknowledge: {count}",

	"incidentChain.title": "Reporting chain",
	"incidentChain.contactPoint": "Contact point: {role}",
	"incidentChain.escalationRule":
		"From severity {severity}, goes to the CISO when not acknowledged within {hours} hours",
	"incidentChain.escalatedAt": "Escalated to the CISO: {at}",
	"incidentChain.acknowledge": "Acknowledge",
	"incidentChain.acknowledged": "Acknowledged",
	"incidentChain.waiting": "Not acknowledged",
	"incidentChain.mailed": "Mail sent",
	"incidentChain.notMailed": "No mail sent",
	"incidentChain.none": "Nobody has been told yet.",
	"incidentChain.toAcknowledge": "Incidents to acknowledge",
	"incidentChain.reason.triage": "Triage",
	"incidentChain.reason.severity_raised": "Severity raised",
	"incidentChain.reason.units_changed": "Units changed",
	"incidentChain.reason.escalation": "Escalation",
	"incidentChain.reason.deadline": "Legal report due",
	"incidentChain.timeline.chain_notified": "Reporting chain notified",
	"incidentChain.timeline.acknowledged": "Notice acknowledged",
	"incidentChain.timeline.escalated": "Escalated to the CISO",
	"incidentChain.timeline.deadline_reminded": "Legal report deadline reminder",
	"incidentChain.gap": "Nobody holds {role}, so nobody was told",
} as const;
