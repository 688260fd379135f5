import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { useUrlFilter } from "../../components/useUrlParams.ts";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link, navigate } from "../../router.tsx";
import { useCan } from "../../session.tsx";
import { AuditDialog } from "./AuditDialog.tsx";
import {
	AUDIT_KINDS,
	AUDIT_STATES,
	type AuditSummary,
	auditPath,
	kindKey,
	PLANS_PATH,
	STATE_BADGE,
	stateKey,
} from "./types.ts";
import { useAuditOptions } from "./useAuditOptions.ts";
import { fiscalYearOfDay, useFiscalYear } from "./useFiscalYear.ts";
import "./audits.css";

const PAGE_SIZE = 50;
const EMPTY = { state: "", kind: "", fiscalYear: "" };

/** Security audits the caller may read, filtered by state, kind and fiscal year; entered here. */
export function AuditsPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const fiscalYear = useFiscalYear();
	const can = useCan();
	const manage = can("assurance_audit.manage");
	const { options, error: optionsError } = useAuditOptions(manage);
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: AuditSummary[]; total: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	useEffect(() => setDraft(filter), [filter]);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as AuditSummary["state"] } : {}),
				...(filter.kind ? { kind: filter.kind as AuditSummary["kind"] } : {}),
				...(filter.fiscalYear ? { fiscalYear: Number(filter.fiscalYear) } : {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/assurance/audits", { params: { query } })));
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

	const filtered = Boolean(filter.state || filter.kind || filter.fiscalYear);
	const empty = page !== null && page.total === 0 && !filtered;
	const current = fiscalYearOfDay(options?.today ?? new Date().toISOString().slice(0, 10));
	const years = Array.from({ length: 8 }, (_, i) => current + 1 - i);
	// An audit is entered from a yearly plan, or ordered ad hoc by the CISO.
	const mayCreate = options !== null && (options.yearlyPlans.length > 0 || options.mayOrderAdHoc);
	const createButton = (primary: boolean) => (
		<button
			type="button"
			className={primary ? "button button-primary" : "button"}
			onClick={() => setCreating(true)}
		>
			{t("audits.create")}
		</button>
	);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("audits.title")}</h1>
				{mayCreate && !empty ? createButton(true) : null}
			</div>
			<p className="lead">{t("audits.lead")}</p>
			<form className="filters" onSubmit={apply} aria-label={t("audits.filter.label")}>
				<div className="form-row">
					<Field label={t("audits.filter.state")}>
						{(id) => (
							<select
								id={id}
								value={draft.state}
								onChange={(event) => setDraft({ ...draft, state: event.target.value })}
							>
								<option value="">{t("audits.filter.all")}</option>
								{AUDIT_STATES.map((state) => (
									<option key={state} value={state}>
										{t(stateKey(state))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("audits.filter.kind")}>
						{(id) => (
							<select
								id={id}
								value={draft.kind}
								onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
							>
								<option value="">{t("audits.filter.all")}</option>
								{AUDIT_KINDS.map((kind) => (
									<option key={kind} value={kind}>
										{t(kindKey(kind))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("audits.filter.year")}>
						{(id) => (
							<select
								id={id}
								value={draft.fiscalYear}
								onChange={(event) => setDraft({ ...draft, fiscalYear: event.target.value })}
							>
								<option value="">{t("audits.filter.all")}</option>
								{years.map((year) => (
									<option key={year} value={year}>
										{fiscalYear(year)}
									</option>
								))}
							</select>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button">
						{t("audits.filter.apply")}
					</button>
					<button type="button" className="button" onClick={() => list.apply(EMPTY)}>
						{t("audits.filter.clear")}
					</button>
				</div>
			</form>
			<ErrorAlert error={error ?? optionsError} />
			{page && empty ? (
				<EmptyState
					testId="audits-empty"
					title={t("audits.emptyTitle")}
					guidance={
						mayCreate
							? t("audits.emptyGuidance", { create: t("audits.create") })
							: t("audits.emptyNoPlan")
					}
					action="assurance_audit.manage"
				>
					{mayCreate ? (
						createButton(true)
					) : options ? (
						<Link to={PLANS_PATH} className="button button-primary">
							{t("audits.toPlans")}
						</Link>
					) : null}
				</EmptyState>
			) : null}
			{page && !empty ? (
				<>
					<p>
						<strong data-testid="audit-total">{t("audits.total", { count: page.total })}</strong>
					</p>
					{page.items.length === 0 ? (
						<p className="empty">{t("audits.none")}</p>
					) : (
						<div className="table-wrap">
							<table className="table" aria-label={t("audits.title")}>
								<thead>
									<tr>
										<th scope="col">{t("audits.col.title")}</th>
										<th scope="col">{t("audits.col.kind")}</th>
										<th scope="col">{t("audits.col.state")}</th>
										<th scope="col">{t("audits.col.year")}</th>
										<th scope="col">{t("audits.col.period")}</th>
										<th scope="col">{t("audits.col.lead")}</th>
										<th scope="col">{t("audits.col.units")}</th>
									</tr>
								</thead>
								<tbody>
									{page.items.map((audit) => (
										<tr key={audit.id} data-audit={audit.id}>
											<td>
												<Link to={auditPath(audit.id)}>{audit.title}</Link>
											</td>
											<td>{t(kindKey(audit.kind))}</td>
											<td>
												<span className={`badge ${STATE_BADGE[audit.state] ?? ""}`}>
													{t(stateKey(audit.state))}
												</span>
											</td>
											<td className="nowrap">{fiscalYear(audit.fiscalYear)}</td>
											<td className="nowrap">
												{t("audits.period", {
													from: date(audit.periodStart),
													to: date(audit.periodEnd),
												})}
											</td>
											<td>{audit.lead?.name ?? "—"}</td>
											<td>{audit.units.map((u) => u.name).join("、") || "—"}</td>
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
				<AuditDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(auditPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
