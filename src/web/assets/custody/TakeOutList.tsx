import { useCallback, useEffect, useMemo, useState } from "react";
import { api, call } from "../../api/client.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { useUrlFilter } from "../../components/useUrlParams.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";
import { TakeOutTable } from "./TakeOutTable.tsx";
import type { TakeOut } from "./types.ts";

type View = "all" | "mine" | "to_decide";
type Status = "" | "requested" | "approved" | "refused" | "returned" | "overdue";

const STATUSES: readonly Exclude<Status, "">[] = [
	"requested",
	"approved",
	"refused",
	"returned",
	"overdue",
];

const statusLabel = (status: Exclude<Status, "">): MessageKey =>
	status === "overdue" ? "custody.takeOut.overdue" : `custody.takeOut.status.${status}`;

interface Filter {
	view: View;
	status: Status;
}

const PAGE_SIZE = 50;

interface Page {
	items: TakeOut[];
	total: number;
	/** Where these items start: the range shown moves with the rows, not ahead of them. */
	offset: number;
}

/** The filter an address holds, anything unknown read as its default. */
function filterOf(values: { view: string; status: string }): Filter {
	const views: readonly View[] = ["all", "mine", "to_decide"];
	return {
		view: views.find((view) => view === values.view) ?? "all",
		status: STATUSES.find((status) => status === values.status) ?? "",
	};
}

/** The list's query string for a filter; the export takes the same one. */
function queryOf(filter: Filter): Record<string, string> {
	return { view: filter.view, ...(filter.status ? { status: filter.status } : {}) };
}

/**
 * Every take-out the caller may see, filtered by view and state, a page at a time from the
 * server, with an export (Excel or CSV) of exactly that filter. `version` changes when a
 * take-out changed elsewhere on the page.
 */
export function TakeOutList({
	decider,
	version,
	onChanged,
}: {
	decider: boolean;
	version: number;
	onChanged(takeOut: TakeOut): void;
}) {
	const { t } = useI18n();
	// The view, state and page live in the address: reload, back and a shared link keep them.
	const list = useUrlFilter({ view: "all", status: "" });
	const { offset, setOffset, apply: setFilter } = list;
	const filter = useMemo(() => filterOf(list.filter), [list.filter]);
	const [page, setPage] = useState<Page | null>(null);
	const [error, setError] = useState<unknown>(null);

	const load = useCallback(async (current: Filter, from: number, _version: number) => {
		try {
			const query = {
				view: current.view,
				...(current.status ? { status: current.status } : {}),
				offset: from,
				limit: PAGE_SIZE,
			};
			const result = await call(api.GET("/api/take-outs", { params: { query } }));
			setPage({ items: result.items, total: result.total, offset: result.offset });
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load(filter, offset, version);
	}, [load, filter, offset, version]);

	const exportUrl = (format: "xlsx" | "csv") =>
		`/api/take-outs/export?${new URLSearchParams({ ...queryOf(filter), format })}`;

	return (
		<section className="card" aria-labelledby="take-out-list-title">
			<h2 id="take-out-list-title">{t("custody.takeOut.listTitle")}</h2>
			<div className="filters">
				<Field label={t("custody.takeOut.filterView")}>
					{(id) => (
						<select
							id={id}
							value={filter.view}
							onChange={(event) => setFilter({ ...filter, view: event.target.value as View })}
						>
							<option value="all">{t("custody.takeOut.view.all")}</option>
							<option value="mine">{t("custody.takeOut.mine")}</option>
							{decider ? <option value="to_decide">{t("custody.takeOut.toDecide")}</option> : null}
						</select>
					)}
				</Field>
				<Field label={t("custody.takeOut.filterStatus")}>
					{(id) => (
						<select
							id={id}
							value={filter.status}
							onChange={(event) => setFilter({ ...filter, status: event.target.value as Status })}
						>
							<option value="">{t("custody.takeOut.status.any")}</option>
							{STATUSES.map((status) => (
								<option key={status} value={status}>
									{t(statusLabel(status))}
								</option>
							))}
						</select>
					)}
				</Field>
			</div>
			<ErrorAlert error={error} />
			<div className="toolbar">
				{page ? (
					<strong data-testid="take-out-count">
						{t("custody.takeOut.count", { count: page.total })}
					</strong>
				) : null}
				<span>{t("custody.takeOut.export")}:</span>
				<DownloadButton href={exportUrl("xlsx")} fileName="take-outs.xlsx" onError={setError}>
					{t("custody.takeOut.exportXlsx")}
				</DownloadButton>
				<DownloadButton href={exportUrl("csv")} fileName="take-outs.csv" onError={setError}>
					{t("custody.takeOut.exportCsv")}
				</DownloadButton>
			</div>
			{page ? (
				<>
					<TakeOutTable
						items={page.items}
						label={t("custody.takeOut.listTitle")}
						onChanged={onChanged}
					/>
					{page.total > PAGE_SIZE ? (
						<Pagination
							offset={page.offset}
							limit={PAGE_SIZE}
							total={page.total}
							onChange={setOffset}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
