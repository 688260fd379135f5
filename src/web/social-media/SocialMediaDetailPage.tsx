import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { type SocialStep, SocialStepDialog } from "./SocialStepDialog.tsx";
import { roleKey, type SocialAccount, stateKey } from "./types.ts";
import "./social-media.css";

/** Today in Japan, YYYY-MM-DD: review dates are Japan dates. */
function japanToday(): string {
	return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** One official account: who answers for it, how it is run, its approval and its reviews. */
export function SocialMediaDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [account, setAccount] = useState<SocialAccount | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<SocialStep | null>(null);
	const may = (action: string) => account?.allowedActions.includes(action) ?? false;

	useEffect(() => {
		call(api.GET("/api/social-media/accounts/{id}", { params: { path: { id } } })).then(
			setAccount,
			setError,
		);
	}, [id]);

	async function direct(step: "request" | "reinstate") {
		if (!account) return;
		try {
			const request = {
				params: { path: { id: account.id } },
				body: { version: account.version },
			};
			setAccount(
				await call(
					step === "request"
						? api.POST("/api/social-media/accounts/{id}/request", request)
						: api.POST("/api/social-media/accounts/{id}/reinstate", request),
				),
			);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}

	const open = (step: SocialStep, primary = false) =>
		may(step) ? (
			<button
				type="button"
				className={primary ? "button button-primary" : "button"}
				onClick={() => setDialog(step)}
			>
				{t(`socialMedia.action.${step}`)}
			</button>
		) : null;

	return (
		<section className="page">
			<p>
				<Link to="/social-media">{t("socialMedia.detail.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{account ? (
				<>
					<div className="page-header">
						<h1>
							{account.service} {account.handle}
						</h1>
						<div className="button-row">
							{may("request") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => void direct("request")}
								>
									{t("socialMedia.action.request")}
								</button>
							) : null}
							{open("approve", true)}
							{open("refuse")}
							{open("review")}
							{may("reinstate") ? (
								<button type="button" className="button" onClick={() => void direct("reinstate")}>
									{t("socialMedia.action.reinstate")}
								</button>
							) : null}
							{open("suspend")}
							{open("close")}
						</div>
					</div>
					<p className="tag-list">
						<span className="badge" data-testid="social-account-state">
							{t(stateKey(account.state))}
						</span>
						{account.dormant ? (
							<span className="badge badge-warn" data-testid="social-account-dormant">
								{t("socialMedia.dormant")}
							</span>
						) : null}
					</p>
					<dl className="details" data-testid="social-account-details">
						<dt>{t("socialMedia.col.unit")}</dt>
						<dd>{account.unit.name}</dd>
						<dt>{t("socialMedia.detail.purpose")}</dt>
						<dd className="social-text">{account.purpose}</dd>
						<dt>{t("socialMedia.col.responsible")}</dt>
						<dd>
							{account.responsibleStaff.title
								? `${account.responsibleStaff.name}（${account.responsibleStaff.title}）`
								: account.responsibleStaff.name}
						</dd>
						<dt>{t("socialMedia.detail.procedure")}</dt>
						<dd>{account.procedure.title}</dd>
						<dt>{t("socialMedia.detail.postingRules")}</dt>
						<dd className="social-text">{account.postingRules}</dd>
						<dt>{t("socialMedia.detail.holders")}</dt>
						<dd>{account.credentialHolders.map((holder) => holder.name).join("、")}</dd>
						<dt>{t("socialMedia.col.mfa")}</dt>
						<dd>{t(account.mfaEnabled ? "socialMedia.mfa.on" : "socialMedia.mfa.off")}</dd>
						<dt>{t("socialMedia.detail.registeredBy")}</dt>
						<dd>
							{account.registeredBy}（{dateTime(account.createdAt)}）
						</dd>
						<dt>{t("socialMedia.detail.decision")}</dt>
						<dd data-testid="social-account-decision">
							{account.decision
								? t("socialMedia.detail.decidedBy", {
										name: account.decision.by,
										role: t(roleKey(account.decision.as)),
										at: dateTime(account.decision.at),
									})
								: t("socialMedia.detail.undecided")}
						</dd>
						{account.decision?.reason ? (
							<>
								<dt>{t("socialMedia.detail.decisionReason")}</dt>
								<dd className="social-text">{account.decision.reason}</dd>
							</>
						) : null}
						<dt>{t("socialMedia.col.lastReview")}</dt>
						<dd>{account.lastReviewedOn ? date(account.lastReviewedOn) : "—"}</dd>
						{account.reviewDueOn ? (
							<>
								<dt>{t("socialMedia.detail.reviewDue")}</dt>
								<dd>{date(account.reviewDueOn)}</dd>
							</>
						) : null}
						{account.dormantSince ? (
							<>
								<dt>{t("socialMedia.detail.dormantSince")}</dt>
								<dd>{dateTime(account.dormantSince)}</dd>
							</>
						) : null}
						{account.endReason ? (
							<>
								<dt>{t("socialMedia.detail.endReason")}</dt>
								<dd className="social-text">{account.endReason}</dd>
							</>
						) : null}
					</dl>
					<h2>{t("socialMedia.detail.reviews")}</h2>
					{account.reviews.length === 0 ? (
						<p className="empty">{t("socialMedia.detail.noReviews")}</p>
					) : (
						<ul data-testid="social-account-reviews">
							{account.reviews.map((review) => (
								<li key={review.id}>
									{t("socialMedia.detail.review", {
										date: date(review.reviewedOn),
										by: review.by,
										note: review.note,
									})}
								</li>
							))}
						</ul>
					)}
					{dialog ? (
						<SocialStepDialog
							account={account}
							step={dialog}
							today={japanToday()}
							onClose={(saved) => {
								setDialog(null);
								if (saved) setAccount(saved);
							}}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
