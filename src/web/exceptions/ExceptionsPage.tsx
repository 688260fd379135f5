import { type FormEvent, useCallback, useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { Field } from "../components/Field.tsx";
import { FilterButtons, RegisterResults } from "../components/RegisterResults.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { RequestExceptionDialog } from "./RequestExceptionDialog.tsx";
import {
	EXCEPTION_STATES,
	type ExceptionOptions,
	type ExceptionSummary,
	exceptionPath,
	stateKey,
} from "./types.ts";
import "./exceptions.css";

const PAGE_SIZE = 50;
const EMPTY = { state: "", fiscalYear: "" };

/** Fiscal years to filter by: the current one, one ahead and five back. */
function fiscalYears(today: string): number[] {
	const [year = 2000, month = 4] = today.split("-").map(Number);
	const current = month < 4 ? year - 1 : year;
	return Array.from({ length: 7 }, (_, i) => current + 1 - i);
}

/** 例外措置: the exceptions the caller sees, by state and fiscal year; requested and exported here. */
export function ExceptionsPage() {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const mayRequest = can("exception.request");
	const mayExport = can("exception.export");
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: ExceptionSummary[]; total: number } | null>(null);
	const [options, setOptions] = useState<ExceptionOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	const [reminders, setReminders] = useState<Schemas["ExceptionReminder"][]>([]);
	useEffect(() => setDraft(filter), [filter]);

	useEffect(() => {
		call(api.GET("/api/exceptions/reminders")).then(
			(found) => setReminders(found.items),
			() => setReminders([]),
		);
	}, []);

	useEffect(() => {
		if (mayRequest) call(api.GET("/api/exceptions/options")).then(setOptions, setError);
	}, [mayRequest]);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as ExceptionSummary["state"] } : {}),
				...(filter.fiscalYear ? { fiscalYear: Number(filter.fiscalYear) } : {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/exceptions", { params: { query } })));
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
	const today = options?.today ?? new Date().toISOString().slice(0, 10);
	const exportQuery = new URLSearchParams({
		...(filter.state ? { state: filter.state } : {}),
		...(filter.fiscalYear ? { fiscalYear: filter.fiscalYear } : {}),
	});
	const requestButton =
		mayRequest && options && options.units.length > 0 ? (
			<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
				{t("exceptions.request")}
			</button>
		) : null;

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("exceptions.title")}</h1>
				<div className="button-row">
					{mayExport && !empty ? (
						<>
							<DownloadButton
								href={`/api/exceptions/export?${new URLSearchParams([...exportQuery, ["format", "xlsx"]])}`}
								fileName="例外措置一覧.xlsx"
								onError={setError}
							>
								{t("exceptions.export.xlsx")}
							</DownloadButton>
							<DownloadButton
								href={`/api/exceptions/export?${new URLSearchParams([...exportQuery, ["format", "csv"]])}`}
								fileName="例外措置一覧.csv"
								onError={setError}
							>
								{t("exceptions.export.csv")}
							</DownloadButton>
						</>
					) : null}
					{!empty ? requestButton : null}
				</div>
			</div>
			<p className="lead">{t("exceptions.lead")}</p>
			{reminders.length > 0 ? (
				<section
					className="alert alert-warning"
					aria-labelledby="exception-reminders-title"
					data-testid="exception-reminders"
				>
					<h2 id="exception-reminders-title">{t("exceptions.reminders.title")}</h2>
					<ul>
						{reminders.map((reminder) => (
							<li key={reminder.exceptionId}>
								<Link to={exceptionPath(reminder.exceptionId)}>{reminder.reference}</Link>{" "}
								{t("exceptions.reminders.item", {
									clause: reminder.clause,
									end: date(reminder.endsOn),
								})}
							</li>
						))}
					</ul>
					<p className="muted">{t("exceptions.reminders.hint")}</p>
				</section>
			) : null}
			<form className="filters" onSubmit={apply} aria-label={t("exceptions.filter.label")}>
				<div className="form-row">
					<Field label={t("exceptions.filter.state")}>
						{(id) => (
							<select
								id={id}
								value={draft.state}
								onChange={(event) => setDraft({ ...draft, state: event.target.value })}
							>
								<option value="">{t("exceptions.filter.all")}</option>
								{EXCEPTION_STATES.map((state) => (
									<option key={state} value={state}>
										{t(stateKey(state))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("exceptions.filter.year")}>
						{(id) => (
							<select
								id={id}
								value={draft.fiscalYear}
								onChange={(event) => setDraft({ ...draft, fiscalYear: event.target.value })}
							>
								<option value="">{t("exceptions.filter.all")}</option>
								{fiscalYears(today).map((year) => (
									<option key={year} value={year}>
										{formatFiscalYear(year, style, lang)}
									</option>
								))}
							</select>
						)}
					</Field>
				</div>
				<FilterButtons
					apply={t("exceptions.filter.apply")}
					clear={t("exceptions.filter.clear")}
					onClear={() => list.apply(EMPTY)}
				/>
			</form>
			<RegisterResults
				error={error}
				page={page}
				empty={empty}
				emptyState={{
					testId: "exceptions-empty",
					title: t("exceptions.emptyTitle"),
					guidance: t("exceptions.emptyGuidance", { request: t("exceptions.request") }),
					action: "exception.request",
					button: requestButton,
				}}
				totalTestId="exception-total"
				total={t("exceptions.total", { count: page?.total ?? 0 })}
				none={t("exceptions.none")}
				label={t("exceptions.title")}
				offset={offset}
				limit={PAGE_SIZE}
				onOffset={list.setOffset}
			>
				{(items) => (
					<>
						<thead>
							<tr>
								<th scope="col">{t("exceptions.col.reference")}</th>
								<th scope="col">{t("exceptions.col.state")}</th>
								<th scope="col">{t("exceptions.col.unit")}</th>
								<th scope="col">{t("exceptions.col.clause")}</th>
								<th scope="col">{t("exceptions.col.period")}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.id} data-exception={item.id}>
									<td className="nowrap">
										<Link to={exceptionPath(item.id)}>{item.reference}</Link>
									</td>
									<td>
										<span className="badge">{t(stateKey(item.state))}</span>
										{item.inForce ? (
											<>
												{" "}
												<span className="badge badge-ok">{t("exceptions.inForce")}</span>
											</>
										) : null}
									</td>
									<td>{item.unit.name}</td>
									<td>{item.clause}</td>
									<td className="nowrap">
										{t("exceptions.period", {
											start: date(item.startsOn),
											end: date(item.endsOn),
										})}
									</td>
								</tr>
							))}
						</tbody>
					</>
				)}
			</RegisterResults>
			{creating && options ? (
				<RequestExceptionDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(exceptionPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
