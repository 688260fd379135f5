import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useCan } from "../session.tsx";
import { OrgUnitForm } from "./OrgUnitForm.tsx";
import { inTreeOrder, useOrgUnits } from "./useOrgUnits.ts";

/** The organisation as a list in tree order, and a form to add a unit. */
export function OrgUnitsPage() {
	const { t, label } = useI18n();
	const can = useCan();
	const { units, byId, error, reload } = useOrgUnits();
	const rows = inTreeOrder(units);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("org.title")}</h1>
			</div>
			<p className="lead">{t("org.lead")}</p>
			<ErrorAlert error={error} />
			<div className="table-wrap">
				<table className="table">
					<caption className="visually-hidden">{t("org.title")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("org.code")}</th>
							<th scope="col">{t("org.name")}</th>
							<th scope="col">{t("org.kind")}</th>
							<th scope="col">{t("org.parent")}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(({ unit, depth }) => (
							<tr key={unit.id}>
								<td className="nowrap">
									<code>{unit.code}</code>
								</td>
								<td>
									<span className={`tree-indent tree-depth-${Math.min(depth, 5)}`}>
										{unit.name}
									</span>
								</td>
								<td>{label("org.kind", unit.kind)}</td>
								<td>{unit.parentId ? (byId.get(unit.parentId)?.name ?? unit.parentId) : "—"}</td>
							</tr>
						))}
					</tbody>
				</table>
				{rows.length === 0 ? <p className="empty">{t("org.empty")}</p> : null}
			</div>
			{can("org_unit.create") ? <OrgUnitForm units={units} onCreated={reload} /> : null}
		</section>
	);
}
