import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ConfirmDialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { AnswerCard } from "./AnswerCard.tsx";
import { type CampaignResponse, campaignPath } from "./types.ts";
import "./campaigns.css";

/**
 * A respondent's items of one campaign, one card each, answered on any screen (390 px up):
 * drafts are saved item by item; submitting locks them all.
 */
export function ResponsePage({ respondentId }: { respondentId: string }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [view, setView] = useState<CampaignResponse | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [confirming, setConfirming] = useState(false);

	const load = useCallback(async () => {
		try {
			setView(
				await call(
					api.GET("/api/assurance/responses/{respondentId}", {
						params: { path: { respondentId } },
					}),
				),
			);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [respondentId]);
	useEffect(() => {
		void load();
	}, [load]);

	async function submit() {
		setConfirming(false);
		try {
			setView(
				await call(
					api.POST("/api/assurance/responses/{respondentId}/submit", {
						params: { path: { respondentId } },
					}),
				),
			);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}

	const submitted = Boolean(view?.submittedAt);
	const closed = view?.campaign.state === "closed";
	const locked = submitted || closed;
	const open = view ? view.assigned - view.answered : 0;

	return (
		<section className="page response-page">
			<ErrorAlert error={error} />
			{view ? (
				<>
					<div className="page-header">
						<h1>{view.campaign.title}</h1>
					</div>
					<p className="campaign-meta">
						<Link to={campaignPath(view.campaign.id)}>{view.unitName}</Link> ・{" "}
						{t("campaigns.dueOn", { date: date(view.campaign.dueOn) })}
					</p>
					<p className="campaign-progress" data-testid="response-progress">
						{submitted
							? t("campaigns.response.submittedAt", { at: dateTime(view.submittedAt ?? "") })
							: t("campaigns.response.progress", {
									answered: view.answered,
									assigned: view.assigned,
								})}
					</p>
					{closed ? (
						<p className="alert alert-warning" data-testid="response-closed">
							{t("campaigns.closedNotice")}
						</p>
					) : null}
					<ol className="answer-cards">
						{view.items.map((item) => (
							<AnswerCard
								key={item.itemId}
								respondentId={respondentId}
								item={item}
								locked={locked}
								onSaved={setView}
							/>
						))}
					</ol>
					{locked ? null : (
						<div className="response-submit">
							<button
								type="button"
								className="button button-primary"
								disabled={open > 0}
								onClick={() => setConfirming(true)}
							>
								{t("campaigns.response.submit")}
							</button>
							{open > 0 ? (
								<p className="hint">{t("campaigns.response.openLeft", { open })}</p>
							) : null}
						</div>
					)}
				</>
			) : null}
			{confirming ? (
				<ConfirmDialog
					title={t("campaigns.response.submit")}
					message={t("campaigns.response.confirm")}
					confirmLabel={t("campaigns.response.submit")}
					onConfirm={() => void submit()}
					onClose={() => setConfirming(false)}
				/>
			) : null}
		</section>
	);
}
