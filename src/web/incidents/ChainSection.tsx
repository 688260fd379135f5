import { useEffect, useRef, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import {
	type ChainNotification,
	chainGaps,
	chainReasonKey,
	type IncidentChain,
	roleText,
	unitName,
} from "./chain-labels.ts";
import "./incident-chain.css";

/** One person told: who, as what, why, when, whether mailed, whether acknowledged. */
function NotificationRow({ notification }: { notification: ChainNotification }) {
	const i18n = useI18n();
	const { t, label } = i18n;
	const { dateTime } = useDates();
	const n = notification;
	return (
		<tr data-notification={n.id} data-acknowledged={n.acknowledgedAt ? "yes" : "no"}>
			<td className="nowrap">{n.name}</td>
			<td>{label("role", n.role)}</td>
			<td>{n.unit?.name ?? "—"}</td>
			<td className="nowrap">{t(chainReasonKey(n.reason))}</td>
			<td className="nowrap">
				<time dateTime={n.notifiedAt}>{dateTime(n.notifiedAt)}</time>
			</td>
			<td>
				{n.mailedAt ? (
					<>
						<span className="nowrap">{t("incidentChain.mailed")}</span>
						<time className="incident-chain-when" dateTime={n.mailedAt}>
							{dateTime(n.mailedAt)}
						</time>
					</>
				) : (
					<span className="muted nowrap">{t("incidentChain.notMailed")}</span>
				)}
			</td>
			<td>
				{n.acknowledgedAt ? (
					<>
						<span className="badge badge-ok">{t("incidentChain.acknowledged")}</span>
						<time className="incident-chain-when" dateTime={n.acknowledgedAt}>
							{dateTime(n.acknowledgedAt)}
						</time>
					</>
				) : (
					<span className="badge badge-warn">{t("incidentChain.waiting")}</span>
				)}
			</td>
		</tr>
	);
}

/**
 * The case's reporting chain: the contact point and the escalation rule, everyone told (name,
 * role, unit, when, mailed) with their acknowledgement, the escalation to the CISO if it came, the
 * roles nobody holds, and the caller's own "acknowledge" while a notice of the case waits for them.
 */
export function ChainSection({ incident, options, reload }: CaseSectionProps) {
	const i18n = useI18n();
	const { t, label } = i18n;
	const { dateTime } = useDates();
	const [chain, setChain] = useState<IncidentChain | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const heading = useRef<HTMLHeadingElement>(null);
	// Every change of the case adds to its timeline: the chain is read again after each.
	const changes = incident.timeline.length;

	// biome-ignore lint/correctness/useExhaustiveDependencies: read again on every change of the case
	useEffect(() => {
		let current = true;
		call(api.GET("/api/incidents/{id}/chain", { params: { path: { id: incident.id } } })).then(
			(result) => {
				if (!current) return;
				setChain(result);
				setError(null);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [incident.id, changes]);

	async function acknowledge() {
		setBusy(true);
		setError(null);
		try {
			const next = await call(
				api.POST("/api/incidents/{id}/acknowledgements", {
					params: { path: { id: incident.id } },
				}),
			);
			setChain(next);
			setStatus(t("incidentChain.done"));
			heading.current?.focus();
			await reload();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	const gaps = chainGaps(incident.timeline);
	const canAcknowledge = chain?.allowedActions.includes("incident.acknowledge") ?? false;

	return (
		<section
			className="card incident-chain"
			aria-labelledby="incident-chain"
			data-testid="incident-chain"
		>
			<h2 id="incident-chain" ref={heading} tabIndex={-1}>
				{t("incidentChain.title")}
			</h2>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{chain ? (
				<>
					<p className="muted">
						{t("incidentChain.contactPoint", { role: label("role", chain.contactPoint) })}
						{chain.escalation.applies ? (
							<>
								{" · "}
								{t("incidentChain.escalationRule", {
									severity: chain.escalation.fromSeverity,
									hours: chain.escalation.afterHours,
								})}
							</>
						) : null}
					</p>
					{canAcknowledge ? (
						<div className="incident-chain-ack" data-testid="incident-chain-ack">
							<p>{t("incidentChain.yourTurn")}</p>
							<button
								type="button"
								className="button button-primary"
								disabled={busy}
								onClick={() => void acknowledge()}
							>
								{t("incidentChain.acknowledge")}
							</button>
						</div>
					) : null}
					{chain.notifications.length === 0 ? (
						<p className="muted">{t("incidentChain.none")}</p>
					) : (
						<>
							<p className="muted">{t("incidentChain.lead")}</p>
							<div className="table-wrap">
								<table className="table" data-testid="incident-chain-people">
									<caption className="visually-hidden">{t("incidentChain.tableCaption")}</caption>
									<thead>
										<tr>
											<th scope="col">{t("incidentChain.column.name")}</th>
											<th scope="col">{t("incidentChain.column.role")}</th>
											<th scope="col">{t("incidentChain.column.unit")}</th>
											<th scope="col">{t("incidentChain.column.reason")}</th>
											<th scope="col">{t("incidentChain.column.notifiedAt")}</th>
											<th scope="col">{t("incidentChain.column.mail")}</th>
											<th scope="col">{t("incidentChain.column.acknowledged")}</th>
										</tr>
									</thead>
									<tbody>
										{chain.notifications.map((notification) => (
											<NotificationRow key={notification.id} notification={notification} />
										))}
									</tbody>
								</table>
							</div>
						</>
					)}
					{chain.escalation.escalatedAt ? (
						<p className="incident-chain-escalated" data-testid="incident-chain-escalated">
							<span className="badge badge-danger">{t("incidents.timeline.kind.escalated")}</span>{" "}
							{t("incidentChain.escalatedAt", { at: dateTime(chain.escalation.escalatedAt) })}
						</p>
					) : chain.escalation.applies && chain.notifications.length > 0 ? (
						<p className="muted">{t("incidentChain.notEscalated")}</p>
					) : null}
				</>
			) : null}
			{gaps.length > 0 ? (
				<>
					<h3 className="incident-chain-gaps-title">{t("incidentChain.gapsTitle")}</h3>
					<ul className="incident-chain-gaps" data-testid="incident-chain-gaps">
						{gaps.map((gap) => (
							<li key={`${gap.role}:${gap.unitId ?? ""}`}>
								{t("incidentChain.gap", {
									role: roleText(
										gap.role,
										gap.unitId ? unitName(gap.unitId, incident, options) : null,
										i18n,
									),
								})}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	);
}
