import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type CampaignUnitReview, evidenceUrl } from "./types.ts";

interface Props {
	campaignId: string;
	unitId: string;
	onClose(signed?: boolean): void;
}

/**
 * The 管理者 reviews the unit (who submitted, the いいえ answers) and signs it off; while someone
 * has not submitted, a note saying why is required.
 */
export function SignOffDialog({ campaignId, unitId, onClose }: Props) {
	const { t } = useI18n();
	const [review, setReview] = useState<CampaignUnitReview | null>(null);
	const [note, setNote] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const params = { path: { id: campaignId, unitId } };

	useEffect(() => {
		call(
			api.GET("/api/assurance/campaigns/{id}/units/{unitId}", {
				params: { path: { id: campaignId, unitId } },
			}),
		)
			.then(setReview)
			.catch(setError);
	}, [campaignId, unitId]);

	const unsubmitted = review?.respondents.filter((r) => !r.submittedAt) ?? [];

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			await call(
				api.POST("/api/assurance/campaigns/{id}/units/{unitId}/sign-off", {
					params,
					body: { note: note.trim() || null },
				}),
			);
			onClose(true);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={t("campaigns.signOff.title", { unit: review?.unitName ?? "" })}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<h3>{t("campaigns.signOff.respondents")}</h3>
				<ul className="campaign-respondents">
					{review?.respondents.map((r) => (
						<li key={r.respondentId}>
							{r.name}:{" "}
							{r.submittedAt
								? t("campaigns.signOff.submitted")
								: t("campaigns.signOff.notSubmitted", {
										answered: r.answered,
										assigned: r.assigned,
									})}
						</li>
					))}
				</ul>
				<h3>{t("campaigns.signOff.noAnswers")}</h3>
				{review && review.noAnswers.length === 0 ? <p>{t("campaigns.signOff.noneNo")}</p> : null}
				<ul className="campaign-respondents">
					{review?.noAnswers.map((a) => (
						<li key={`${a.name}-${a.number}`}>
							{a.number} {a.question}（{a.name}）{a.comment ? `: ${a.comment}` : ""}
						</li>
					))}
				</ul>
				<h3>{t("campaigns.signOff.evidence")}</h3>
				{review && review.evidence.length === 0 ? <p>{t("campaigns.signOff.noEvidence")}</p> : null}
				<ul className="campaign-respondents" data-testid="sign-off-evidence">
					{review?.evidence.map((e) => (
						<li key={`${e.respondentId}-${e.itemId}`}>
							{t("campaigns.signOff.evidenceRow", { name: e.name, number: e.number })}{" "}
							<DownloadButton
								href={evidenceUrl(e.respondentId, e.itemId)}
								fileName={e.fileName}
								onError={setError}
							>
								{t("campaigns.evidenceDownload", { name: e.fileName })}
							</DownloadButton>
						</li>
					))}
				</ul>
				<Field
					label={t("campaigns.signOff.note")}
					hint={
						unsubmitted.length > 0
							? t("campaigns.signOff.noteHint", { count: unsubmitted.length })
							: undefined
					}
					required={unsubmitted.length > 0}
				>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="note"
							rows={3}
							maxLength={2000}
							required={unsubmitted.length > 0}
							aria-describedby={describedBy}
							value={note}
							onChange={(event) => setNote(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy || !review}>
						{t("campaigns.signOff.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
