import { type FormEvent, useCallback, useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { ScheduleDrillDialog } from "./ScheduleDrillDialog.tsx";
import { DRILL_STATES, type DrillSummary, drillPath, stateKey } from "./types.ts";
import { useDrillOptions } from "./useDrillOptions.ts";
import "./drills.css";

const PAGE_SIZE = 50;
const EMPTY = { state: "", fiscalYear: "" };

/** Fiscal years to filter by: the current one, two ahead and five back. */
function fiscalYears(today: string): number[] {
	const [year = 2000, month = 4] = today.split("-").map(Number);
	const current = month < 4 ? year - 1 : year;
	return Array.from({ length: 8 }, (_, i) => current + 2 - i);
}

/** Drills (訓練) of the emergency response plan: filtered by state and fiscal year, planned here. */
export function DrillsPage() {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const manage = can("drill.manage");
	const { options, error: optionsError } = useDrillOptions(manage);
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: DrillSummary[]; total: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	useEffect(() => setDraft(filter), [filter]);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as DrillSummary["state"] } : {}),
				...(filter.fiscalYear ? { fiscalYear: Number(filter.fiscalYear) } : {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/drills", { params: { query } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [filter, offset]);
	useEffect(() => {
		void load();
	}, [load]);

	function apply(event: FormEvent) {
		event.preventDefault();
		list.apply(draft);
	}

	const filtered = Boolean(filter.state || filter.fiscalYear);
	const empty = page !== null && page.total === 0 && !filtered;
	const today = new Date().toISOString().slice(0, 10);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("drills.title")}</h1>
				{manage && options && !empty ? (
					<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
						{t("drills.schedule")}
					</button>
				) : null}
			</div>
			<p className="lead">{t("drills.lead")}</p>
			<form className="filters" onSubmit={apply} aria-label={t("drills.filter.label")}>
				<div className="form-row">
					<Field label={t("drills.filter.state")}>
						{(id) => (
							<select
								id={id}
								value={draft.state}
								onChange={(event) => setDraft({ ...draft, state: event.target.value })}
							>
								<option value="">{t("drills.filter.all")}</option>
								{DRILL_STATES.map((state) => (
									<option key={state} value={state}>
										{t(stateKey(state))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("drills.filter.year")}>
						{(id) => (
							<select
								id={id}
								value={draft.fiscalYear}
								onChange={(event) => setDraft({ ...draft, fiscalYear: event.target.value })}
							>
								<option value="">{t("drills.filter.all")}</option>
								{fiscalYears(options?.today ?? today).map((year) => (
									<option key={year} value={year}>
										{formatFiscalYear(year, style, lang)}
									</option>
								))}
							</select>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button">
						{t("drills.filter.apply")}
					</button>
					<button type="button" className="button" onClick={() => list.apply(EMPTY)}>
						{t("drills.filter.clear")}
					</button>
				</div>
			</form>
			<ErrorAlert error={error ?? optionsError} />
			{page && empty ? (
				<EmptyState
					testId="drills-empty"
					title={t("drills.emptyTitle")}
					guidance={t("drills.emptyGuidance", { schedule: t("drills.schedule") })}
					action="drill.manage"
				>
					{options ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => setCreating(true)}
						>
							{t("drills.schedule")}
						</button>
					) : null}
				</EmptyState>
			) : null}
			{page && !empty ? (
				<>
					<p>
						<strong data-testid="drill-total">{t("drills.total", { count: page.total })}</strong>
					</p>
					{page.items.length === 0 ? (
						<p className="empty">{t("drills.none")}</p>
					) : (
						<div className="table-wrap">
							<table className="table" aria-label={t("drills.title")}>
								<thead>
									<tr>
										<th scope="col">{t("drills.col.title")}</th>
										<th scope="col">{t("drills.col.state")}</th>
										<th scope="col">{t("drills.col.plannedOn")}</th>
										<th scope="col">{t("drills.col.heldOn")}</th>
										<th scope="col">{t("drills.col.units")}</th>
										<th scope="col">{t("drills.col.participants")}</th>
									</tr>
								</thead>
								<tbody>
									{page.items.map((drill) => (
										<tr key={drill.id} data-drill={drill.id}>
											<td>
												<Link to={drillPath(drill.id)}>{drill.title}</Link>
											</td>
											<td>
												<span className={`badge drill-state-${drill.state}`}>
													{t(stateKey(drill.state))}
												</span>
											</td>
											<td className="nowrap">{date(drill.plannedOn)}</td>
											<td className="nowrap">{drill.heldOn ? date(drill.heldOn) : "—"}</td>
											<td>{drill.units.map((u) => u.name).join("、") || "—"}</td>
											<td>
												{drill.heldOn ? t("drills.people", { count: drill.participantCount }) : "—"}
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
					<Pagination
						offset={offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={list.setOffset}
					/>
				</>
			) : null}
			{creating && options ? (
				<ScheduleDrillDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(drillPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
