import { useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { useCan } from "../session.tsx";
import { rateText } from "./TrainingPage.tsx";

/** A share of the drills' targets, "—" when nobody was targeted. */
function shareText(part: number, targeted: number): string {
	return targeted === 0 ? "—" : `${Math.round((part * 1000) / targeted) / 10}%`;
}

/**
 * The review's training input: its fiscal year's courses with their completion, the total and
 * the phishing drills, as the training module counts them. Shown beside the stored inputs.
 */
export function ReviewTraining({ reviewId }: { reviewId: string }) {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const allowed = can("training.review_input");
	const [input, setInput] = useState<Schemas["TrainingYear"] | null>(null);
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		if (!allowed) return;
		call(api.GET("/api/policy-reviews/{id}/training", { params: { path: { id: reviewId } } })).then(
			setInput,
			setError,
		);
	}, [reviewId, allowed]);

	const titleId = `review-training-${reviewId}`;
	return (
		<section aria-labelledby={titleId} data-testid="review-training">
			<h3 id={titleId}>{t("training.review.title")}</h3>
			{allowed ? null : <p className="muted">{t("training.review.hidden")}</p>}
			<ErrorAlert error={error} />
			{input ? (
				<>
					<p data-testid="review-training-total">
						{t("training.review.total", {
							year: formatFiscalYear(input.fiscalYear, style, lang),
							courses: input.courses.filter((c) => c.kind !== "phishing_drill").length,
							rate: rateText(t, input.total),
						})}
					</p>
					{input.drills.targeted > 0 ? (
						<p>
							{t("training.review.drills", {
								targeted: input.drills.targeted,
								opened: shareText(input.drills.opened, input.drills.targeted),
								clicked: shareText(input.drills.clicked, input.drills.targeted),
								reported: shareText(input.drills.reported, input.drills.targeted),
							})}
						</p>
					) : null}
					{input.courses.length === 0 ? (
						<p className="muted">{t("training.review.none")}</p>
					) : (
						<ul>
							{input.courses
								.map((course, at) => ({ ...course, key: at }))
								.map((course) => (
									<li key={course.key}>
										{t("training.review.course", {
											title: course.title,
											kind: t(`training.kind.${course.kind}` as MessageKey),
											audience: t(`training.audience.${course.audience}` as MessageKey),
											due: date(course.dueOn),
											rate: rateText(t, course),
										})}
									</li>
								))}
						</ul>
					)}
				</>
			) : null}
		</section>
	);
}
