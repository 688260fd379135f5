import type { ReactNode } from "react";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { SkippedRowsNote } from "../imports/SkippedRowsNote.tsx";
import type { RosterPlan } from "./types.ts";

const COUNT_KEYS = [
	"newStaff",
	"moves",
	"updates",
	"roleChanges",
	"returning",
	"leavers",
	"accountsToDisable",
	"invalidRows",
] as const;

interface PersonRow {
	row?: number;
	staffNumber: string;
	displayName: string;
}

/**
 * One kind of change as a table: the roster row (where there is one), 職員番号 and name first,
 * then the columns of that kind. Hidden when the plan has none of it.
 */
function PlanTable<T extends PersonRow>({
	id,
	title,
	items,
	keyOf,
	headers,
	cells,
}: {
	id: string;
	title: string;
	items: T[];
	keyOf: (item: T) => string;
	headers: string[];
	cells: (item: T) => ReactNode;
}) {
	const { t } = useI18n();
	if (items.length === 0) return null;
	const withRow = items[0]?.row !== undefined;
	return (
		<section className="roster-group" aria-labelledby={id}>
			<h3 id={id}>
				{title}（{items.length}）
			</h3>
			<div className="table-wrap">
				<table className="table">
					<thead>
						<tr>
							{withRow ? <th scope="col">{t("org.roster.row")}</th> : null}
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							{headers.map((header) => (
								<th key={header} scope="col">
									{header}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{items.map((item) => (
							<tr key={keyOf(item)}>
								{withRow ? <td>{item.row}</td> : null}
								<td>
									<code>{item.staffNumber}</code>
								</td>
								<td>{item.displayName}</td>
								{cells(item)}
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	);
}

/**
 * The plan of a roster preview: counts, invalid rows (each told from the catalogue by its code;
 * a preview stored before rows had codes keeps its Japanese words), then each kind of change.
 */
export function RosterPreview({ plan }: { plan: RosterPlan }) {
	const { t, label } = useI18n();
	const { date } = useDates();
	const role = (code: string, unitCode: string | null) =>
		`${label("role", code)}${unitCode ? `（${unitCode}）` : ""}`;
	const invalid = plan.counts.invalidRows ?? 0;
	const changes = COUNT_KEYS.filter((k) => k !== "invalidRows").reduce(
		(sum, key) => sum + (plan.counts[key] ?? 0),
		0,
	);
	const flag = (value: string | null) =>
		value === "true"
			? t("org.roster.yes")
			: value === "false"
				? t("org.roster.no")
				: (value ?? "—");
	const fieldValue = (field: string, value: string | null) => {
		if (field === "category" && value) return label("org.category", value);
		if (field === "worksInMynumber") return flag(value);
		return value ?? "—";
	};

	return (
		<>
			<h3 className="visually-hidden">{t("org.roster.summary")}</h3>
			<dl className="roster-counts" aria-label={t("org.roster.summary")}>
				{COUNT_KEYS.map((key) => (
					<div
						key={key}
						className={key === "invalidRows" && invalid > 0 ? "roster-count-error" : undefined}
					>
						<dt>{t(`org.roster.count.${key}` as MessageKey)}</dt>
						<dd>{plan.counts[key] ?? 0}</dd>
					</div>
				))}
			</dl>
			<SkippedRowsNote report={plan} />

			{plan.errors.length > 0 ? (
				<section className="roster-group" aria-labelledby="roster-errors">
					<h3 id="roster-errors">{t("org.roster.errorsTitle", { count: invalid })}</h3>
					<p role="alert">{t("org.roster.errorsLead")}</p>
					<div className="table-wrap">
						<table className="table roster-errors">
							<caption className="visually-hidden">
								{t("org.roster.errorsTitle", { count: invalid })}
							</caption>
							<thead>
								<tr>
									<th scope="col">{t("org.roster.row")}</th>
									<th scope="col">{t("org.roster.column")}</th>
									<th scope="col">{t("org.roster.message")}</th>
								</tr>
							</thead>
							<tbody>
								{plan.errors.map((error) => (
									<tr key={`${error.row}-${error.column}-${error.message}`}>
										<td>{error.row}</td>
										<td>{error.column ?? "—"}</td>
										<td>
											{error.code
												? label("fileIssue", error.code, error.params ?? {})
												: error.message}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}

			{changes === 0 && plan.errors.length === 0 ? (
				<p className="empty">{t("org.roster.noChanges")}</p>
			) : null}

			<PlanTable
				id="roster-new"
				title={t("org.roster.group.newStaff")}
				items={plan.newStaff}
				keyOf={(p) => p.staffNumber}
				headers={[
					t("org.staff.username"),
					t("org.staff.category"),
					t("org.staff.unit"),
					t("org.staff.title_"),
					t("org.roster.roles"),
				]}
				cells={(p) => (
					<>
						<td>
							{p.username}
							{p.accountId ? <span className="cell-sub">{t("org.roster.linked")}</span> : null}
						</td>
						<td>{label("org.category", p.category)}</td>
						<td>
							<code>{p.unitCode}</code>
						</td>
						<td>{p.title ?? "—"}</td>
						<td>{p.roles.map((r) => role(r.role, r.unitCode)).join("、") || "—"}</td>
					</>
				)}
			/>
			<PlanTable
				id="roster-moves"
				title={t("org.roster.group.moves")}
				items={plan.moves}
				keyOf={(m) => m.staffId}
				headers={[t("org.roster.from"), t("org.roster.to")]}
				cells={(m) => (
					<>
						<td>
							<code>{m.fromUnitCode}</code>
						</td>
						<td>
							<code>{m.toUnitCode}</code>
						</td>
					</>
				)}
			/>
			<PlanTable
				id="roster-updates"
				title={t("org.roster.group.updates")}
				items={plan.updates}
				keyOf={(u) => `${u.staffId}-${u.field}`}
				headers={[t("org.roster.field"), t("org.roster.before"), t("org.roster.after")]}
				cells={(u) => (
					<>
						<td>{t(`org.roster.field.${u.field}`)}</td>
						<td>{fieldValue(u.field, u.before)}</td>
						<td>{fieldValue(u.field, u.after)}</td>
					</>
				)}
			/>
			<PlanTable
				id="roster-roles"
				title={t("org.roster.group.roleChanges")}
				items={plan.roleChanges}
				keyOf={(c) => c.staffId}
				headers={[t("org.roster.rolesEnd"), t("org.roster.rolesStart"), t("org.roster.effective")]}
				cells={(c) => (
					<>
						<td>{c.end.map((r) => role(r.role, r.unitCode)).join("、") || "—"}</td>
						<td>{c.start.map((r) => role(r.role, r.unitCode)).join("、") || "—"}</td>
						<td className="nowrap">{date(c.effectiveAt)}</td>
					</>
				)}
			/>
			<PlanTable
				id="roster-returning"
				title={t("org.roster.group.returning")}
				items={plan.returning}
				keyOf={(r) => r.staffId}
				headers={[]}
				cells={() => null}
			/>
			<PlanTable
				id="roster-leavers"
				title={t("org.roster.group.leavers")}
				items={plan.leavers}
				keyOf={(l) => l.staffId}
				headers={[t("org.staff.username"), t("org.staff.unit")]}
				cells={(l) => (
					<>
						<td>{l.username}</td>
						<td>
							<code>{l.unitCode}</code>
						</td>
					</>
				)}
			/>
		</>
	);
}
