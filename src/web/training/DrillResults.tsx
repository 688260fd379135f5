import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";

type Drill = Schemas["TrainingDrillResults"];

/** "12（40%）": a count and its share of those targeted, or the count alone when none were. */
function countText(count: number, targeted: number): string {
	if (targeted === 0) return String(count);
	return `${count}（${Math.round((count * 1000) / targeted) / 10}%）`;
}

/** A phishing drill's results per unit: targeted, opened, clicked and reported, with rates. */
export function DrillResults({ courseId }: { courseId: string }) {
	const { t } = useI18n();
	const [drill, setDrill] = useState<Drill | null>(null);
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		call(api.GET("/api/training/courses/{id}/drill", { params: { path: { id: courseId } } })).then(
			setDrill,
			setError,
		);
	}, [courseId]);

	const total = (drill?.units ?? []).reduce(
		(sum, unit) => ({
			targeted: sum.targeted + unit.targeted,
			opened: sum.opened + unit.opened,
			clicked: sum.clicked + unit.clicked,
			reported: sum.reported + unit.reported,
		}),
		{ targeted: 0, opened: 0, clicked: 0, reported: 0 },
	);
	return (
		<section aria-labelledby="training-drill">
			<h2 id="training-drill">{t("training.drill.title")}</h2>
			<ErrorAlert error={error} />
			{drill && drill.units.length === 0 ? (
				<p className="empty">{t("training.drill.none")}</p>
			) : null}
			{drill && drill.units.length > 0 ? (
				<div className="table-wrap">
					<table className="table" aria-label={t("training.drill.title")}>
						<thead>
							<tr>
								<th scope="col">{t("training.col.unit")}</th>
								<th scope="col">{t("training.drill.targeted")}</th>
								<th scope="col">{t("training.drill.opened")}</th>
								<th scope="col">{t("training.drill.clicked")}</th>
								<th scope="col">{t("training.drill.reported")}</th>
							</tr>
						</thead>
						<tbody>
							{drill.units.map((unit) => (
								<tr key={unit.unitId} data-drill-unit={unit.unitName}>
									<td>{unit.unitName}</td>
									<td>{unit.targeted}</td>
									<td>{countText(unit.opened, unit.targeted)}</td>
									<td>{countText(unit.clicked, unit.targeted)}</td>
									<td>{countText(unit.reported, unit.targeted)}</td>
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr>
								<th scope="row">{t("training.drill.total")}</th>
								<td>{total.targeted}</td>
								<td>{countText(total.opened, total.targeted)}</td>
								<td>{countText(total.clicked, total.targeted)}</td>
								<td>{countText(total.reported, total.targeted)}</td>
							</tr>
						</tfoot>
					</table>
				</div>
			) : null}
		</section>
	);
}
