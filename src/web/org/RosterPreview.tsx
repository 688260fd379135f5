import type { ReactNode } from "react";
import { date } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
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

function Group({
	id,
	title,
	count,
	children,
}: {
	id: string;
	title: string;
	count: number;
	children: ReactNode;
}) {
	if (count === 0) return null;
	return (
		<section className="roster-group" aria-labelledby={id}>
			<h3 id={id}>
				{title}（{count}）
			</h3>
			<div className="table-wrap">{children}</div>
		</section>
	);
}

/** The plan of a roster preview: counts, invalid rows, then each kind of change in its own table. */
export function RosterPreview({ plan }: { plan: RosterPlan }) {
	const { t, label, lang } = useI18n();
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
										<td>{error.message}</td>
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

			<Group id="roster-new" title={t("org.roster.group.newStaff")} count={plan.newStaff.length}>
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("org.roster.row")}</th>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							<th scope="col">{t("org.staff.username")}</th>
							<th scope="col">{t("org.staff.category")}</th>
							<th scope="col">{t("org.staff.unit")}</th>
							<th scope="col">{t("org.staff.title_")}</th>
							<th scope="col">{t("org.roster.roles")}</th>
						</tr>
					</thead>
					<tbody>
						{plan.newStaff.map((p) => (
							<tr key={p.staffNumber}>
								<td>{p.row}</td>
								<td>
									<code>{p.staffNumber}</code>
								</td>
								<td>{p.displayName}</td>
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
							</tr>
						))}
					</tbody>
				</table>
			</Group>

			<Group id="roster-moves" title={t("org.roster.group.moves")} count={plan.moves.length}>
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("org.roster.row")}</th>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							<th scope="col">{t("org.roster.from")}</th>
							<th scope="col">{t("org.roster.to")}</th>
						</tr>
					</thead>
					<tbody>
						{plan.moves.map((m) => (
							<tr key={m.staffId}>
								<td>{m.row}</td>
								<td>
									<code>{m.staffNumber}</code>
								</td>
								<td>{m.displayName}</td>
								<td>
									<code>{m.fromUnitCode}</code>
								</td>
								<td>
									<code>{m.toUnitCode}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</Group>

			<Group id="roster-updates" title={t("org.roster.group.updates")} count={plan.updates.length}>
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("org.roster.row")}</th>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							<th scope="col">{t("org.roster.field")}</th>
							<th scope="col">{t("org.roster.before")}</th>
							<th scope="col">{t("org.roster.after")}</th>
						</tr>
					</thead>
					<tbody>
						{plan.updates.map((u) => (
							<tr key={`${u.staffId}-${u.field}`}>
								<td>{u.row}</td>
								<td>
									<code>{u.staffNumber}</code>
								</td>
								<td>{u.displayName}</td>
								<td>{t(`org.roster.field.${u.field}`)}</td>
								<td>{fieldValue(u.field, u.before)}</td>
								<td>{fieldValue(u.field, u.after)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</Group>

			<Group
				id="roster-roles"
				title={t("org.roster.group.roleChanges")}
				count={plan.roleChanges.length}
			>
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("org.roster.row")}</th>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							<th scope="col">{t("org.roster.rolesEnd")}</th>
							<th scope="col">{t("org.roster.rolesStart")}</th>
							<th scope="col">{t("org.roster.effective")}</th>
						</tr>
					</thead>
					<tbody>
						{plan.roleChanges.map((c) => (
							<tr key={c.staffId}>
								<td>{c.row}</td>
								<td>
									<code>{c.staffNumber}</code>
								</td>
								<td>{c.displayName}</td>
								<td>{c.end.map((r) => role(r.role, r.unitCode)).join("、") || "—"}</td>
								<td>{c.start.map((r) => role(r.role, r.unitCode)).join("、") || "—"}</td>
								<td className="nowrap">{date(c.effectiveAt, lang)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</Group>

			<Group
				id="roster-returning"
				title={t("org.roster.group.returning")}
				count={plan.returning.length}
			>
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("org.roster.row")}</th>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
						</tr>
					</thead>
					<tbody>
						{plan.returning.map((r) => (
							<tr key={r.staffId}>
								<td>{r.row}</td>
								<td>
									<code>{r.staffNumber}</code>
								</td>
								<td>{r.displayName}</td>
							</tr>
						))}
					</tbody>
				</table>
			</Group>

			<Group id="roster-leavers" title={t("org.roster.group.leavers")} count={plan.leavers.length}>
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							<th scope="col">{t("org.staff.username")}</th>
							<th scope="col">{t("org.staff.unit")}</th>
						</tr>
					</thead>
					<tbody>
						{plan.leavers.map((l) => (
							<tr key={l.staffId}>
								<td>
									<code>{l.staffNumber}</code>
								</td>
								<td>{l.displayName}</td>
								<td>{l.username}</td>
								<td>
									<code>{l.unitCode}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</Group>
		</>
	);
}
