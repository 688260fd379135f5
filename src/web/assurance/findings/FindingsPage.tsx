import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { useUrlFilter } from "../../components/useUrlParams.ts";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link, navigate } from "../../router.tsx";
import { useCan } from "../../session.tsx";
import { OverdueBadge, SeverityBadge, StateBadge } from "./badges.tsx";
import { RaiseFindingDialog } from "./RaiseFindingDialog.tsx";
import {
	FINDING_SEVERITIES,
	FINDING_SOURCES,
	FINDING_STATES,
	type FindingSummary,
	findingPath,
	severityKey,
	sourceKey,
	stateKey,
} from "./types.ts";
import { useFindingOptions } from "./useFindingOptions.ts";
import "./findings.css";

const PAGE_SIZE = 50;
const EMPTY = { state: "", severity: "", source: "", unitId: "", overdue: "" };
type Filter = typeof EMPTY;

/** The filter as query parameters: only what is set. */
function queryOf(filter: Filter): Record<string, string> {
	return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== ""));
}

/**
 * The findings register: every finding the caller sees, filtered by state, severity, source,
 * owner unit and overdue (all kept in the address), exported as XLSX, raised here by hand.
 */
export function FindingsPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const { options, error: optionsError } = useFindingOptions();
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: FindingSummary[]; total: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [raising, setRaising] = useState(false);
	useEffect(() => setDraft(filter), [filter]);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as FindingSummary["state"] } : {}),
				...(filter.severity ? { severity: filter.severity as FindingSummary["severity"] } : {}),
				...(filter.source ? { source: filter.source as FindingSummary["source"] } : {}),
				...(filter.unitId ? { unitId: filter.unitId } : {}),
				...(filter.overdue
					? { overdue: filter.overdue === "true" ? ("true" as const) : ("false" as const) }
					: {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/findings", { params: { query } })));
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

	const mayRaise = can("finding.raise") && options !== null;
	const filtered = Object.values(filter).some((value) => value !== "");
	const empty = page !== null && page.total === 0 && !filtered;
	const exportQuery = new URLSearchParams(queryOf(filter)).toString();
	const raiseButton = (
		<button type="button" className="button button-primary" onClick={() => setRaising(true)}>
			{t("findings.raise")}
		</button>
	);
	const select = (key: keyof Filter, label: string, choices: [string, string][]) => (
		<Field label={label}>
			{(id) => (
				<select
					id={id}
					value={draft[key]}
					onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
				>
					<option value="">{t("findings.filter.all")}</option>
					{choices.map(([value, text]) => (
						<option key={value} value={value}>
							{text}
						</option>
					))}
				</select>
			)}
		</Field>
	);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("findings.title")}</h1>
				<div className="button-row">
					{mayRaise && !empty ? raiseButton : null}
					{page && !empty ? (
						<DownloadButton
							href={`/api/findings/export${exportQuery ? `?${exportQuery}` : ""}`}
							fileName={t("findings.exportFile")}
							onError={setError}
						>
							{t("findings.export")}
						</DownloadButton>
					) : null}
				</div>
			</div>
			<p className="lead">{t("findings.lead")}</p>
			<form className="filters" onSubmit={apply} aria-label={t("findings.filter.label")}>
				<div className="form-row">
					{select(
						"state",
						t("findings.filter.state"),
						FINDING_STATES.map((s) => [s, t(stateKey(s))]),
					)}
					{select(
						"severity",
						t("findings.filter.severity"),
						FINDING_SEVERITIES.map((s) => [s, t(severityKey(s))]),
					)}
					{select(
						"source",
						t("findings.filter.source"),
						FINDING_SOURCES.map((s) => [s, t(sourceKey(s))]),
					)}
					{select(
						"unitId",
						t("findings.filter.unit"),
						(options?.units ?? []).map((u) => [u.id, u.name]),
					)}
					{select("overdue", t("findings.filter.overdue"), [
						["true", t("findings.filter.overdueOnly")],
						["false", t("findings.filter.notOverdue")],
					])}
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button">
						{t("findings.filter.apply")}
					</button>
					<button type="button" className="button" onClick={() => list.apply(EMPTY)}>
						{t("findings.filter.clear")}
					</button>
				</div>
			</form>
			<ErrorAlert error={error ?? optionsError} />
			{page && empty ? (
				<EmptyState
					testId="findings-empty"
					title={t("findings.emptyTitle")}
					guidance={t("findings.emptyGuidance", { raise: t("findings.raise") })}
					action="finding.raise"
				>
					{mayRaise ? raiseButton : null}
				</EmptyState>
			) : null}
			{page && !empty ? (
				<>
					<p>
						<strong data-testid="finding-total">
							{t("findings.total", { count: page.total })}
						</strong>
					</p>
					{page.items.length === 0 ? (
						<p className="empty">{t("findings.none")}</p>
					) : (
						<div className="table-wrap">
							<table className="table" aria-label={t("findings.title")}>
								<thead>
									<tr>
										<th scope="col">{t("findings.col.reference")}</th>
										<th scope="col">{t("findings.col.title")}</th>
										<th scope="col">{t("findings.col.source")}</th>
										<th scope="col">{t("findings.col.clause")}</th>
										<th scope="col">{t("findings.col.unit")}</th>
										<th scope="col">{t("findings.col.severity")}</th>
										<th scope="col">{t("findings.col.state")}</th>
										<th scope="col">{t("findings.col.dueOn")}</th>
									</tr>
								</thead>
								<tbody>
									{page.items.map((finding) => (
										<tr key={finding.id} data-finding={finding.id}>
											<td className="nowrap">{finding.reference}</td>
											<td>
												<Link to={findingPath(finding.id)}>{finding.title}</Link>
											</td>
											<td>
												{t(sourceKey(finding.source))}
												{finding.sourceLabel ? (
													<div className="cell-sub">{finding.sourceLabel}</div>
												) : null}
											</td>
											<td>{finding.clause}</td>
											<td>{finding.ownerUnit.name}</td>
											<td>
												<SeverityBadge severity={finding.severity} />
											</td>
											<td>
												<StateBadge state={finding.state} />
											</td>
											<td className="nowrap">
												{finding.dueOn ? date(finding.dueOn) : "—"}
												{finding.overdue ? (
													<>
														{" "}
														<OverdueBadge />
													</>
												) : null}
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
			{raising && options ? (
				<RaiseFindingDialog
					options={options}
					onClose={(saved) => {
						setRaising(false);
						if (saved) navigate(findingPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
