import { useCallback, useEffect, useState } from "react";
import { japanDate } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { ImportFileDialog, type ImportTexts } from "../imports/ImportFileDialog.tsx";
import { Link, useSearch } from "../router.tsx";
import { useCan } from "../session.tsx";
import { AttendanceForm } from "./AttendanceForm.tsx";
import { CourseDialog } from "./CourseDialog.tsx";
import { DrillResults } from "./DrillResults.tsx";
import { rateText } from "./TrainingPage.tsx";

type Course = Schemas["TrainingCourse"];
type Attendee = Schemas["TrainingAttendees"]["items"][number];
type Completion = Schemas["TrainingCompletion"];

const importTexts = (drill: boolean): ImportTexts => ({
	title: drill ? "training.import.drillTitle" : "training.import.title",
	lead: drill ? "training.import.drillLead" : "training.import.lead",
	file: "training.import.file",
	check: "training.import.check",
	apply: "training.import.apply",
	summary: drill ? "training.import.drillSummary" : "training.import.summary",
	applied: "training.import.applied",
	notApplied: "training.import.notApplied",
	row: "training.import.row",
	column: "training.import.column",
	message: "training.import.message",
	cancel: "common.cancel",
});

/** The path of a course's page; the fiscal year finds it in the year's plan. */
export function coursePath(course: { id: string; fiscalYear: number }): string {
	return `/training/courses/${encodeURIComponent(course.id)}?fiscalYear=${course.fiscalYear}`;
}

/**
 * One course: its plan, who owes it and who completed it, attendance recorded by hand or from a
 * roster file; a phishing drill shows its results per unit and imports the drill tool's CSV.
 */
export function CoursePage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const search = useSearch();
	const year = new URLSearchParams(search).get("fiscalYear");
	const [course, setCourse] = useState<Course | null>(null);
	const [missing, setMissing] = useState(false);
	const [attendees, setAttendees] = useState<Attendee[] | null>(null);
	const [figures, setFigures] = useState<Completion | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [importing, setImporting] = useState(false);
	const [editing, setEditing] = useState(false);
	const [packDays, setPackDays] = useState<number[]>([]);
	const [version, setVersion] = useState(0);

	const load = useCallback(async () => {
		try {
			const query = year && /^\d{4}$/.test(year) ? { fiscalYear: Number(year) } : {};
			const list = await call(api.GET("/api/training/courses", { params: { query } }));
			const found = list.items.find((item) => item.id === id) ?? null;
			setCourse(found);
			setPackDays(list.packReminderDays);
			setMissing(found === null);
			if (!found) return;
			const path = { params: { path: { id } } };
			const [who, rates] = await Promise.all([
				call(api.GET("/api/training/courses/{id}/attendees", path)),
				call(
					api.GET("/api/training/completion", {
						params: { query: { fiscalYear: found.fiscalYear, courseId: id } },
					}),
				),
			]);
			setAttendees(who.items);
			setFigures(rates);
		} catch (failure) {
			setError(failure);
		}
	}, [id, year]);
	useEffect(() => {
		void load();
	}, [load]);

	const refresh = () => {
		setVersion((v) => v + 1);
		void load();
	};
	const drill = course?.kind === "phishing_drill";
	const mayImport = drill ? can("training.manage") : can("training.record");

	return (
		<section className="page">
			<p>
				<Link to="/training">{t("training.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{missing ? <p className="empty">{t("training.course.missing")}</p> : null}
			{course ? (
				<>
					<div className="page-header">
						<h1>{course.title}</h1>
						<div className="button-row">
							{can("training.manage") ? (
								<button type="button" className="button" onClick={() => setEditing(true)}>
									{t("training.edit.open")}
								</button>
							) : null}
							{mayImport ? (
								<button type="button" className="button" onClick={() => setImporting(true)}>
									{t(drill ? "training.import.drillOpen" : "training.import.open")}
								</button>
							) : null}
						</div>
					</div>
					{course.description ? <p className="lead">{course.description}</p> : null}
					<dl className="details" data-testid="course-facts">
						<dt>{t("training.col.kind")}</dt>
						<dd>{t(`training.kind.${course.kind}` as MessageKey)}</dd>
						<dt>{t("training.col.audience")}</dt>
						<dd>{t(`training.audience.${course.audience}` as MessageKey)}</dd>
						<dt>{t("training.col.due")}</dt>
						<dd>{date(course.dueOn)}</dd>
						{course.heldOn ? (
							<>
								<dt>{t("training.field.heldOn")}</dt>
								<dd>{date(course.heldOn)}</dd>
							</>
						) : null}
						<dt>{t("training.field.remindDays")}</dt>
						<dd>
							{course.remindDays === null
								? t("training.course.remindPack", {
										days: packDays.join(t("training.course.daysSeparator")),
									})
								: t("training.course.remind", { days: course.remindDays })}
						</dd>
						{course.passMark !== null ? (
							<>
								<dt>{t("training.field.passMark")}</dt>
								<dd>
									{t("training.course.quiz", {
										passMark: course.passMark,
										count: course.questionCount,
									})}
								</dd>
							</>
						) : null}
						<dt>{t("training.course.owner")}</dt>
						<dd>{course.ownerLabel}</dd>
						<dt>{t("training.col.rate")}</dt>
						<dd data-testid="course-rate">{rateText(t, course.rate)}</dd>
					</dl>
					{drill ? (
						<DrillResults key={version} courseId={course.id} />
					) : (
						<>
							{figures && figures.units.length > 0 ? (
								<>
									<h2>{t("training.course.byUnit")}</h2>
									<div className="table-wrap">
										<table className="table" aria-label={t("training.course.byUnit")}>
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
													<tr key={unit.unitId}>
														<td>{unit.unitName}</td>
														<td>{unit.owed}</td>
														<td>{unit.completed}</td>
														<td className="nowrap" data-testid="course-unit-rate">
															{rateText(t, unit)}
														</td>
													</tr>
												))}
											</tbody>
										</table>
									</div>
								</>
							) : null}
							{attendees ? (
								<AttendanceForm
									courseId={course.id}
									attendees={attendees}
									today={japanDate(new Date())}
									onRecorded={refresh}
								/>
							) : null}
						</>
					)}
					{editing ? (
						<CourseDialog
							course={course}
							packReminderDays={packDays}
							onClose={(saved) => {
								setEditing(false);
								if (saved) refresh();
							}}
						/>
					) : null}
					{importing ? (
						<ImportFileDialog
							texts={importTexts(drill)}
							mapping={{ kind: "training.attendance", options: { courseId: course.id } }}
							send={(body) =>
								call(api.POST("/api/training/import", { body: { ...body, courseId: course.id } }))
							}
							onClose={(changed) => {
								setImporting(false);
								if (changed) refresh();
							}}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
