import { definePolicy } from "../authz/policy.ts";

/**
 * Who may act on the reporting chain. Anyone may be told of a case (a manager, 統括, the CISO,
 * the contact point), so acknowledging is open to all staff and checked per case: the caller must
 * see the case (`incident-desk.ts`) and have a notice of it waiting.
 */
export const incidentChainPolicy = definePolicy({
	/** Acknowledge what one was told of a case; list the cases waiting for it. */
	"incident.acknowledge": ["staff"],
});
