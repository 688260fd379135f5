import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { heldReasonText } from "./reasons.ts";
import { type MailSummary, messagePath } from "./types.ts";

/** Volumes, actions taken, held messages and pending requests of the last 30 days. */
export function MailSummaryPanel() {
	const { t, label } = useI18n();
	const { dateTime } = useDates();
	const [summary, setSummary] = useState<MailSummary | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		call(api.GET("/api/mail/summary")).then(setSummary, setError);
	}, []);
	if (error) return <ErrorAlert error={error} />;
	if (!summary) return null;
	return (
		<section aria-labelledby="mail-summary">
			<h2 id="mail-summary">{t("mail.summary")}</h2>
			<div className="cards cards-3">
				<div className="card">
					<h3>{t("mail.summaryReceived")}</h3>
					<p className="figure" data-figure="received">
						{summary.received}
					</p>
					<ul className="plain-list">
						{Object.entries(summary.byStatus).map(([status, count]) => (
							<li key={status}>
								{t(`mail.status.${status as keyof MailSummary["byStatus"]}`)}: {count}
							</li>
						))}
					</ul>
				</div>
				<div className="card">
					<h3>{t("mail.summaryAttachments")}</h3>
					<ul className="plain-list">
						{Object.entries(summary.attachmentActions).map(([action, count]) => (
							<li key={action}>
								{t(`mail.action.${action as keyof MailSummary["attachmentActions"]}`)}: {count}
							</li>
						))}
					</ul>
				</div>
				<div className="card">
					<h3>{t("mail.summaryPending")}</h3>
					<p className="figure" data-figure="pending">
						{summary.pendingRequests}
					</p>
				</div>
			</div>
			{summary.held.length > 0 ? (
				<>
					<h3>{t("mail.summaryHeld")}</h3>
					<ul>
						{summary.held.map((m) => (
							<li key={m.id}>
								<Link to={messagePath(m.id)}>{m.subject || t("mail.noSubject")}</Link> — {m.from} (
								{dateTime(m.receivedAt)}) {heldReasonText(m, label)}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	);
}

/** The dashboard's small card: shown to those who may see the summary. */
export function MailDashboardCard() {
	const { t } = useI18n();
	const [summary, setSummary] = useState<MailSummary | null>(null);
	useEffect(() => {
		call(api.GET("/api/mail/summary")).then(setSummary, () => setSummary(null));
	}, []);
	if (!summary) return null;
	return (
		<section className="card" aria-labelledby="home-mail">
			<h2 id="home-mail">
				<Link to="/mail">{t("mail.card")}</Link>
			</h2>
			<p>
				{t("mail.cardText", {
					received: summary.received,
					held: summary.byStatus.held ?? 0,
					pending: summary.pendingRequests,
				})}
			</p>
		</section>
	);
}
