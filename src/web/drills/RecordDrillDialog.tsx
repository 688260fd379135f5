import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Drill } from "./types.ts";
import "./drills.css";

interface Props {
	drill: Drill;
	onClose(saved?: Drill): void;
}

interface FollowUp {
	key: number;
	measure: string;
	responsible: string;
	targetDate: string;
}

let nextKey = 1;
const blank = (): FollowUp => ({ key: nextKey++, measure: "", responsible: "", targetDate: "" });

/** Record a held drill's lessons (教訓) and the follow-ups they call for. */
export function RecordDrillDialog({ drill, onClose }: Props) {
	const { t } = useI18n();
	const [lessons, setLessons] = useState("");
	const [followUps, setFollowUps] = useState<FollowUp[]>([]);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	const change = (key: number, patch: Partial<FollowUp>) =>
		setFollowUps(followUps.map((f) => (f.key === key ? { ...f, ...patch } : f)));

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/drills/{id}/record", {
					params: { path: { id: drill.id } },
					body: {
						version: drill.version,
						lessons: lessons.trim(),
						followUps: followUps
							.filter((f) => f.measure.trim())
							.map((f) => ({
								measure: f.measure.trim(),
								responsible: f.responsible.trim(),
								targetDate: f.targetDate || null,
							})),
					},
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("drills.recordTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>{drill.title}</p>
				<Field label={t("drills.field.lessons")} hint={t("drills.field.lessonsHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="lessons"
							rows={5}
							required
							maxLength={8000}
							aria-describedby={describedBy}
							value={lessons}
							onChange={(event) => setLessons(event.target.value)}
						/>
					)}
				</Field>
				<fieldset className="fieldset">
					<legend>{t("drills.field.followUps")}</legend>
					{followUps.length === 0 ? <p className="muted">{t("drills.followUp.none")}</p> : null}
					{followUps.map((followUp, index) => (
						<fieldset key={followUp.key} className="fieldset drill-follow-up">
							<legend>{t("drills.followUp.number", { number: index + 1 })}</legend>
							<Field label={t("drills.field.measure")} required>
								{(id) => (
									<input
										id={id}
										required
										maxLength={1000}
										value={followUp.measure}
										onChange={(event) => change(followUp.key, { measure: event.target.value })}
									/>
								)}
							</Field>
							<div className="form-row drill-form-row">
								<Field label={t("drills.field.responsible")}>
									{(id) => (
										<input
											id={id}
											maxLength={200}
											value={followUp.responsible}
											onChange={(event) =>
												change(followUp.key, { responsible: event.target.value })
											}
										/>
									)}
								</Field>
								<Field label={t("drills.field.targetDate")}>
									{(id) => (
										<input
											id={id}
											type="date"
											value={followUp.targetDate}
											onChange={(event) => change(followUp.key, { targetDate: event.target.value })}
										/>
									)}
								</Field>
								<button
									type="button"
									className="button button-small"
									onClick={() => setFollowUps(followUps.filter((f) => f.key !== followUp.key))}
								>
									{t("drills.followUp.remove", { number: index + 1 })}
								</button>
							</div>
						</fieldset>
					))}
					<button
						type="button"
						className="button"
						onClick={() => setFollowUps([...followUps, blank()])}
					>
						{t("drills.followUp.add")}
					</button>
				</fieldset>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("drills.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
