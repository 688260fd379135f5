import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { CaseActions } from "./CaseActions.tsx";
import { type Incident, stateBadge, stateKey } from "./labels.ts";
import { CASE_SECTIONS } from "./sections.ts";
import { useIncidentOptions } from "./useIncidentOptions.ts";
import "./incidents.css";

/**
 * One case: its reference, state and actions at the top, then its sections (facts, legal
 * reporting, timeline, and whatever parts of incident response are added to CASE_SECTIONS).
 */
export function IncidentDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const can = useCan();
	const oversees = can("incident.list");
	const { options, error: optionsError } = useIncidentOptions(oversees);
	const [incident, setIncident] = useState<Incident | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);

	const reload = useCallback(async () => {
		try {
			setIncident(await call(api.GET("/api/incidents/{id}", { params: { path: { id } } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [id]);

	useEffect(() => {
		void reload();
	}, [reload]);

	const changed = useCallback(
		(next: Incident) => {
			setIncident(next);
			setError(null);
			setStatus(t("incidents.saved", { state: t(stateKey(next.state)) }));
		},
		[t],
	);

	return (
		<section className="page">
			<p className="breadcrumb">
				{oversees ? (
					<Link to="/incidents">{t("incidents.detail.backToList")}</Link>
				) : (
					<Link to="/incidents/mine">{t("incidents.detail.backToMine")}</Link>
				)}
			</p>
			<ErrorAlert error={error ?? optionsError} />
			{incident ? (
				<>
					<div className="page-header">
						<h1>
							{incident.title}
							<span className="heading-sub">{incident.reference}</span>
						</h1>
						<span className={stateBadge(incident.state)}>{t(stateKey(incident.state))}</span>
					</div>
					<CaseActions incident={incident} options={options} onChanged={changed} />
					<StatusMessage>{status}</StatusMessage>
					{CASE_SECTIONS.map(({ id: sectionId, Component }) => (
						<Component
							key={sectionId}
							incident={incident}
							options={options}
							onChanged={changed}
							reload={reload}
						/>
					))}
				</>
			) : null}
		</section>
	);
}
