import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { casePath, type IncidentTask } from "./labels.ts";
import { TaskDue } from "./TasksSection.tsx";
import "./incidents.css";

const PAGE_SIZE = 20;
const NO_FILTER = {};

/**
 * The caller's open tasks on incident cases, soonest due first, each with its case; the owner
 * marks a task done here. The page offset is in the address.
 */
export function MyTasksPage() {
	const { t } = useI18n();
	const { offset, setOffset } = useUrlFilter<Record<never, string>>(NO_FILTER);
	const [page, setPage] = useState<{ items: IncidentTask[]; total: number; offset: number }>();
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);

	const load = useCallback(async () => {
		try {
			const result = await call(
				api.GET("/api/incident-tasks/mine", { params: { query: { offset, limit: PAGE_SIZE } } }),
			);
			// The last task of a later page was done: show the page before it.
			if (result.items.length === 0 && offset > 0) setOffset(Math.max(0, offset - PAGE_SIZE));
			else setPage(result);
		} catch (failure) {
			setError(failure);
		}
	}, [offset, setOffset]);

	useEffect(() => {
		void load();
	}, [load]);

	async function complete(task: IncidentTask) {
		setBusy(true);
		setError(null);
		try {
			await call(
				api.POST("/api/incidents/{id}/tasks/{taskId}/complete", {
					params: { path: { id: task.incidentId, taskId: task.id } },
				}),
			);
			setStatus(t("incidents.task.completed", { title: task.title }));
			await load();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("incidents.tasks.title")}</h1>
			</div>
			<p className="lead">{t("incidents.tasks.lead")}</p>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{page && page.total === 0 ? (
				<EmptyState
					testId="incident-tasks-mine-empty"
					title={t("incidents.tasks.empty")}
					guidance={t("incidents.tasks.emptyGuidance")}
					action="incident.task_mine"
				/>
			) : null}
			{page && page.total > 0 ? (
				<>
					<div className="table-wrap">
						<table className="table" data-testid="my-incident-tasks">
							<caption className="visually-hidden">{t("incidents.tasks.title")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("incidents.task.title")}</th>
									<th scope="col">{t("incidents.tasks.case")}</th>
									<th scope="col">{t("incidents.task.dueOn")}</th>
									<th scope="col">{t("incidents.task.actions")}</th>
								</tr>
							</thead>
							<tbody>
								{page.items.map((task) => (
									<tr key={task.id} data-task={task.id}>
										<td>{task.title}</td>
										<td>
											<Link to={casePath(task.incidentId)}>{task.reference}</Link>
											<div className="cell-sub">{task.caseTitle}</div>
										</td>
										<td className="nowrap">
											<TaskDue task={task} />
										</td>
										<td>
											{task.allowedActions.includes("complete") ? (
												<button
													type="button"
													className="button button-small"
													disabled={busy}
													onClick={() => void complete(task)}
												>
													{t("incidents.task.complete")}
												</button>
											) : null}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<Pagination
						offset={page.offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={setOffset}
					/>
				</>
			) : null}
		</section>
	);
}
