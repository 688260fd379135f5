import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Completion } from "./types.ts";

const percent = (done: number, total: number) =>
	total === 0 ? "—" : `${Math.round((done / total) * 100)}%`;

/**
 * Completion per unit for managers, with in-app reminders and the pending list as CSV / Excel
 * while anyone is pending. A change of `refresh` reloads the figures (the caller acknowledged).
 */
export function CompletionPanel({
	versionId,
	refresh = 0,
}: {
	versionId: string;
	refresh?: number;
}) {
	const { t } = useI18n();
	const [completion, setCompletion] = useState<Completion | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const path = { params: { path: { id: versionId } } };

	const load = useCallback(async () => {
		try {
			setCompletion(
				await call(
					api.GET("/api/policy-versions/{id}/completion", { params: { path: { id: versionId } } }),
				),
			);
		} catch (failure) {
			setError(failure);
		}
	}, [versionId]);
	useEffect(() => {
		void refresh;
		void load();
	}, [load, refresh]);

	async function remind() {
		try {
			const { recipients, mailed } = await call(
				api.POST("/api/policy-versions/{id}/reminders", path),
			);
			setStatus(
				mailed > 0
					? t("docs.remindedMail", { count: recipients, mailed })
					: t("docs.reminded", { count: recipients }),
			);
		} catch (failure) {
			setError(failure);
		}
	}

	const base = `/api/policy-versions/${encodeURIComponent(versionId)}/unacknowledged`;
	return (
		<section className="card completion" aria-labelledby="completion-title">
			<h2 id="completion-title">{t("docs.completion")}</h2>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{completion ? (
				<>
					<p className="completion-summary">
						{t("docs.completionSummary", {
							acknowledged: completion.acknowledged,
							total: completion.total,
						})}
					</p>
					<div className="table-wrap">
						<table className="table">
							<thead>
								<tr>
									<th scope="col">{t("docs.col.unit")}</th>
									<th scope="col">{t("docs.col.total")}</th>
									<th scope="col">{t("docs.col.acknowledged")}</th>
									<th scope="col">{t("docs.col.rate")}</th>
								</tr>
							</thead>
							<tbody>
								{completion.units.map((u) => (
									<tr key={u.unitId ?? "none"}>
										<td>{u.unitName ?? t("docs.noUnit")}</td>
										<td>{u.total}</td>
										<td>{u.acknowledged}</td>
										<td>{percent(u.acknowledged, u.total)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{completion.pending.length === 0 ? (
						<p className="state state-ok">{t("adoption.allAcknowledged")}</p>
					) : (
						<div className="button-row">
							<button type="button" className="button" onClick={() => void remind()}>
								{t("docs.remind")}
							</button>
							<a className="button" href={`${base}.csv`} download>
								{t("docs.exportCsv")}
							</a>
							<a className="button" href={`${base}.xlsx`} download>
								{t("docs.exportXlsx")}
							</a>
						</div>
					)}
					{completion.pending.length > 0 ? (
						<details>
							<summary>
								{t("docs.pendingPeople")} ({completion.pending.length})
							</summary>
							<ul>
								{completion.pending.map((p) => (
									<li key={p.accountId}>
										{p.displayName} ({p.username}) {p.unitName ?? ""}
									</li>
								))}
							</ul>
						</details>
					) : null}
				</>
			) : null}
		</section>
	);
}
