import { type FormEvent, useMemo, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";

type Attendee = Schemas["TrainingAttendees"]["items"][number];

/**
 * Who owes the course, who completed it and how; the caller ticks the staff who attended (those
 * they may record: the course's owner any, a unit's manager their unit's) and the day.
 */
export function AttendanceForm({
	courseId,
	attendees,
	today,
	onRecorded,
}: {
	courseId: string;
	attendees: readonly Attendee[];
	today: string;
	onRecorded(): void;
}) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const [query, setQuery] = useState("");
	const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
	const [attendedOn, setAttendedOn] = useState(today);
	const [error, setError] = useState<unknown>(null);
	const [done, setDone] = useState<Schemas["TrainingAttendanceOutcome"] | null>(null);
	const [busy, setBusy] = useState(false);
	const recordable = attendees.some((a) => a.mayRecord && !a.completedAt);

	const shown = useMemo(() => {
		const q = query.normalize("NFKC").trim().toLowerCase();
		if (q === "") return attendees;
		return attendees.filter((a) =>
			`${a.staffNumber} ${a.displayName} ${a.unitName}`.normalize("NFKC").toLowerCase().includes(q),
		);
	}, [attendees, query]);

	const toggle = (staffId: string, on: boolean) => {
		const next = new Set(picked);
		if (on) next.add(staffId);
		else next.delete(staffId);
		setPicked(next);
	};

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (picked.size === 0) {
			setError(new Error(t("training.record.nonePicked")));
			return;
		}
		setBusy(true);
		try {
			const outcome = await call(
				api.POST("/api/training/courses/{id}/attendance", {
					params: { path: { id: courseId } },
					body: { staffIds: [...picked], attendedOn },
				}),
			);
			setDone(outcome);
			setError(null);
			setPicked(new Set());
			onRecorded();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form" onSubmit={submit} aria-labelledby="training-attendees">
			<h2 id="training-attendees">{t("training.record.title")}</h2>
			{recordable ? <p>{t("training.record.lead")}</p> : null}
			<ErrorAlert error={error} />
			{done ? (
				<p role="status" className="notice">
					{t("training.record.done", {
						recorded: done.recorded,
						already: done.alreadyCompleted,
					})}
				</p>
			) : null}
			{attendees.length === 0 ? (
				<p className="empty">{t("training.record.nobody")}</p>
			) : (
				<>
					<Field label={t("training.record.search")}>
						{(id) => (
							<input
								id={id}
								type="search"
								value={query}
								onChange={(event) => setQuery(event.target.value)}
							/>
						)}
					</Field>
					<div className="table-wrap">
						<table className="table" aria-label={t("training.record.table")}>
							<thead>
								<tr>
									<th scope="col">
										<span className="visually-hidden">{t("training.record.pick")}</span>
									</th>
									<th scope="col">{t("training.col.staffNumber")}</th>
									<th scope="col">{t("training.col.staff")}</th>
									<th scope="col">{t("training.col.unit")}</th>
									<th scope="col">{t("training.col.status")}</th>
								</tr>
							</thead>
							<tbody>
								{shown.map((a) => (
									<tr key={a.staffId} data-attendee={a.staffNumber}>
										<td>
											{a.mayRecord && !a.completedAt ? (
												<input
													type="checkbox"
													aria-label={t("training.record.pickOne", { name: a.displayName })}
													checked={picked.has(a.staffId)}
													onChange={(event) => toggle(a.staffId, event.target.checked)}
												/>
											) : null}
										</td>
										<td>{a.staffNumber}</td>
										<td>{a.displayName}</td>
										<td>{a.unitName}</td>
										<td data-testid="attendee-status">
											{a.completedAt ? (
												<span className="badge">
													{t("training.record.completed", {
														at: dateTime(a.completedAt),
														via: t(
															a.completedVia === "manual"
																? "training.via.manual"
																: a.completedVia === "import"
																	? "training.via.import"
																	: a.completedVia === "quiz"
																		? "training.via.quiz"
																		: "training.via.drill",
														),
													})}
												</span>
											) : (
												<span className="badge badge-warn">{t("training.mine.open")}</span>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{recordable ? (
						<div className="form-row">
							<Field label={t("training.record.attendedOn")} required>
								{(id) => (
									<input
										id={id}
										type="date"
										required
										max={today}
										value={attendedOn}
										onChange={(event) => setAttendedOn(event.target.value)}
									/>
								)}
							</Field>
							<div className="form-row-actions">
								<button type="submit" className="button button-primary" disabled={busy}>
									{t("training.record.submit", { count: picked.size })}
								</button>
							</div>
						</div>
					) : null}
				</>
			)}
		</form>
	);
}
