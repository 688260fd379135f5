import { type FormEvent, useState } from "react";
import { fiscalYear as fiscalYearOf, formatFiscalYear } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";

type Course = Schemas["TrainingCourse"];
type Kind = Schemas["TrainingCourseInput"]["kind"];
type Audience = Schemas["TrainingCourseInput"]["audience"];

const KINDS: readonly Kind[] = ["in_person", "e_learning", "phishing_drill"];
const AUDIENCES: readonly Audience[] = [
	"all_staff",
	"new_staff",
	"managers",
	"system_admins",
	"contractors",
];

/** A question as the form holds it: the choices one per line, the right one by its number. */
interface DraftQuestion {
	key: number;
	question: string;
	choices: string;
	answer: number;
}

const choicesOf = (draft: DraftQuestion) =>
	draft.choices
		.split("\n")
		.map((line) => line.trim())
		.filter((line) => line !== "");

/** Texts with their place in the list (1, 2, …): the choices of an answer are told by number. */
const numbered = (texts: readonly string[]) => texts.map((text, at) => ({ number: at + 1, text }));

let nextKey = 0;
const blankQuestion = (): DraftQuestion => ({
	key: nextKey++,
	question: "",
	choices: "",
	answer: 0,
});

/** A course's quiz as the form holds it, for a change. */
const draftsOf = (quiz: Course["quiz"]): DraftQuestion[] =>
	quiz && quiz.length > 0
		? quiz.map((q) => ({
				key: nextKey++,
				question: q.question,
				choices: q.choices.join("\n"),
				answer: q.answer,
			}))
		: [blankQuestion()];

/**
 * Plan a course of a fiscal year, or change a planned one (`course`): what, for whom, by when,
 * how many days before the due date the reminder goes (empty: the policy pack's days); an
 * e-learning course carries its quiz (questions as data) and pass mark. A change keeps the
 * fiscal year and is sent with the version read: someone else's change meanwhile is refused.
 */
