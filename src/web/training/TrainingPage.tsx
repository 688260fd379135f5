import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import type { components } from "../api/schema.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { CourseDialog } from "./CourseDialog.tsx";
import { coursePath } from "./CoursePage.tsx";

type Course = components["schemas"]["TrainingCourse"];
type Completion = components["schemas"]["TrainingCompletion"];

/** "3/4（75%）", or a dash when nobody owes it. */
export function rateText(
	t: ReturnType<typeof useI18n>["t"],
	rate: { owed: number; completed: number },
): string {
	if (rate.owed === 0) return "—";
	const percent = `${Math.round((rate.completed * 1000) / rate.owed) / 10}%`;
	return t("training.rate", { completed: rate.completed, owed: rate.owed, percent });
}

/** 研修・訓練: the fiscal year's courses and completion per unit and per staff category. */
export function TrainingPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const [courses, setCourses] = useState<Course[] | null>(null);
	const [packDays, setPackDays] = useState<number[]>([]);
	const [figures, setFigures] = useState<Completion | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [planning, setPlanning] = useState(false);

	const load = useCallback(() => {
		Promise.all([
			call(api.GET("/api/training/courses")),
			call(api.GET("/api/training/completion")),
		]).then(([list, completion]) => {
			setCourses(list.items);
			setPackDays(list.packReminderDays);
			setFigures(completion);
		}, setError);
	}, []);
	useEffect(() => load(), [load]);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("training.title")}</h1>
				<div className="button-row">
					{can("training.manage") ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => setPlanning(true)}
						>
							{t("training.plan.open")}
						</button>
					) : null}
					{can("training.export") ? (
						<DownloadButton
							href="/api/training/export"
							fileName="研修受講状況.xlsx"
							onError={setError}
						>
							{t("training.export")}
						</DownloadButton>
					) : null}
				</div>
			</div>
			<p className="lead">{t("training.lead")}</p>
			<ErrorAlert error={error} />
			{courses ? (
				<>
					<h2>{t("training.courses")}</h2>
					{courses.length === 0 ? (
						<p className="empty">{t("training.noCourses")}</p>
					) : (
						<div className="table-wrap">
							<table className="table" aria-label={t("training.courses")}>
								<thead>
									<tr>
										<th scope="col">{t("training.col.title")}</th>
										<th scope="col">{t("training.col.kind")}</th>
										<th scope="col">{t("training.col.audience")}</th>
										<th scope="col">{t("training.col.due")}</th>
										<th scope="col">{t("training.col.rate")}</th>
									</tr>
								</thead>
								<tbody>
									{courses.map((course) => (
										<tr key={course.id} data-course={course.id}>
											<td>
												<Link to={coursePath(course)}>{course.title}</Link>
											</td>
											<td>{t(`training.kind.${course.kind}` as MessageKey)}</td>
											<td>{t(`training.audience.${course.audience}` as MessageKey)}</td>
											<td className="nowrap">{date(course.dueOn)}</td>
											<td className="nowrap">{rateText(t, course.rate)}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
				</>
			) : null}
			{figures && figures.units.length > 0 ? (
				<>
					<h2>{t("training.byUnit")}</h2>
					<div className="table-wrap">
						<table className="table" aria-label={t("training.byUnit")}>
							<thead>
								<tr>
									<th scope="col">{t("training.col.unit")}</th>
									<th scope="col">{t("training.col.owed")}</th>
									<th scope="col">{t("training.col.completed")}</th>
									<th scope="col">{t("training.col.rate")}</th>
								</tr>
							</thead>
							<tbody>
								{figures.units.map((unit) => (
									<tr key={unit.unitId} data-unit={unit.unitId}>
										<td>{unit.unitName}</td>
										<td>{unit.owed}</td>
										<td>{unit.completed}</td>
										<td className="nowrap" data-testid="unit-rate">
											{rateText(t, unit)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<h2>{t("training.byCategory")}</h2>
					<div className="table-wrap">
						<table className="table" aria-label={t("training.byCategory")}>
							<thead>
								<tr>
									<th scope="col">{t("training.col.category")}</th>
									<th scope="col">{t("training.col.owed")}</th>
									<th scope="col">{t("training.col.completed")}</th>
									<th scope="col">{t("training.col.rate")}</th>
								</tr>
							</thead>
							<tbody>
								{figures.categories.map((row) => (
									<tr key={row.category}>
										<td>{t(`org.category.${row.category}` as MessageKey)}</td>
										<td>{row.owed}</td>
										<td>{row.completed}</td>
										<td className="nowrap">{rateText(t, row)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			) : null}
			{planning ? (
				<CourseDialog
					packReminderDays={packDays}
					onClose={(created) => {
						setPlanning(false);
						if (created) navigate(coursePath(created));
					}}
				/>
			) : null}
		</section>
	);
}
