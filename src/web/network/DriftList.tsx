import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { Drift, NetworkView } from "./types.ts";

/** Systems whose tier differs between the asset ledger and the saved model. */
/** Keyed by the saved revision by its parent, so that a new save loads it again. */
export function DriftList() {
	const { t, label } = useI18n();
	const [drift, setDrift] = useState<Drift | null>(null);
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		let live = true;
		call(api.GET("/api/network/drift")).then(
			(result) => {
				if (live) setDrift(result);
			},
			(failure: unknown) => {
				if (live) setError(failure);
			},
		);
		return () => {
			live = false;
		};
	}, []);

	if (error) return <ErrorAlert error={error} />;
	if (!drift) return <p className="muted">{t("app.loading")}</p>;
	const zone = (code: string | null) => (code ? label("network.ledgerZone", code) : "—");
	return (
		<div>
			<p className="muted">
				{t("network.drift.lead", { linked: drift.linkedNodes, systems: drift.ledgerSystems })}
			</p>
			{drift.items.length === 0 ? (
				<p className="alert alert-success">{t("network.drift.none")}</p>
			) : (
				<div className="table-wrap">
					<table className="table table-compact" data-testid="network-drift">
						<caption>{t("network.drift.caption", { count: drift.items.length })}</caption>
						<thead>
							<tr>
								<th scope="col">{t("network.drift.kind")}</th>
								<th scope="col">{t("network.drift.asset")}</th>
								<th scope="col">{t("network.drift.node")}</th>
								<th scope="col">{t("network.drift.ledgerZone")}</th>
								<th scope="col">{t("network.drift.modelZone")}</th>
							</tr>
						</thead>
						<tbody>
							{drift.items.map((item) => (
								<tr key={`${item.kind}:${item.assetId}:${item.nodeId ?? ""}`}>
									<td>{label("network.drift.kind", item.kind)}</td>
									<td>
										{item.assetCode ?? item.assetId}
										{item.assetName ? <span className="cell-sub">{item.assetName}</span> : null}
									</td>
									<td>
										{item.nodeId ?? "—"}
										{item.nodeName && item.nodeName !== item.nodeId ? (
											<span className="cell-sub">{item.nodeName}</span>
										) : null}
									</td>
									<td>{zone(item.ledgerZone)}</td>
									<td>{zone(item.modelZone)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	);
}

/** Who saved which revision, when, and how. */
export function RevisionHistory({ history }: { history: NetworkView["history"] }) {
	const { t, label } = useI18n();
	const { dateTime } = useDates();
	if (history.length === 0) return <p className="muted">{t("network.history.none")}</p>;
	return (
		<div className="table-wrap">
			<table className="table table-compact">
				<caption className="visually-hidden">{t("network.history.title")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("network.history.revision")}</th>
						<th scope="col">{t("network.history.source")}</th>
						<th scope="col">{t("network.history.savedBy")}</th>
						<th scope="col">{t("network.history.savedAt")}</th>
					</tr>
				</thead>
				<tbody>
					{history.map((row) => (
						<tr key={row.revision}>
							<td>{t("network.summary.revisionValue", { revision: row.revision })}</td>
							<td>{label("network.source", row.source)}</td>
							<td>{row.savedBy}</td>
							<td>{dateTime(row.savedAt)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