export function CourseDialog({
	course,
	packReminderDays = [],
	onClose,
}: {
	/** The course to change; absent: plan a new one. */
	course?: Course;
	/** The policy pack's reminder days, shown for a course that sets none. */
	packReminderDays?: readonly number[];
	onClose(saved?: { id: string; fiscalYear: number }): void;
}) {
	const { t, lang } = useI18n();
	const { style } = useDates();
	const current = fiscalYearOf(new Date().toISOString());
	const [fiscalYear, setFiscalYear] = useState(course?.fiscalYear ?? current);
	const [title, setTitle] = useState(course?.title ?? "");
	const [description, setDescription] = useState(course?.description ?? "");
	const [kind, setKind] = useState<Kind>(course?.kind ?? "in_person");
	const [audience, setAudience] = useState<Audience>(course?.audience ?? "all_staff");
	const [dueOn, setDueOn] = useState(course?.dueOn ?? "");
	const [heldOn, setHeldOn] = useState(course?.heldOn ?? "");
	const [remindDays, setRemindDays] = useState(
		course?.remindDays === null || course?.remindDays === undefined
			? ""
			: String(course.remindDays),
	);
	const [passMark, setPassMark] = useState(course?.passMark ?? 80);
	const [questions, setQuestions] = useState<DraftQuestion[]>(() => draftsOf(course?.quiz ?? null));
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	const change = (key: number, patch: Partial<DraftQuestion>) =>
		setQuestions(questions.map((q) => (q.key === key ? { ...q, ...patch } : q)));

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const quiz =
			kind === "e_learning"
				? questions.map((q) => ({ question: q.question, choices: choicesOf(q), answer: q.answer }))
				: null;
		const fields = {
			title,
			description,
			kind,
			audience,
			dueOn,
			heldOn: heldOn === "" || kind === "e_learning" ? null : heldOn,
			remindDays: remindDays.trim() === "" ? null : Number(remindDays),
			quiz,
			passMark: kind === "e_learning" ? passMark : null,
		};
		try {
			const saved = course
				? await call(
						api.PUT("/api/training/courses/{id}", {
							params: { path: { id: course.id } },
							body: { ...fields, version: course.version },
						}),
					)
				: await call(api.POST("/api/training/courses", { body: { fiscalYear, ...fields } }));
			onClose({ id: saved.id, fiscalYear });
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={t(course ? "training.edit.title" : "training.plan.title")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field
					label={t("training.field.fiscalYear")}
					hint={course ? t("training.edit.yearFixed") : undefined}
					required
				>
					{(id, describedBy) => (
						<select
							id={id}
							required
							disabled={course !== undefined}
							aria-describedby={describedBy}
							value={fiscalYear}
							onChange={(event) => setFiscalYear(Number(event.target.value))}
						>
							{[...new Set([current - 1, current, current + 1, fiscalYear])].map((year) => (
								<option key={year} value={year}>
									{formatFiscalYear(year, style, lang)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("training.field.title")} required>
					{(id) => (
						<input
							id={id}
							required
							maxLength={200}
							value={title}
							onChange={(event) => setTitle(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("training.field.description")}>
					{(id) => (
						<textarea
							id={id}
							rows={3}
							maxLength={4000}
							value={description}
							onChange={(event) => setDescription(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("training.field.kind")} required>
					{(id) => (
						<select
							id={id}
							required
							value={kind}
							onChange={(event) => setKind(event.target.value as Kind)}
						>
							{KINDS.filter(
								// A drill stays a drill and a course cannot become one.
								(k) => !course || (k === "phishing_drill") === (course.kind === "phishing_drill"),
							).map((k) => (
								<option key={k} value={k}>
									{t(`training.kind.${k}` as MessageKey)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("training.field.audience")} required>
					{(id) => (
						<select
							id={id}
							required
							value={audience}
							onChange={(event) => setAudience(event.target.value as Audience)}
						>
							{AUDIENCES.map((a) => (
								<option key={a} value={a}>
									{t(`training.audience.${a}` as MessageKey)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("training.field.dueOn")} hint={t("training.field.dueOnHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							type="date"
							required
							aria-describedby={describedBy}
							value={dueOn}
							onChange={(event) => setDueOn(event.target.value)}
						/>
					)}
				</Field>
				{kind === "e_learning" ? null : (
					<Field label={t("training.field.heldOn")}>
						{(id) => (
							<input
								id={id}
								type="date"
								value={heldOn}
								onChange={(event) => setHeldOn(event.target.value)}
							/>
						)}
					</Field>
				)}
				<Field
					label={t("training.field.remindDays")}
					hint={t("training.field.remindDaysHint", {
						days: packReminderDays.join(t("training.course.daysSeparator")),
					})}
				>
					{(id, describedBy) => (
						<input
							id={id}
							type="number"
							min={0}
							max={90}
							aria-describedby={describedBy}
							value={remindDays}
							onChange={(event) => setRemindDays(event.target.value)}
						/>
					)}
				</Field>
				{kind === "e_learning" ? (
					<fieldset className="fieldset" data-testid="quiz-editor">
						<legend>{t("training.field.quiz")}</legend>
						{course && course.rate.completed > 0 ? (
							<p className="field-hint">{t("training.edit.keepsCompletion")}</p>
						) : null}
						<Field label={t("training.field.passMark")} required>
							{(id) => (
								<input
									id={id}
									type="number"
									min={1}
									max={100}
									required
									value={passMark}
									onChange={(event) => setPassMark(Number(event.target.value))}
								/>
							)}
						</Field>
						{questions.map((q, index) => (
							<fieldset key={q.key} className="fieldset">
								<legend>{t("training.quiz.question", { number: index + 1 })}</legend>
								<Field label={t("training.field.question")} required>
									{(id) => (
										<input
											id={id}
											required
											maxLength={1000}
											value={q.question}
											onChange={(event) => change(q.key, { question: event.target.value })}
										/>
									)}
								</Field>
								<Field
									label={t("training.field.choices")}
									hint={t("training.field.choicesHint")}
									required
								>
									{(id, describedBy) => (
										<textarea
											id={id}
											rows={3}
											required
											aria-describedby={describedBy}
											value={q.choices}
											onChange={(event) => change(q.key, { choices: event.target.value })}
										/>
									)}
								</Field>
								<Field label={t("training.field.answer")} required>
									{(id) => (
										<select
											id={id}
											required
											value={q.answer}
											onChange={(event) => change(q.key, { answer: Number(event.target.value) })}
										>
											{numbered(choicesOf(q)).map((choice) => (
												<option key={choice.number} value={choice.number - 1}>
													{choice.number}. {choice.text}
												</option>
											))}
										</select>
									)}
								</Field>
								{questions.length > 1 ? (
									<button
										type="button"
										className="button"
										onClick={() => setQuestions(questions.filter((other) => other.key !== q.key))}
									>
										{t("training.plan.removeQuestion", { number: index + 1 })}
									</button>
								) : null}
							</fieldset>
						))}
						<button
							type="button"
							className="button"
							onClick={() => setQuestions([...questions, blankQuestion()])}
						>
							{t("training.plan.addQuestion")}
						</button>
					</fieldset>
				) : null}
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t(course ? "training.edit.save" : "training.plan.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
