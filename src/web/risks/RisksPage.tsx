import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import type { paths } from "../api/schema.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useListControls } from "../components/useListControls.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { navigate } from "../router.tsx";
import {
	BANDS,
	BASES,
	bandKey,
	basisKey,
	EMPTY_FILTER,
	localized,
	queryOf,
	type Risk,
	type RiskFilter,
	STATUSES,
	statusKey,
	TREATMENTS,
	treatmentKey,
} from "./labels.ts";
import { RiskFormDialog } from "./RiskFormDialog.tsx";
import { type RiskSort, RiskTable } from "./RiskTable.tsx";
import { RiskTabs } from "./RiskTabs.tsx";
import { useRiskOptions } from "./useRiskOptions.ts";
import "./risks.css";

const PAGE_SIZE = 50;

type ListQuery = NonNullable<paths["/api/risks"]["get"]["parameters"]["query"]>;

type View = "register" | "overdue";

/**
 * The risk register: filters (from the URL too, so a heat-map cell links here), sortable table,
 * paging, and the export of exactly this filter. The overdue view is the register fixed on
 * `overdue=true`, earliest due date first.
 */
export function RisksPage({ view = "register" }: { view?: View }) {
	const { t, lang } = useI18n();
	const { options, error: optionsError } = useRiskOptions();
	const fixed: Partial<RiskFilter> = view === "overdue" ? { overdue: "true" } : {};
	const { draft, setDraft, filter, sort, offset, setOffset, submit, reset, sortBy } =
		useListControls<RiskFilter, RiskSort>(
			EMPTY_FILTER,
			view === "overdue"
				? { by: "treatment_due", order: "asc" }
				: { by: "residual_score", order: "desc" },
			"desc",
		);
	const [page, setPage] = useState<{ items: Risk[]; total: number; offset: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	const effective = { ...filter, ...fixed };
	const query = queryOf(effective);
	const queryKey = JSON.stringify(query);

	const load = useCallback(async () => {
		try {
			const params = {
				...(JSON.parse(queryKey) as ListQuery),
				sort: sort.by,
				order: sort.order,
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/risks", { params: { query: params } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [queryKey, sort, offset]);

	useEffect(() => {
		void load();
	}, [load]);

	useEffect(() => {
		// Keep the filter in the address, so the view can be bookmarked and shared.
		const search = new URLSearchParams(queryOf(filter)).toString();
		window.history.replaceState(
			null,
			"",
			`${window.location.pathname}${search ? `?${search}` : ""}`,
		);
	}, [filter]);

	const canWrite = options?.allowedActions.includes("risk.write") ?? false;
	// An empty register (no filter): the empty state explains it and carries the action.
	const empty =
		view === "register" && page !== null && page.total === 0 && Object.keys(query).length === 0;
	const exportUrl = (format: "xlsx" | "csv") =>
		`/api/risks/export?${new URLSearchParams({ ...query, sort: sort.by, order: sort.order, format })}`;

	const choose = (
		key: keyof RiskFilter,
		values: readonly string[],
		label: (v: string) => string,
		title: MessageKey,
		all: MessageKey = "risks.filter.all",
	) => (
		<label className="filter">
			<span>{t(title)}</span>
			<select
				name={key}
				value={draft[key]}
				onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
			>
				<option value="">{t(all)}</option>
				{values.map((value) => (
					<option key={value} value={value}>
						{label(value)}
					</option>
				))}
			</select>
		</label>
	);
	const steps = Array.from({ length: options?.matrix.size ?? 0 }, (_, i) => String(i + 1));

	return (
		<section className="page risks-page">
			<div className="page-header">
				<h1>{t(view === "overdue" ? "risks.overdueTitle" : "risks.title")}</h1>
				{canWrite && page !== null && !empty ? (
					<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
						{t("risks.create")}
					</button>
				) : null}
			</div>
			<RiskTabs current={view === "overdue" ? "/risks/overdue" : "/risks"} />
			<p className="lead">{t(view === "overdue" ? "risks.overdueLead" : "risks.lead")}</p>

			<search>
				<form className="toolbar toolbar-wrap" onSubmit={submit}>
					<label className="filter">
						<span>{t("risks.searchLabel")}</span>
						<input
							type="search"
							name="q"
							value={draft.q}
							onChange={(event) => setDraft({ ...draft, q: event.target.value })}
						/>
					</label>
					{choose("status", [...STATUSES, "active"], (v) => t(statusKey(v)), "risks.field.status")}
					{choose(
						"treatment",
						[...TREATMENTS, "none"],
						(v) => t(treatmentKey(v)),
						"risks.field.treatment",
					)}
					{choose(
						"threat",
						(options?.threats ?? []).map((threat) => threat.code),
						(code) =>
							localized(options?.threats.find((threat) => threat.code === code)?.label, lang) ||
							code,
						"risks.field.threat",
					)}
					{choose(
						"unitId",
						(options?.units ?? []).map((unit) => unit.id),
						(id) => options?.units.find((unit) => unit.id === id)?.name ?? id,
						"risks.field.ownerUnit",
					)}
					{view === "register"
						? choose(
								"overdue",
								["true", "false"],
								(v) => t(v === "true" ? "common.yes" : "common.no"),
								"risks.overdue",
							)
						: null}
					{choose(
						"basis",
						BASES,
						(v) => t(basisKey(v)),
						"risks.filter.basis",
						"risks.filter.basisDefault",
					)}
					{choose("band", BANDS, (v) => t(bandKey(v)), "risks.filter.band")}
					{choose("likelihood", steps, (v) => v, "risks.field.likelihood")}
					{choose("impact", steps, (v) => v, "risks.field.impact")}
					<button type="submit" className="button">
						{t("risks.filter.apply")}
					</button>
					<button type="button" className="button" onClick={reset}>
						{t("risks.filter.clear")}
					</button>
				</form>
			</search>

			<ErrorAlert error={error ?? optionsError} />
			{page ? (
				<>
					<div className="toolbar">
						<strong data-testid="risk-total">{t("risks.total", { count: page.total })}</strong>
						<span>{t("risks.export")}:</span>
						<DownloadButton href={exportUrl("xlsx")} fileName="risks.xlsx" onError={setError}>
							{t("risks.exportXlsx")}
						</DownloadButton>
						<DownloadButton href={exportUrl("csv")} fileName="risks.csv" onError={setError}>
							{t("risks.exportCsv")}
						</DownloadButton>
					</div>
					{empty ? (
						<EmptyState
							testId="risks-empty"
							title={t("empty.risks.title")}
							guidance={t("empty.risks.guidance", { create: t("risks.create") })}
							action="risk.write"
						>
							<button
								type="button"
								className="button button-primary"
								onClick={() => setCreating(true)}
							>
								{t("risks.create")}
							</button>
						</EmptyState>
					) : (
						<RiskTable items={page.items} sort={sort} onSort={sortBy} />
					)}
					<Pagination
						offset={page.offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={setOffset}
					/>
				</>
			) : null}

			{creating && options ? (
				<RiskFormDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(`/risks/${encodeURIComponent(saved.id)}`);
					}}
				/>
			) : null}
		</section>
	);
}
