import { useCallback, useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import "../styles/pack.css";
import { ReviewDetail } from "./ReviewDetail.tsx";
import type { PolicyPack, PolicyReview, PolicyReviewList } from "./types.ts";

const AD_HOC = [
	"major_change",
	"audit_findings",
	"new_threats",
	"ciso_order",
	"as_needed",
] as const;

/** Policy reviews (見直し): the cadence's yearly review, extra ones on triggers, and their records. */
export function ReviewsPage() {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const [list, setList] = useState<PolicyReviewList | null>(null);
	const [pack, setPack] = useState<PolicyPack | null>(null);
	const [selected, setSelected] = useState<string | null>(null);
	const [trigger, setTrigger] = useState<(typeof AD_HOC)[number]>("major_change");
	const [error, setError] = useState<unknown>(null);

	const load = useCallback(async () => {
		try {
			const [reviews, current] = await Promise.all([
				call(api.GET("/api/policy-reviews")),
				call(api.GET("/api/policy-pack")),
			]);
			setList(reviews);
			setPack(current.pack);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	async function open(kind: "scheduled" | (typeof AD_HOC)[number]) {
		setError(null);
		try {
			const review = await call(api.POST("/api/policy-reviews", { body: { trigger: kind } }));
			setSelected(review.id);
			await load();
		} catch (failure) {
			setError(failure);
		}
	}

	const replace = (next: PolicyReview) =>
		setList((current) =>
			current
				? { ...current, items: current.items.map((r) => (r.id === next.id ? next : r)) }
				: current,
		);
	const canManage = list?.allowedActions.includes("policy_review.manage") ?? false;
	const chosen = list?.items.find((review) => review.id === selected) ?? null;

	return (
		<section className="page pack-page">
			<div className="page-header">
				<h1>{t("review.title")}</h1>
			</div>
			<p className="lead">{t("review.lead")}</p>
			<ErrorAlert error={error} />
			{list ? (
				<>
					<div className="toolbar">
						{list.schedule ? (
							<p>
								{t("review.schedule", {
									year: formatFiscalYear(list.schedule.fiscalYear, style, lang),
									due: date(list.schedule.dueOn),
								})}{" "}
								{list.schedule.exists ? (
									<span className="badge badge-ok">{t("review.scheduleExists")}</span>
								) : canManage ? (
									<button type="button" className="button" onClick={() => void open("scheduled")}>
										{t("review.openScheduled")}
									</button>
								) : null}
							</p>
						) : (
							<p className="muted">{t("review.noSchedule")}</p>
						)}
						{canManage ? (
							<p>
								<label htmlFor="review-trigger">{t("review.trigger")}</label>{" "}
								<select
									id="review-trigger"
									value={trigger}
									onChange={(event) => setTrigger(event.target.value as (typeof AD_HOC)[number])}
								>
									{AD_HOC.map((code) => (
										<option key={code} value={code}>
											{t(`review.trigger.${code}`)}
										</option>
									))}
								</select>{" "}
								<button type="button" className="button" onClick={() => void open(trigger)}>
									{t("review.openAdHoc")}
								</button>
							</p>
						) : null}
					</div>
					{list.items.length === 0 ? (
						<p className="empty">{t("review.none")}</p>
					) : (
						<div className="table-wrap">
							<table className="table">
								<caption className="visually-hidden">{t("review.title")}</caption>
								<thead>
									<tr>
										<th scope="col">{t("review.col.year")}</th>
										<th scope="col">{t("review.col.trigger")}</th>
										<th scope="col">{t("review.col.due")}</th>
										<th scope="col">{t("review.col.status")}</th>
										<th scope="col">
											<span className="visually-hidden">{t("review.show")}</span>
										</th>
									</tr>
								</thead>
								<tbody>
									{list.items.map((review) => (
										<tr key={review.id} data-review={review.id}>
											<td>{formatFiscalYear(review.fiscalYear, style, lang)}</td>
											<td>{t(`review.trigger.${review.trigger}`)}</td>
											<td className="nowrap">{date(review.dueOn)}</td>
											<td>{t(`review.status.${review.status}`)}</td>
											<td>
												<button
													type="button"
													className="button button-small"
													aria-expanded={selected === review.id}
													onClick={() => setSelected(selected === review.id ? null : review.id)}
												>
													{t("review.show")}
												</button>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
					{chosen && pack ? (
						<ReviewDetail
							key={chosen.id}
							review={chosen}
							pack={pack}
							requiresRiskAnalysis={list.requiresRiskAnalysis}
							onChange={replace}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
