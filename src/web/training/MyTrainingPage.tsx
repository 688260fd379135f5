import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import type { components } from "../api/schema.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";

type Owed = components["schemas"]["MyTraining"]["items"][number];
type Result = components["schemas"]["TrainingQuizResult"];

/** わたしの研修: what I owe and by when; an e-learning course's quiz is taken here. */
export function MyTrainingPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const [items, setItems] = useState<Owed[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [taking, setTaking] = useState<Owed | null>(null);

	const load = useCallback(async () => {
		try {
			setItems((await call(api.GET("/api/training/mine"))).items);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("training.mine.title")}</h1>
			</div>
			<p className="lead">{t("training.mine.lead")}</p>
			<ErrorAlert error={error} />
			{items && items.length === 0 ? <p className="empty">{t("training.mine.none")}</p> : null}
			{items && items.length > 0 ? (
				<div className="table-wrap">
					<table className="table" aria-label={t("training.mine.title")}>
						<thead>
							<tr>
								<th scope="col">{t("training.col.title")}</th>
								<th scope="col">{t("training.col.due")}</th>
								<th scope="col">{t("training.col.status")}</th>
								<th scope="col">
									<span className="visually-hidden">{t("training.mine.take")}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.courseId} data-my-course={item.courseId}>
									<td>
										{item.title}
										{item.attempts > 0 ? (
											<div className="muted">
												{t("training.mine.attempts", {
													count: item.attempts,
													score: item.lastScore ?? 0,
												})}
											</div>
										) : null}
									</td>
									<td className="nowrap">{date(item.dueOn)}</td>
									<td data-testid="my-status">
										{item.completedAt ? (
											<span className="badge">{t("training.mine.done")}</span>
										) : (
											<span className="badge badge-warn">
												{t(item.overdue ? "training.mine.overdue" : "training.mine.open")}
											</span>
										)}
									</td>
									<td>
										{item.quiz && !item.completedAt ? (
											<button type="button" className="button" onClick={() => setTaking(item)}>
												{t("training.mine.take")}
											</button>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{taking ? (
				<QuizDialog
					item={taking}
					onClose={(changed) => {
						setTaking(null);
						if (changed) void load();
					}}
				/>
			) : null}
		</section>
	);
}

function QuizDialog({ item, onClose }: { item: Owed; onClose(changed: boolean): void }) {
	const { t } = useI18n();
	const questions = item.quiz?.questions ?? [];
	const [answers, setAnswers] = useState<(number | null)[]>(questions.map(() => null));
	const [result, setResult] = useState<Result | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (answers.some((a) => a === null)) {
			setError(new Error(t("training.quiz.unanswered")));
			return;
		}
		setBusy(true);
		try {
			setResult(
				await call(
					api.POST("/api/training/courses/{id}/quiz", {
						params: { path: { id: item.courseId } },
						body: { answers: answers as number[] },
					}),
				),
			);
			setError(null);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={t("training.quiz.title", { title: item.title })}
			onClose={() => onClose(result !== null)}
		>
			<form className="form" onSubmit={submit}>
				<p>{t("training.quiz.lead", { passMark: item.quiz?.passMark ?? 0 })}</p>
				<ErrorAlert error={error} />
				{result ? (
					<p role="status" className={result.passed ? "notice" : "notice notice-warn"}>
						{result.passed
							? t("training.quiz.passed", { score: result.score })
							: t("training.quiz.failed", { score: result.score, passMark: result.passMark })}
					</p>
				) : null}
				{questions.map((question, index) => (
					<fieldset key={question.question} className="fieldset">
						<legend>
							{t("training.quiz.question", { number: index + 1 })}: {question.question}
						</legend>
						{question.choices.map((choice, choiceIndex) => (
							<label key={choice} className="radio">
								<input
									type="radio"
									name={`q${index}`}
									value={choiceIndex}
									checked={answers[index] === choiceIndex}
									onChange={() =>
										setAnswers(answers.map((a, i) => (i === index ? choiceIndex : a)))
									}
								/>{" "}
								{choice}
							</label>
						))}
					</fieldset>
				))}
				<div className="form-row-actions">
					{result?.passed ? null : (
						<button type="submit" className="button button-primary" disabled={busy}>
							{t("training.quiz.submit")}
						</button>
					)}
					<button type="button" className="button" onClick={() => onClose(result !== null)}>
						{t("training.quiz.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
