import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { MailSettingsPanel } from "./MailSettingsPanel.tsx";
import { MailSummaryPanel } from "./MailSummaryPanel.tsx";
import { ReleaseRequests } from "./ReleaseRequests.tsx";
import { MAIL_STATUSES, type MailMessage, type MailReleaseRequest, messagePath } from "./types.ts";

const PAGE = 50;

/** The gateway's mail in the caller's scope, release requests, and (for officers) the summary. */
export function MailPage() {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const can = useCan();
	// The state filter and page live in the address: reload, back and a shared link keep them.
	const list = useUrlFilter({ status: "" });
	const { offset, setOffset } = list;
	const status = MAIL_STATUSES.find((s) => s === list.filter.status) ?? "";
	const [messages, setMessages] = useState<{
		items: MailMessage[];
		total: number;
		offset: number;
	} | null>(null);
	const [requests, setRequests] = useState<MailReleaseRequest[]>([]);
	const [error, setError] = useState<unknown>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const [version, setVersion] = useState(0);

	const load = useCallback(async () => {
		try {
			const query = { limit: PAGE, offset, ...(status ? { status } : {}) };
			const [list, pending] = await Promise.all([
				call(api.GET("/api/mail/messages", { params: { query } })),
				call(api.GET("/api/mail/release-requests", { params: { query: {} } })),
			]);
			setMessages(list);
			setRequests(pending.items);
		} catch (failure) {
			setError(failure);
		}
	}, [offset, status]);
	useEffect(() => {
		void load();
	}, [load]);

	return (
		<section className="page">
			<h1>{t("mail.title")}</h1>
			<p className="lead">{t("mail.lead")}</p>
			<ErrorAlert error={error} />
			<StatusMessage>{notice}</StatusMessage>
			{can("mail.summary") ? <MailSummaryPanel key={version} /> : null}

			<h2>{t("mail.requests")}</h2>
			<ReleaseRequests
				requests={requests}
				onError={setError}
				onChanged={() => {
					setError(null);
					setNotice(t("mail.decided"));
					setVersion((v) => v + 1);
					void load();
				}}
				onResent={(delivered) => {
					setError(null);
					setNotice(t(delivered ? "mail.resent" : "mail.resendFailed"));
					void load();
				}}
			/>

			<div className="page-header">
				<h2>{t("mail.messages")}</h2>
				<label>
					{t("mail.filterStatus")}{" "}
					<select value={status} onChange={(e) => list.apply({ status: e.target.value })}>
						<option value="">{t("mail.allStatuses")}</option>
						{MAIL_STATUSES.map((s) => (
							<option key={s} value={s}>
								{t(`mail.status.${s}`)}
							</option>
						))}
					</select>
				</label>
			</div>
			{messages && messages.items.length === 0 && (status || offset > 0) ? (
				<p className="muted">{t("mail.noMessages")}</p>
			) : null}
			{messages && messages.items.length === 0 && !status && offset === 0 ? (
				<EmptyState
					testId="mail-empty"
					title={t("empty.mail.title")}
					guidance={t("empty.mail.guidance", { settings: t("mail.settings.title") })}
					action="mail.settings_change"
				>
					<a href="#mail-settings" className="button">
						{t("empty.mail.action")}
					</a>
				</EmptyState>
			) : null}
			{messages && messages.items.length > 0 ? (
				<div className="table-wrap">
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t("mail.receivedAt")}</th>
								<th scope="col">{t("mail.from")}</th>
								<th scope="col">{t("mail.subject")}</th>
								<th scope="col">{t("mail.attachments")}</th>
								<th scope="col">{t("mail.status")}</th>
							</tr>
						</thead>
						<tbody>
							{messages.items.map((m) => (
								<tr key={m.id}>
									<td>{dateTime(m.receivedAt)}</td>
									<td>{m.from}</td>
									<td>
										<Link to={messagePath(m.id)}>{m.subject || t("mail.noSubject")}</Link>
									</td>
									<td>{m.attachmentCount}</td>
									<td>
										<span className={`badge mail-${m.status}`}>{t(`mail.status.${m.status}`)}</span>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{messages ? (
				<Pagination
					total={messages.total}
					offset={messages.offset}
					limit={PAGE}
					onChange={setOffset}
				/>
			) : null}
			{can("mail.settings_read") ? <MailSettingsPanel /> : null}
		</section>
	);
}
