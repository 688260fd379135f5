import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useListControls } from "../components/useListControls.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { ImportMappingDialog } from "../imports/ImportMappingDialog.tsx";
import { Link, navigate } from "../router.tsx";
import { AssetFormDialog } from "./AssetFormDialog.tsx";
import { AssetImportDialog } from "./AssetImportDialog.tsx";
import {
	type Asset,
	KINDS,
	kindKey,
	type LedgerOptions,
	LIFECYCLE,
	lifecycleKey,
	PERSONAL,
	personalKey,
	ZONES,
	zoneKey,
} from "./labels.ts";

const PAGE_SIZE = 50;
const SORTS = ["code", "name", "class_rank", "zone", "kind", "updated_at"] as const;
type Sort = (typeof SORTS)[number];

interface Filter {
	q: string;
	kind: string;
	zone: string;
	unitId: string;
	lifecycle: string;
	personalData: string;
}
const EMPTY: Filter = { q: "", kind: "", zone: "", unitId: "", lifecycle: "", personalData: "" };

/** The filter as query parameters, leaving out what is not set. */
function queryOf(filter: Filter): Record<string, string> {
	return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== ""));
}

/** The ledger: server-side search, filters, sorting and paging; export of exactly this selection. */
export function AssetsPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const [options, setOptions] = useState<LedgerOptions | null>(null);
	const { draft, setDraft, filter, sort, offset, setOffset, submit, reset, sortBy } =
		useListControls<Filter, Sort>(EMPTY, { by: "code", order: "asc" }, "asc");
	const [page, setPage] = useState<{ items: Asset[]; total: number; offset: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<"create" | "import" | "mapping" | null>(null);

	useEffect(() => {
		call(api.GET("/api/asset-ledger/options")).then(setOptions, setError);
	}, []);

	const load = useCallback(async () => {
		try {
			const query = {
				...queryOf(filter),
				sort: sort.by,
				order: sort.order,
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/assets", { params: { query } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [filter, sort, offset]);

	useEffect(() => {
		void load();
	}, [load]);

	const canWrite = options?.allowedActions.includes("asset.write") ?? false;
	const canImport = options?.allowedActions.includes("asset.import") ?? false;
	const filtered = Object.keys(queryOf(filter)).length > 0;
	// On an empty ledger the actions move into the empty state that explains them.
	const empty = page !== null && page.total === 0 && !filtered;
	const headerActions = page !== null && !empty;
	const exportUrl = (format: "xlsx" | "csv") =>
		`/api/assets/export?${new URLSearchParams({ ...queryOf(filter), sort: sort.by, order: sort.order, format })}`;

	const choose = (
		key: keyof Filter,
		values: readonly string[],
		label: (v: string) => string,
		title: MessageKey,
	) => (
		<label className="filter">
			<span>{t(title)}</span>
			<select
				value={draft[key]}
				onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
			>
				<option value="">{t("assets.filter.all")}</option>
				{values.map((value) => (
					<option key={value} value={value}>
						{label(value)}
					</option>
				))}
			</select>
		</label>
	);

	const header = (by: Sort, label: MessageKey) => (
		<th
			scope="col"
			aria-sort={sort.by === by ? (sort.order === "asc" ? "ascending" : "descending") : "none"}
		>
			<button
				type="button"
				className="button-link"
				onClick={() => sortBy(by)}
				title={t("assets.sortBy", { column: t(label) })}
			>
				{t(label)}
				{sort.by === by ? (sort.order === "asc" ? " ▲" : " ▼") : ""}
			</button>
		</th>
	);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("assets.title")}</h1>
				<div className="button-row">
					{canImport && headerActions ? (
						<>
							<button type="button" className="button" onClick={() => setDialog("import")}>
								{t("assets.import")}
							</button>
							<button type="button" className="button" onClick={() => setDialog("mapping")}>
								{t("mapping.open")}
							</button>
						</>
					) : null}
					{canWrite && headerActions ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => setDialog("create")}
						>
							{t("assets.create")}
						</button>
					) : null}
				</div>
			</div>
			<p className="lead">{t("assets.lead")}</p>

			<search>
				<form className="toolbar toolbar-wrap" onSubmit={submit}>
					<label className="filter">
						<span>{t("assets.searchLabel")}</span>
						<input
							type="search"
							value={draft.q}
							onChange={(event) => setDraft({ ...draft, q: event.target.value })}
						/>
					</label>
					{choose("kind", KINDS, (v) => t(kindKey(v)), "assets.field.kind")}
					{choose("zone", ZONES, (v) => t(zoneKey(v)), "assets.field.zone")}
					{choose(
						"unitId",
						(options?.units ?? []).map((unit) => unit.id),
						(id) => options?.units.find((unit) => unit.id === id)?.name ?? id,
						"assets.field.ownerUnit",
					)}
					{choose("lifecycle", LIFECYCLE, (v) => t(lifecycleKey(v)), "assets.field.lifecycle")}
					{choose("personalData", PERSONAL, (v) => t(personalKey(v)), "assets.field.personalData")}
					<button type="submit" className="button">
						{t("assets.filter.apply")}
					</button>
					<button type="button" className="button" onClick={reset}>
						{t("assets.filter.clear")}
					</button>
				</form>
			</search>

			<ErrorAlert error={error} />
			{page ? (
				<>
					<div className="toolbar">
						<strong data-testid="asset-total">{t("assets.total", { count: page.total })}</strong>
						<span>{t("assets.export")}:</span>
						<DownloadButton href={exportUrl("xlsx")} fileName="assets.xlsx" onError={setError}>
							{t("assets.exportXlsx")}
						</DownloadButton>
						<DownloadButton href={exportUrl("csv")} fileName="assets.csv" onError={setError}>
							{t("assets.exportCsv")}
						</DownloadButton>
					</div>
					<div className="table-wrap">
						<table className="table" data-testid="asset-table">
							<caption className="visually-hidden">{t("assets.title")}</caption>
							<thead>
								<tr>
									{header("code", "assets.field.code")}
									{header("name", "assets.field.name")}
									{header("kind", "assets.field.kind")}
									<th scope="col">{t("assets.field.ownerUnit")}</th>
									{header("zone", "assets.field.zone")}
									{header("class_rank", "assets.field.classification")}
									<th scope="col">{t("assets.field.personalData")}</th>
									<th scope="col">{t("assets.field.lifecycle")}</th>
									{header("updated_at", "assets.field.updatedAt")}
								</tr>
							</thead>
							<tbody>
								{page.items.map((asset) => (
									<tr key={asset.id}>
										<td className="nowrap">
											<Link to={`/assets/${encodeURIComponent(asset.id)}`}>{asset.code}</Link>
										</td>
										<td>{asset.name}</td>
										<td>{t(kindKey(asset.kind))}</td>
										<td>{asset.ownerUnit.name}</td>
										<td>{t(zoneKey(asset.zone))}</td>
										<td className="nowrap">{asset.classification.key}</td>
										<td>{t(personalKey(asset.personalData))}</td>
										<td>{t(lifecycleKey(asset.lifecycle))}</td>
										<td className="nowrap">{date(asset.updatedAt)}</td>
									</tr>
								))}
							</tbody>
						</table>
						{page.items.length === 0 && !empty ? (
							<p className="empty">{t("empty.filtered")}</p>
						) : null}
						{empty ? (
							<EmptyState
								testId="assets-empty"
								title={t("empty.assets.title")}
								guidance={t("empty.assets.guidance", {
									create: t("assets.create"),
									import: t("assets.import"),
								})}
								action="asset.write"
							>
								{canImport ? (
									<>
										<button type="button" className="button" onClick={() => setDialog("import")}>
											{t("assets.import")}
										</button>
										<button type="button" className="button" onClick={() => setDialog("mapping")}>
											{t("mapping.open")}
										</button>
									</>
								) : null}
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog("create")}
								>
									{t("assets.create")}
								</button>
							</EmptyState>
						) : null}
					</div>
					<Pagination
						offset={page.offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={setOffset}
					/>
				</>
			) : null}

			{dialog === "create" && options ? (
				<AssetFormDialog
					options={options}
					onClose={(saved) => {
						setDialog(null);
						if (saved) navigate(`/assets/${encodeURIComponent(saved.id)}`);
					}}
				/>
			) : null}
			{dialog === "import" ? (
				<AssetImportDialog
					onClose={(changed) => {
						setDialog(null);
						if (changed) void load();
					}}
				/>
			) : null}
			{dialog === "mapping" ? (
				<ImportMappingDialog
					kind="assets.ledger"
					send={(body) =>
						call(api.POST("/api/assets/import", { body: { ...body, skipInvalid: false } }))
					}
					onClose={(changed) => {
						setDialog(null);
						if (changed) void load();
					}}
				/>
			) : null}
		</section>
	);
}
