import { Fragment, useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useUrlParams } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { type I18n, useI18n } from "../i18n/i18n.tsx";
import "../styles/incident-feeds.css";

type Stats = Schemas["IncidentStats"];
type Duration = Stats["timeToTriage"];

const SHOWN = 5;
const TOP = 3;

/**
 * Dashboard card for the CSIRT, the CISO and 統括: the legal reports owed and not filed (until
 * they are), and a fiscal year's incident figures with their export.
 */
export function IncidentStatsCard() {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const [params, setParams] = useUrlParams({ incidentYear: "" });
	const [stats, setStats] = useState<Stats | null>(null);
	const [open, setOpen] = useState<Schemas["IncidentOpenObligations"] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const year = params.incidentYear;

	useEffect(() => {
		let current = true;
		const query = year ? { fiscalYear: Number(year) } : {};
		call(api.GET("/api/incidents/stats", { params: { query } })).then(
			(loaded) => {
				if (current) setStats(loaded);
			},
			(failure) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [year]);

	// Every year's reports owed: loaded once, whichever year's figures are shown.
	useEffect(() => {
		let current = true;
		call(api.GET("/api/incidents/open-obligations")).then(
			(loaded) => {
				if (current) setOpen(loaded);
			},
			(failure) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, []);

	if (!stats || !open) return error ? <ErrorAlert error={error} /> : null;
	const fiscalYear = formatFiscalYear(stats.fiscalYear, style, lang);
	const duration = (value: Duration) =>
		value.cases === 0
			? t("incidentStats.none")
			: t("incidentStats.duration", {
					median: hours(t, value.medianHours),
					mean: hours(t, value.meanHours),
				});
	const exportHref = (format: "csv" | "xlsx") =>
		`/api/incidents/stats/export?fiscalYear=${stats.fiscalYear}&format=${format}`;

	return (
		<section className="card" aria-labelledby="home-incident-stats" data-card="incident-stats">
			<h2 id="home-incident-stats">{t("incidentStats.title")}</h2>
			{open.recalculating || stats.recalculating ? (
				<p className="state state-warn" role="status" data-state="recalculating">
					{t("incidentStats.recalculating")}
				</p>
			) : null}
			{open.total === 0 ? (
				<p className="state state-ok">{t("incidentStats.open.none")}</p>
			) : (
				<>
					<p className="state state-warn">{t("incidentStats.open.count", { count: open.total })}</p>
					<ul className="plain-list" data-list="open-obligations">
						{open.items.slice(0, SHOWN).map((item) => (
							<li key={`${item.incidentId}:${item.obligation}:${item.stage}`}>
								{item.reference} {item.authority[lang]} {item.label[lang]}{" "}
								<span className="muted">
									{t("incidentStats.open.due", { date: date(item.due) })}
								</span>
								{item.overdue ? (
									<>
										{" "}
										<span className="badge badge-danger">{t("incidentStats.open.overdue")}</span>
									</>
								) : null}
							</li>
						))}
					</ul>
				</>
			)}

			<div className="field">
				<label className="field-label" htmlFor="incident-stats-year">
					{t("incidentStats.year")}
				</label>
				<select
					id="incident-stats-year"
					value={String(stats.fiscalYear)}
					onChange={(event) => setParams({ incidentYear: event.target.value })}
				>
					{stats.fiscalYears.map((option) => (
						<option key={option} value={option}>
							{formatFiscalYear(option, style, lang)}
						</option>
					))}
				</select>
			</div>
			<h3 className="visually-hidden">{t("incidentStats.caption", { year: fiscalYear })}</h3>
			<dl className="incident-figures">
				<dt>{t("incidentStats.total")}</dt>
				<dd data-figure="total">{stats.total}</dd>
				<dt>{t("incidentStats.byCategory")}</dt>
				<dd>
					{top(stats.byCategory)
						.map((c) => `${c.label?.[lang] ?? t("incidentStats.uncategorised")} ${c.count}`)
						.join(t("issue.listSeparator")) || t("incidentStats.none")}
				</dd>
				<dt>{t("incidentStats.byUnit")}</dt>
				<dd>
					{top(stats.byUnit)
						.map((u) => `${u.unit?.name ?? t("incidentStats.noUnit")} ${u.count}`)
						.join(t("issue.listSeparator")) || t("incidentStats.none")}
				</dd>
				<dt>{t("incidentStats.toTriage")}</dt>
				<dd data-figure="triage">{duration(stats.timeToTriage)}</dd>
				<dt>{t("incidentStats.toClose")}</dt>
				<dd data-figure="close">{duration(stats.timeToClose)}</dd>
				{stats.reporting.map((entry) => (
					<Fragment key={entry.stage}>
						<dt>{t(`incidentStats.stage.${entry.stage}`)}</dt>
						<dd data-figure={`reporting-${entry.stage}`}>
							{t("incidentStats.reporting", {
								onTime: entry.onTime,
								late: entry.late,
								unfiled: entry.overdue + entry.pending,
							})}
						</dd>
					</Fragment>
				))}
			</dl>
			<ErrorAlert error={error} />
			<div className="button-row">
				<DownloadButton
					href={exportHref("xlsx")}
					fileName={`incident-stats-${stats.fiscalYear}.xlsx`}
					onError={setError}
				>
					{t("incidentStats.exportXlsx")}
				</DownloadButton>
				<DownloadButton
					href={exportHref("csv")}
					fileName={`incident-stats-${stats.fiscalYear}.csv`}
					onError={setError}
				>
					{t("incidentStats.exportCsv")}
				</DownloadButton>
			</div>
		</section>
	);
}

/** The largest few of a breakdown (most first already). */
function top<T>(entries: readonly T[]): T[] {
	return entries.slice(0, TOP);
}

/** Hours as a person reads them: hours under two days, days beyond. */
function hours(t: I18n["t"], value: number | null): string {
	if (value === null) return "";
	return value < 48
		? t("incidentStats.hours", { value: value.toFixed(1) })
		: t("incidentStats.days", { value: (value / 24).toFixed(1) });
}
