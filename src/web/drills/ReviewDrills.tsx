import { useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { type DrillReviewInput, drillPath } from "./types.ts";
import "./drills.css";

/**
 * The review's drills input: its fiscal year's drills as the drills module reports them (counts,
 * and each drill held with its participants, lessons and follow-ups). Shown beside, not inside,
 * the review's stored inputs.
 */
export function ReviewDrills({ reviewId }: { reviewId: string }) {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const [input, setInput] = useState<DrillReviewInput | null>(null);
	const [error, setError] = useState<unknown>(null);
	const allowed = can("drill.review_input");

	useEffect(() => {
		if (!allowed) return;
		call(api.GET("/api/policy-reviews/{id}/drills", { params: { path: { id: reviewId } } })).then(
			setInput,
			setError,
		);
	}, [reviewId, allowed]);

	return (
		<section className="review-drills" aria-labelledby={`review-drills-${reviewId}`}>
			<h3 id={`review-drills-${reviewId}`}>{t("drills.review.title")}</h3>
			{allowed ? null : <p className="muted">{t("drills.review.hidden")}</p>}
			<ErrorAlert error={error} />
			{input ? (
				<>
					<p data-testid="review-drill-counts">
						{t("drills.review.counts", {
							year: formatFiscalYear(input.fiscalYear, style, lang),
							...input.counts,
						})}
					</p>
					{input.held.length === 0 ? (
						<p className="muted">{t("drills.review.none")}</p>
					) : (
						<ul data-testid="review-drills">
							{input.held.map((drill) => (
								<li key={drill.id}>
									{can("drill.read") ? (
										<Link to={drillPath(drill.id)}>{drill.title}</Link>
									) : (
										drill.title
									)}{" "}
									{t("drills.review.heldOn", {
										date: date(drill.heldOn),
										participants: t("drills.review.participants", {
											count: drill.participantCount,
										}),
									})}
									<div className="cell-sub drill-text">
										{t("drills.review.lessons")}: {drill.lessons ?? t("drills.review.noLessons")}
									</div>
									{drill.followUps.length > 0 ? (
										<div className="cell-sub">
											{t("drills.review.followUps")}: {drill.followUps.join("、")}
										</div>
									) : null}
								</li>
							))}
						</ul>
					)}
				</>
			) : null}
		</section>
	);
}
