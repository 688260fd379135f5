import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import {
	casePath,
	type IncidentCase,
	localized,
	priorityKey,
	STATES,
	severityText,
	stateBadge,
	stateKey,
} from "./labels.ts";
import { useIncidentOptions } from "./useIncidentOptions.ts";
import "./incidents.css";

const PAGE_SIZE = 50;

interface Filter {
	state: string;
	severity: string;
	unitId: string;
}
const EMPTY: Filter = { state: "", severity: "", unitId: "" };

type ListQuery = { state?: IncidentCase["state"] | "open"; severity?: number; unitId?: string };

/** The filter in the address as the API takes it; what it does not know is left out. */
function queryOf(filter: Filter): ListQuery {
	const query: ListQuery = {};
	const state = [...STATES, "open"].find((known) => known === filter.state);
	if (state) query.state = state as ListQuery["state"];
	const severity = Number.parseInt(filter.severity, 10);
	if (severity >= 1 && severity <= 5) query.severity = severity;
	if (filter.unitId) query.unitId = filter.unitId;
	return query;
}

/** The legal report due soonest, or a quiet "none". */
function NextDue({ item }: { item: IncidentCase }) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const due = item.nextDue;
	if (!due) return <span className="muted">{t("incidents.noneDue")}</span>;
	return (
		<>
			{t("incidents.nextDue", {
				authority: localized(due.authority, lang),
				label: localized(due.label, lang),
				due: date(due.due),
			})}
			{due.overdue ? (
				<span className="badge badge-danger incident-flag">{t("incidents.overdue")}</span>
			) : null}
		</>
	);
}

/**
 * The cases the caller oversees (CSIRT, CISO, 統括: all; a unit's 管理者: their units'), newest
 * first, filtered by state, severity and unit in the address, with the legal report due soonest.
 */
export function IncidentsPage() {
	const i18n = useI18n();
	const { t, lang } = i18n;
	const { dateTime } = useDates();
	const { options, error: optionsError } = useIncidentOptions();
	const { filter, offset, apply, setOffset, key } = useUrlFilter<Filter>(EMPTY);
	const [page, setPage] = useState<{ items: IncidentCase[]; total: number; offset: number }>();
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		let current = true;
		const query = { ...queryOf(JSON.parse(key) as Filter), offset, limit: PAGE_SIZE };
		call(api.GET("/api/incidents", { params: { query } })).then(
			(result) => {
				if (!current) return;
				setPage(result);
				setError(null);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [key, offset]);

	const filtered = Object.keys(queryOf(filter)).length > 0;
	const select = (
		name: keyof Filter,
		label: string,
		choices: readonly { value: string; label: string }[],
	) => (
		<label className="filter">
			<span>{label}</span>
			<select
				name={name}
				value={filter[name]}
				onChange={(event) => apply({ ...filter, [name]: event.target.value })}
			>
				<option value="">{t("incidents.filter.all")}</option>
				{choices.map((choice) => (
					<option key={choice.value} value={choice.value}>
						{choice.label}
					</option>
				))}
			</select>
		</label>
	);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("incidents.list.title")}</h1>
				<Link to="/incidents/report" className="button">
					{t("incidents.nav.report")}
				</Link>
			</div>
			<p className="lead">{t("incidents.list.lead")}</p>
			<search>
				<div className="toolbar toolbar-wrap">
					{select("state", t("incidents.field.state"), [
						{ value: "open", label: t("incidents.filter.open") },
						...STATES.map((state) => ({ value: state, label: t(stateKey(state)) })),
					])}
					{select(
						"severity",
						t("incidents.field.severity"),
						(options?.severities ?? []).map((step) => ({
							value: String(step.level),
							label: severityText(step, i18n),
						})),
					)}
					{select(
						"unitId",
						t("incidents.filter.unit"),
						(options?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
					)}
					{filtered ? (
						<button type="button" className="button" onClick={() => apply(EMPTY)}>
							{t("incidents.filter.clear")}
						</button>
					) : null}
				</div>
			</search>
			<ErrorAlert error={error ?? optionsError} />
			{page && page.total === 0 && !filtered ? (
				<EmptyState
					testId="incidents-empty"
					title={t("incidents.list.empty")}
					guidance={t("incidents.list.emptyGuidance")}
					action="incident.report"
				>
					<Link to="/incidents/report" className="button button-primary">
						{t("incidents.nav.report")}
					</Link>
				</EmptyState>
			) : null}
			{page && (page.total > 0 || filtered) ? (
				<>
					<p>
						<strong data-testid="incident-total">
							{t("incidents.list.total", { count: page.total })}
						</strong>
					</p>
					<div className="table-wrap">
						<table className="table" data-testid="incident-table">
							<caption className="visually-hidden">{t("incidents.list.title")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("incidents.field.reference")}</th>
									<th scope="col">{t("incidents.field.title")}</th>
									<th scope="col">{t("incidents.field.state")}</th>
									<th scope="col">{t("incidents.field.severity")}</th>
									<th scope="col">{t("incidents.field.priority")}</th>
									<th scope="col">{t("incidents.field.category")}</th>
									<th scope="col">{t("incidents.field.reportedAt")}</th>
									<th scope="col">{t("incidents.field.nextDue")}</th>
								</tr>
							</thead>
							<tbody>
								{page.items.map((item) => (
									<tr key={item.id} data-incident={item.reference}>
										<td className="nowrap">
											<Link to={casePath(item.id)}>{item.reference}</Link>
										</td>
										<td>{item.title}</td>
										<td>
											<span className={stateBadge(item.state)}>{t(stateKey(item.state))}</span>
										</td>
										<td className="nowrap">
											{severityText(item.severity, i18n)}
											{item.severity?.severe ? (
												<span className="badge badge-danger incident-flag">
													{t("incidents.severe")}
												</span>
											) : null}
										</td>
										<td>{item.priority ? t(priorityKey(item.priority)) : ""}</td>
										<td>{localized(item.categoryLabel, lang) || item.category || ""}</td>
										<td className="nowrap">{dateTime(item.createdAt)}</td>
										<td>
											<NextDue item={item} />
										</td>
									</tr>
								))}
							</tbody>
						</table>
						{page.items.length === 0 ? <p className="empty">{t("common.noResults")}</p> : null}
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
