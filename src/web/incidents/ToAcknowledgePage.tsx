import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { casePath, severityText, stateBadge, stateKey } from "./labels.ts";
import { useIncidentOptions } from "./useIncidentOptions.ts";
import "./incidents.css";
import "./incident-chain.css";

/**
 * The cases the reporting chain told the caller of and that they have not acknowledged, oldest
 * notice first, each linking to the case where it is acknowledged. Open to all staff: anyone may
 * be in a case's chain.
 */
export function ToAcknowledgePage() {
	const i18n = useI18n();
	const { t } = i18n;
	const { dateTime } = useDates();
	const can = useCan();
	const { options } = useIncidentOptions(can("incident.list"));
	const [list, setList] = useState<Schemas["IncidentsToAcknowledge"] | null>(null);
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		let current = true;
		call(api.GET("/api/incidents/to-acknowledge")).then(
			(result) => {
				if (current) setList(result);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, []);

	const severity = (level: number | null) => {
		if (level === null) return t("incidents.notTriaged");
		const step = options?.severities.find((s) => s.level === level);
		return severityText(step ?? { level, label: null }, i18n);
	};

	return (
		<section className="page">
			<h1>{t("incidentChain.toAcknowledge")}</h1>
			<p className="lead">{t("incidentChain.page.lead")}</p>
			<ErrorAlert error={error} />
			{list && list.total === 0 ? (
				<EmptyState
					testId="incidents-to-acknowledge-empty"
					title={t("incidentChain.page.empty")}
					guidance={t("incidentChain.page.emptyGuidance")}
					action="incident.acknowledge"
				/>
			) : null}
			{list && list.total > 0 ? (
				<>
					<div className="table-wrap">
						<table className="table" data-testid="incidents-to-acknowledge">
							<caption className="visually-hidden">{t("incidentChain.toAcknowledge")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("incidents.field.reference")}</th>
									<th scope="col">{t("incidents.field.title")}</th>
									<th scope="col">{t("incidents.field.severity")}</th>
									<th scope="col">{t("incidents.field.state")}</th>
									<th scope="col">{t("incidentChain.page.firstNotifiedAt")}</th>
									<th scope="col">{t("incidentChain.page.notices")}</th>
								</tr>
							</thead>
							<tbody>
								{list.items.map((item) => (
									<tr key={item.id}>
										<td className="nowrap">
											<Link to={casePath(item.id)}>{item.reference}</Link>
										</td>
										<td>{item.title}</td>
										<td className="nowrap">{severity(item.severity)}</td>
										<td>
											<span className={stateBadge(item.state)}>{t(stateKey(item.state))}</span>
										</td>
										<td className="nowrap">
											<time dateTime={item.firstNotifiedAt}>{dateTime(item.firstNotifiedAt)}</time>
										</td>
										<td className="nowrap">
											{t("incidentChain.page.noticesCount", { count: item.notices })}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{list.total > list.items.length ? (
						<p className="muted">
							{t("incidentChain.page.more", { shown: list.items.length, total: list.total })}
						</p>
					) : null}
				</>
			) : null}
		</section>
	);
}
