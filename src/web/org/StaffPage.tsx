import "../styles/org.css";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { StaffEditDialog } from "./StaffEditDialog.tsx";
import { isStaffCategory, STAFF_CATEGORIES, type Staff, type StaffCategory } from "./types.ts";
import { inTreeOrder, useOrgUnits } from "./useOrgUnits.ts";

const PAGE_SIZE = 100;
type Status = "true" | "false" | "all";

/** Staff of the tenant, filtered by unit (with the units under it), category and status. */
export function StaffPage() {
	const { t, label } = useI18n();
	const can = useCan();
	const { units, byId } = useOrgUnits();
	// The filter and page live in the address: reload, back and a shared link keep them.
	const list = useUrlFilter({
		unitId: "",
		descendants: "true",
		category: "",
		active: "true",
		q: "",
	});
	const { offset, setOffset } = list;
	const { unitId, q: search } = list.filter;
	const descendants = list.filter.descendants !== "false";
	const category: StaffCategory | "" = isStaffCategory(list.filter.category)
		? list.filter.category
		: "";
	const active: Status =
		list.filter.active === "false" || list.filter.active === "all" ? list.filter.active : "true";
	const change = (changes: Partial<typeof list.filter>) =>
		list.apply({ ...list.filter, ...changes });
	const [query, setQuery] = useState(search);
	useEffect(() => setQuery(search), [search]);
	const [page, setPage] = useState<{ items: Staff[]; total: number; offset: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [editing, setEditing] = useState<Staff | null>(null);
	const [status, setStatus] = useState<string | null>(null);
	const unfiltered = !unitId && !category && !search && active === "true" && offset === 0;

	const load = useCallback(async () => {
		try {
			const queryParams = {
				limit: PAGE_SIZE,
				offset,
				active,
				descendants: descendants ? ("true" as const) : ("false" as const),
				...(unitId ? { unitId } : {}),
				...(category ? { category } : {}),
				...(search ? { q: search } : {}),
			};
			const result = await call(api.GET("/api/staff", { params: { query: queryParams } }));
			// The range shown moves with the rows it describes, not ahead of them.
			setPage({ ...result, offset });
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [offset, active, descendants, unitId, category, search]);

	useEffect(() => {
		void load();
	}, [load]);

	function submit(event: FormEvent) {
		event.preventDefault();
		change({ q: query.trim() });
	}

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("org.staff.title")}</h1>
			</div>
			<p className="lead">{t("org.staff.lead")}</p>
			<search>
				<form className="card filters" onSubmit={submit}>
					<div className="form-row">
						<label className="field">
							{t("org.staff.unit")}
							<select value={unitId} onChange={(event) => change({ unitId: event.target.value })}>
								<option value="">{t("org.staff.allUnits")}</option>
								{inTreeOrder(units).map(({ unit, depth }) => (
									<option key={unit.id} value={unit.id}>
										{`${"　".repeat(depth)}${unit.name} (${unit.code})`}
									</option>
								))}
							</select>
						</label>
						<label className="field">
							<input
								type="checkbox"
								checked={descendants}
								onChange={(event) => change({ descendants: String(event.target.checked) })}
							/>{" "}
							{t("org.staff.descendants")}
						</label>
						<label className="field">
							{t("org.staff.category")}
							<select
								value={category}
								onChange={(event) => change({ category: event.target.value })}
							>
								<option value="">{t("org.staff.allCategories")}</option>
								{STAFF_CATEGORIES.map((code) => (
									<option key={code} value={code}>
										{label("org.category", code)}
									</option>
								))}
							</select>
						</label>
						<label className="field">
							{t("org.staff.status")}
							<select value={active} onChange={(event) => change({ active: event.target.value })}>
								<option value="true">{t("org.staff.statusActive")}</option>
								<option value="false">{t("org.staff.statusLeft")}</option>
								<option value="all">{t("org.staff.statusAll")}</option>
							</select>
						</label>
						<label className="field">
							{t("org.staff.search")}
							<input
								type="search"
								value={query}
								onChange={(event) => setQuery(event.target.value)}
							/>
						</label>
					</div>
					<div className="form-actions">
						<button type="submit" className="button">
							{t("common.search")}
						</button>
					</div>
				</form>
			</search>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{page ? (
				<>
					<p className="muted" aria-live="polite">
						{t("org.staff.count", { total: page.total })}
					</p>
					<div className="table-wrap">
						<table className="table">
							<caption className="visually-hidden">{t("org.staff.title")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("org.staff.number")}</th>
									<th scope="col">{t("org.staff.name")}</th>
									<th scope="col">{t("org.staff.username")}</th>
									<th scope="col">{t("org.staff.category")}</th>
									<th scope="col">{t("org.staff.unit")}</th>
									<th scope="col">{t("org.staff.title_")}</th>
									<th scope="col">{t("org.staff.status")}</th>
									{can("staff.update") ? (
										<th scope="col">
											<span className="visually-hidden">{t("org.staff.edit")}</span>
										</th>
									) : null}
								</tr>
							</thead>
							<tbody>
								{page.items.map((person) => (
									<tr key={person.id}>
										<td className="nowrap">
											<code>{person.staffNumber}</code>
										</td>
										<td>{person.displayName}</td>
										<td className="nowrap">{person.username}</td>
										<td>{label("org.category", person.category)}</td>
										<td>
											{byId.get(person.orgUnitId)?.name ?? person.orgUnitName}
											<span className="cell-sub">{person.orgUnitCode}</span>
										</td>
										<td>{person.title ?? "—"}</td>
										<td>
											<span className={person.active ? "badge badge-ok" : "badge badge-muted"}>
												{person.active ? t("org.staff.active") : t("org.staff.left")}
											</span>
											{person.accountDisabled ? (
												<span className="badge badge-warn">{t("org.staff.disabled")}</span>
											) : null}
										</td>
										{can("staff.update") ? (
											<td>
												<button
													type="button"
													className="button button-small"
													aria-label={t("org.staff.editTitle", { name: person.displayName })}
													onClick={() => setEditing(person)}
												>
													{t("org.staff.edit")}
												</button>
											</td>
										) : null}
									</tr>
								))}
							</tbody>
						</table>
						{page.items.length === 0 && !unfiltered ? (
							<p className="empty">{t("org.staff.empty")}</p>
						) : null}
						{page.items.length === 0 && unfiltered ? (
							<EmptyState
								testId="staff-empty"
								title={t("empty.staff.title")}
								guidance={t("empty.staff.guidance")}
								action="roster.import"
							>
								<Link to="/roster" className="button button-primary">
									{t("empty.staff.action")}
								</Link>
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
			{editing ? (
				<StaffEditDialog
					staff={editing}
					units={units}
					onClose={() => setEditing(null)}
					onSaved={async () => {
						setStatus(t("org.staff.saved", { name: editing.displayName }));
						setEditing(null);
						await load();
					}}
				/>
			) : null}
		</section>
	);
}
