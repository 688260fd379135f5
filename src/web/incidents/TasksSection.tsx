import { useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import type { IncidentTask } from "./labels.ts";
import { TaskDialog } from "./TaskDialog.tsx";
import { useCaseList } from "./useCaseList.ts";

interface TaskList {
	items: IncidentTask[];
	allowedActions: string[];
}

/** The due date, marked when it has passed on an open task. */
export function TaskDue({ task }: { task: IncidentTask }) {
	const { t } = useI18n();
	const { date } = useDates();
	return (
		<>
			{date(task.dueOn)}
			{task.overdue ? (
				<>
					{" "}
					<span className="badge badge-danger">{t("incidents.overdue")}</span>
				</>
			) : null}
		</>
	);
}

/**
 * The case's tasks, open ones first: what, who owns it, when it is due, done or not. The CSIRT and
 * the CISO give and change tasks and reopen them; a task's owner marks it done.
 */
export function TasksSection({ incident, options, reload }: CaseSectionProps) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const [editing, setEditing] = useState<IncidentTask | "new" | null>(null);
	const [busy, setBusy] = useState(false);
	const { list, error, setError, status, changed } = useCaseList(
		incident.id,
		reload,
		(id): Promise<TaskList> =>
			call(api.GET("/api/incidents/{id}/tasks", { params: { path: { id } } })),
	);
	const path = { id: incident.id };

	async function complete(task: IncidentTask) {
		setBusy(true);
		setError(null);
		try {
			await call(
				api.POST("/api/incidents/{id}/tasks/{taskId}/complete", {
					params: { path: { ...path, taskId: task.id } },
				}),
			);
			await changed(t("incidents.task.completed", { title: task.title }));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	async function reopen(task: IncidentTask) {
		setBusy(true);
		setError(null);
		try {
			await call(
				api.PATCH("/api/incidents/{id}/tasks/{taskId}", {
					params: { path: { ...path, taskId: task.id } },
					body: { version: task.version, done: false },
				}),
			);
			await changed(t("incidents.task.reopened", { title: task.title }));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	const manages =
		list?.allowedActions.includes("incident.task_manage") === true && options !== null;
	const addButton = manages ? (
		<button type="button" className="button" onClick={() => setEditing("new")}>
			{t("incidents.task.add")}
		</button>
	) : null;

	return (
		<section className="card incident-tasks" aria-labelledby="incident-tasks">
			<h2 id="incident-tasks">{t("incidents.section.tasks")}</h2>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{list && list.items.length === 0 ? (
				<EmptyState
					testId="incident-tasks-empty"
					title={t("incidents.task.empty")}
					guidance={t("incidents.task.emptyGuidance")}
					action="incident.task_manage"
				>
					{addButton}
				</EmptyState>
			) : null}
			{list && list.items.length > 0 ? (
				<>
					<div className="table-wrap">
						<table className="table" data-testid="incident-tasks">
							<caption className="visually-hidden">{t("incidents.section.tasks")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("incidents.task.title")}</th>
									<th scope="col">{t("incidents.task.owner")}</th>
									<th scope="col">{t("incidents.task.dueOn")}</th>
									<th scope="col">{t("incidents.task.status")}</th>
									<th scope="col">{t("incidents.task.actions")}</th>
								</tr>
							</thead>
							<tbody>
								{list.items.map((task) => {
									const may = (action: "update" | "complete") =>
										task.allowedActions.includes(action);
									return (
										<tr key={task.id} data-task={task.id}>
											<td>{task.title}</td>
											<td>{task.owner.label}</td>
											<td className="nowrap">
												<TaskDue task={task} />
											</td>
											<td>
												{task.done ? (
													<span className="badge badge-ok">
														{t("incidents.task.doneOn", {
															date: task.doneAt ? dateTime(task.doneAt) : "",
															name: task.doneBy ?? "",
														})}
													</span>
												) : (
													<span className="badge badge-warn">{t("incidents.task.open")}</span>
												)}
											</td>
											<td>
												<div className="button-row">
													{may("complete") ? (
														<button
															type="button"
															className="button button-small"
															disabled={busy}
															onClick={() => void complete(task)}
														>
															{t("incidents.task.complete")}
														</button>
													) : null}
													{may("update") && task.done ? (
														<button
															type="button"
															className="button button-small"
															disabled={busy}
															onClick={() => void reopen(task)}
														>
															{t("incidents.task.reopen")}
														</button>
													) : null}
													{may("update") && !task.done && options ? (
														<button
															type="button"
															className="button button-small"
															onClick={() => setEditing(task)}
														>
															{t("incidents.task.edit")}
														</button>
													) : null}
												</div>
											</td>
										</tr>
									);
								})}
							</tbody>
						</table>
					</div>
					{addButton ? <div className="button-row">{addButton}</div> : null}
				</>
			) : null}
			{editing && options ? (
				<TaskDialog
					incident={incident}
					options={options}
					task={editing === "new" ? undefined : editing}
					onClose={(saved) => {
						const wasNew = editing === "new";
						setEditing(null);
						if (saved) {
							void changed(
								t(wasNew ? "incidents.task.created" : "incidents.task.saved", {
									title: saved.title,
								}),
							);
						}
					}}
				/>
			) : null}
		</section>
	);
}
