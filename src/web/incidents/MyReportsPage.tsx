import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { casePath, type IncidentSummary, stateBadge, stateKey } from "./labels.ts";
import "./incidents.css";

const PAGE_SIZE = 20;
const NO_FILTER = {};

/** The caller's own reports, newest first, each with its state; the page offset in the address. */
export function MyReportsPage() {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const { offset, setOffset } = useUrlFilter<Record<never, string>>(NO_FILTER);
	const [page, setPage] = useState<{ items: IncidentSummary[]; total: number; offset: number }>();
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		let current = true;
		call(api.GET("/api/incidents/mine", { params: { query: { offset, limit: PAGE_SIZE } } })).then(
			(result) => {
				if (current) setPage(result);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [offset]);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("incidents.mine.title")}</h1>
				<Link to="/incidents/report" className="button button-primary">
					{t("incidents.nav.report")}
				</Link>
			</div>
			<p className="lead">{t("incidents.mine.lead")}</p>
			<ErrorAlert error={error} />
			{page && page.total === 0 ? (
				<EmptyState
					testId="incidents-mine-empty"
					title={t("incidents.mine.empty")}
					guidance={t("incidents.mine.emptyGuidance")}
					action="incident.report"
				>
					<Link to="/incidents/report" className="button button-primary">
						{t("incidents.nav.report")}
					</Link>
				</EmptyState>
			) : null}
			{page && page.total > 0 ? (
				<>
					<div className="table-wrap">
						<table className="table" data-testid="my-incidents">
							<caption className="visually-hidden">{t("incidents.mine.title")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("incidents.field.reference")}</th>
									<th scope="col">{t("incidents.field.title")}</th>
									<th scope="col">{t("incidents.field.state")}</th>
									<th scope="col">{t("incidents.field.reportedAt")}</th>
								</tr>
							</thead>
							<tbody>
								{page.items.map((item) => (
									<tr key={item.id}>
										<td className="nowrap">
											<Link to={casePath(item.id)}>{item.reference}</Link>
										</td>
										<td>{item.title}</td>
										<td>
											<span className={stateBadge(item.state)}>{t(stateKey(item.state))}</span>
										</td>
										<td className="nowrap">{dateTime(item.createdAt)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<Pagination
						offset={page.offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={setOffset}
					/>
				</>
			) : null}
		</section>
	);
}
