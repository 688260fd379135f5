import { useState } from "react";
import { api, call } from "../api/client.ts";
import { ConfirmDialog } from "../components/Dialog.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { type MailReleaseRequest, messagePath } from "./types.ts";

/** A decision form: a reason, then approve or refuse. */
function DecisionForm({
	request,
	onDone,
	onError,
}: {
	request: MailReleaseRequest;
	onDone(): void;
	onError(error: unknown): void;
}) {
	const { t } = useI18n();
	const [reason, setReason] = useState("");
	const [busy, setBusy] = useState(false);
	// The decision cannot be undone: it is asked again in a dialog before it is sent.
	const [confirming, setConfirming] = useState<"approve" | "refuse" | null>(null);

	async function decide(outcome: "approve" | "refuse") {
		setConfirming(null);
		setBusy(true);
		try {
			await call(
				api.POST("/api/mail/release-requests/{id}/decision", {
					params: { path: { id: request.id } },
					body: { outcome, reason },
				}),
			);
			onDone();
		} catch (failure) {
			onError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="stack" onSubmit={(event) => event.preventDefault()}>
			<Field label={t("mail.decisionReason")} required>
				{(id) => (
					<textarea
						id={id}
						required
						value={reason}
						rows={2}
						onChange={(e) => setReason(e.target.value)}
					/>
				)}
			</Field>
			<div className="toolbar">
				<button
					type="button"
					className="button button-primary"
					disabled={busy || reason.trim() === ""}
					onClick={() => setConfirming("approve")}
				>
					{t("mail.approve")}
				</button>
				<button
					type="button"
					className="button"
					disabled={busy || reason.trim() === ""}
					onClick={() => setConfirming("refuse")}
				>
					{t("mail.refuse")}
				</button>
			</div>
			{confirming ? (
				<ConfirmDialog
					title={t(
						confirming === "approve"
							? "confirm.release.approveTitle"
							: "confirm.release.refuseTitle",
					)}
					message={t(
						confirming === "approve"
							? "confirm.release.approveMessage"
							: "confirm.release.refuseMessage",
					)}
					confirmLabel={t(confirming === "approve" ? "mail.approve" : "mail.refuse")}
					danger={confirming === "refuse"}
					busy={busy}
					onConfirm={() => void decide(confirming)}
					onClose={() => setConfirming(null)}
				/>
			) : null}
		</form>
	);
}

/** "Resend" for an approved file that did not go out; the answer says whether it went now. */
function ResendButton({
	request,
	onDone,
	onError,
}: {
	request: MailReleaseRequest;
	onDone(delivered: boolean): void;
	onError(error: unknown): void;
}) {
	const { t } = useI18n();
	const [busy, setBusy] = useState(false);
	return (
		<button
			type="button"
			className="button"
			disabled={busy}
			onClick={async () => {
				setBusy(true);
				try {
					const after = await call(
						api.POST("/api/mail/release-requests/{id}/resend", {
							params: { path: { id: request.id } },
						}),
					);
					onDone(after.deliveredAt !== null);
				} catch (failure) {
					onError(failure);
				} finally {
					setBusy(false);
				}
			}}
		>
			{t("mail.resend")}
		</button>
	);
}

/** Release requests in a table; pending ones the caller may decide get a decision form. */
export function ReleaseRequests({
	requests,
	onChanged,
	onResent,
	onError,
}: {
	requests: readonly MailReleaseRequest[];
	onChanged(): void;
	/** After a resend: whether the file went out this time. */
	onResent?(delivered: boolean): void;
	onError(error: unknown): void;
}) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	if (requests.length === 0) return <p className="muted">{t("mail.noRequests")}</p>;
	return (
		<div className="table-wrap">
			<table className="table">
				<thead>
					<tr>
						<th scope="col">{t("mail.requestedAt")}</th>
						<th scope="col">{t("mail.filename")}</th>
						<th scope="col">{t("mail.recipient")}</th>
						<th scope="col">{t("mail.reason")}</th>
						<th scope="col">{t("mail.status")}</th>
					</tr>
				</thead>
				<tbody>
					{requests.map((request) => (
						<tr key={request.id} data-request={request.id}>
							<td>{dateTime(request.createdAt)}</td>
							<td>
								<Link to={messagePath(request.messageId)}>{request.filename}</Link>
								{request.subject ? <div className="muted">{request.subject}</div> : null}
							</td>
							<td>{request.recipient}</td>
							<td>{request.reason}</td>
							<td>
								<span className={`badge release-${request.status}`}>
									{t(`mail.requestStatus.${request.status}`)}
								</span>
								{request.decisionReason ? <div>{request.decisionReason}</div> : null}
								{request.status === "approved" ? (
									<div className="muted">
										{request.deliveryMode ? t(`mail.deliveryMode.${request.deliveryMode}`) : null}{" "}
										{request.deliveredAt ? t("mail.delivered") : t("mail.notDelivered")}
									</div>
								) : null}
								{request.allowedActions.includes("resend") ? (
									<ResendButton
										request={request}
										onDone={onResent ?? (() => onChanged())}
										onError={onError}
									/>
								) : null}
								{request.allowedActions.includes("decide") ? (
									<DecisionForm request={request} onDone={onChanged} onError={onError} />
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
