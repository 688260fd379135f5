import type { Incident, IncidentOptions } from "./labels.ts";

/**
 * What every section of the case page is given. A section is one card of the page (facts, legal
 * reporting, timeline, and later notifications, tasks, evidence, the PPC draft, a risk): it
 * shows its part of the case and offers the actions `incident.allowedActions` permits.
 */
export interface CaseSectionProps {
	incident: Incident;
	/** The pack's categories, severity scale and units; null for a reporter (who may not list cases). */
	options: IncidentOptions | null;
	/** Show the case as a change returned it (every case route answers with the case). */
	onChanged(next: Incident): void;
	/** Read the case again, after a change made through another route. */
	reload(): Promise<void>;
}
