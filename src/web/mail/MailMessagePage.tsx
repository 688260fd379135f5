import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { ReleaseRequests } from "./ReleaseRequests.tsx";
import { attachmentReasonText, heldReasonText } from "./reasons.ts";
import type { MailMessageDetail } from "./types.ts";

/** Asking for an attachment's original: a reason, then submit. */
function RequestForm({
	messageId,
	index,
	onDone,
	onError,
}: {
	messageId: string;
	index: number;
	onDone(): void;
	onError(error: unknown): void;
}) {
	const { t } = useI18n();
	const [reason, setReason] = useState("");
	const [busy, setBusy] = useState(false);
	return (
		<form
			className="stack"
			onSubmit={async (event) => {
				event.preventDefault();
				setBusy(true);
				try {
					await call(
						api.POST("/api/mail/messages/{id}/release-requests", {
							params: { path: { id: messageId } },
							body: { attachmentIndex: index, reason },
						}),
					);
					onDone();
				} catch (failure) {
					onError(failure);
				} finally {
					setBusy(false);
				}
			}}
		>
			<Field label={t("mail.requestReason")} required>
				{(id) => (
					<textarea
						id={id}
						required
						rows={2}
						value={reason}
						onChange={(e) => setReason(e.target.value)}
					/>
				)}
			</Field>
			<button
				type="submit"
				className="button button-primary"
				disabled={busy || reason.trim() === ""}
			>
				{t("mail.submitRequest")}
			</button>
		</form>
	);
}

/** One message: envelope, what the engine did, each attachment, and release requests. */
export function MailMessagePage({ id }: { id: string }) {
	const { t, label } = useI18n();
	const { dateTime } = useDates();
	const [message, setMessage] = useState<MailMessageDetail | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const [asking, setAsking] = useState<number | null>(null);

	const load = useCallback(async () => {
		try {
			setMessage(await call(api.GET("/api/mail/messages/{id}", { params: { path: { id } } })));
		} catch (failure) {
			setError(failure);
		}
	}, [id]);
	useEffect(() => {
		void load();
	}, [load]);

	return (
		<section className="page">
			<p>
				<Link to="/mail">{t("mail.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			<StatusMessage>{notice}</StatusMessage>
			{message ? (
				<>
					<div className="page-header">
						<h1>{message.subject || t("mail.noSubject")}</h1>
						<span className={`badge mail-${message.status}`}>
							{t(`mail.status.${message.status}`)}
						</span>
					</div>
					<dl className="details">
						<dt>{t("mail.from")}</dt>
						<dd>{message.from}</dd>
						<dt>{t("mail.to")}</dt>
						<dd>{message.to.join(", ")}</dd>
						<dt>{t("mail.receivedAt")}</dt>
						<dd>{dateTime(message.receivedAt)}</dd>
						{message.heldReason ? (
							<>
								<dt>{t("mail.heldReason")}</dt>
								<dd>{heldReasonText(message, label)}</dd>
							</>
						) : null}
						<dt>{t("mail.engineActions")}</dt>
						<dd>{message.actions.length > 0 ? message.actions.join(", ") : t("mail.noActions")}</dd>
					</dl>
					{message.quarantined ? null : <p className="alert alert-warning">{t("mail.purged")}</p>}

					<h2>{t("mail.attachments")}</h2>
					{message.attachments.length === 0 ? (
						<p className="muted">{t("mail.noAttachments")}</p>
					) : null}
					{message.attachments.length > 0 ? (
						<div className="table-wrap">
							<table className="table">
								<thead>
									<tr>
										<th scope="col">{t("mail.filename")}</th>
										<th scope="col">{t("mail.category")}</th>
										<th scope="col">{t("mail.action")}</th>
										<th scope="col">{t("mail.reason")}</th>
										<th scope="col">{t("common.actions")}</th>
									</tr>
								</thead>
								<tbody>
									{message.attachments.map((a) => (
										<tr key={a.index} data-attachment={a.filename}>
											<td>{a.filename}</td>
											<td>
												{a.category} <span className="muted">({a.trueType})</span>
											</td>
											<td>{t(`mail.action.${a.action}`)}</td>
											<td>{attachmentReasonText(a, label)}</td>
											<td>
												{a.mayRequest && asking !== a.index ? (
													<button
														type="button"
														className="button"
														onClick={() => setAsking(a.index)}
													>
														{t("mail.requestRelease")}
													</button>
												) : null}
												{a.mayRequest && asking === a.index ? (
													<RequestForm
														messageId={message.id}
														index={a.index}
														onError={setError}
														onDone={() => {
															setAsking(null);
															setError(null);
															setNotice(t("mail.requested"));
															void load();
														}}
													/>
												) : null}
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					) : null}

					<h2>{t("mail.requests")}</h2>
					<ReleaseRequests
						requests={message.releaseRequests}
						onError={setError}
						onChanged={() => {
							setError(null);
							setNotice(t("mail.decided"));
							void load();
						}}
					/>
				</>
			) : null}
		</section>
	);
}
