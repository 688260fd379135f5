import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { type Incident, type IncidentOptions, type IncidentTask, japanToday } from "./labels.ts";

interface Props {
	incident: Incident;
	options: IncidentOptions;
	/** The task to change; absent to give a new one. */
	task?: IncidentTask;
	onClose(saved?: IncidentTask): void;
}

/**
 * Give a case a task, or change one: what is to be done, who owns it (an active account of the
 * tenant) and the day it is due (today or later).
 */
export function TaskDialog({ incident, options, task, onClose }: Props) {
	const { t } = useI18n();
	const [title, setTitle] = useState(task?.title ?? "");
	const [ownerId, setOwnerId] = useState(task?.owner.id ?? "");
	const [dueOn, setDueOn] = useState(task?.dueOn ?? "");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	// The owner of a task stays choosable even if no longer among the offered accounts.
	const owners =
		task && !options.accounts.some((account) => account.id === task.owner.id)
			? [{ id: task.owner.id, displayName: task.owner.label }, ...options.accounts]
			: options.accounts;

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		const fields = { title: title.trim(), ownerId, dueOn };
		try {
			const saved = task
				? await call(
						api.PATCH("/api/incidents/{id}/tasks/{taskId}", {
							params: { path: { id: incident.id, taskId: task.id } },
							// Only what changed: an unchanged past due date is not checked again.
							body: {
								version: task.version,
								...(fields.title === task.title ? {} : { title: fields.title }),
								...(ownerId === task.owner.id ? {} : { ownerId }),
								...(dueOn === task.dueOn ? {} : { dueOn }),
							},
						}),
					)
				: await call(
						api.POST("/api/incidents/{id}/tasks", {
							params: { path: { id: incident.id } },
							body: fields,
						}),
					);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={t(task ? "incidents.task.editTitle" : "incidents.task.addTitle")}
			onClose={() => onClose()}
		>
			<div className="incident-dialog">
				<form className="form" onSubmit={submit}>
					<ErrorAlert
						error={error}
						fields={{
							title: t("incidents.task.title"),
							ownerId: t("incidents.task.owner"),
							dueOn: t("incidents.task.dueOn"),
						}}
					/>
					<Field label={t("incidents.task.title")} hint={t("incidents.task.titleHint")} required>
						{(id, describedBy) => (
							<input
								id={id}
								name="title"
								aria-describedby={describedBy}
								required
								maxLength={200}
								value={title}
								onChange={(event) => setTitle(event.target.value)}
							/>
						)}
					</Field>
					<div className="form-row">
						<Field
							label={t("incidents.task.owner")}
							hint={t("incidents.task.ownerHint")}
							required
							className="field-grow"
						>
							{(id, describedBy) => (
								<select
									id={id}
									name="ownerId"
									aria-describedby={describedBy}
									required
									value={ownerId}
									onChange={(event) => setOwnerId(event.target.value)}
								>
									<option value="">{t("incidents.choose")}</option>
									{owners.map((account) => (
										<option key={account.id} value={account.id}>
											{account.displayName}
										</option>
									))}
								</select>
							)}
						</Field>
						<Field label={t("incidents.task.dueOn")} required>
							{(id) => (
								<input
									id={id}
									name="dueOn"
									type="date"
									required
									min={task && task.dueOn < japanToday() ? task.dueOn : japanToday()}
									value={dueOn}
									onChange={(event) => setDueOn(event.target.value)}
								/>
							)}
						</Field>
					</div>
					<div className="form-row-actions">
						<button type="submit" className="button button-primary" disabled={busy}>
							{t("common.save")}
						</button>
						<button type="button" className="button" onClick={() => onClose()}>
							{t("common.cancel")}
						</button>
					</div>
				</form>
			</div>
		</Dialog>
	);
}
