import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";

type IncidentInput = Schemas["PolicyReviewIncidentInput"];

/**
 * A review's incident input, from incident response: the cases closed in the review's period
 * (since the previous review's decision) with their 再発防止, most severe first. Read-only: it
 * follows the cases, not the keyboard; a remark on them is the field below it.
 */
export function ReviewIncidentInput({ reviewId, status }: { reviewId: string; status: string }) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const [input, setInput] = useState<IncidentInput | null>(null);
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		let current = true;
		// Fetched again once decided: the period then ends at the decision.
		void status;
		call(api.GET("/api/policy-reviews/{id}", { params: { path: { id: reviewId } } })).then(
			(review) => {
				if (current) setInput(review.incidentInput);
			},
			(failure) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [reviewId, status]);

	if (error) return <ErrorAlert error={error} />;
	if (!input) return null;
	return (
		<section className="review-incidents" aria-labelledby="review-incident-input">
			<h4 id="review-incident-input">{t("review.incidentInput.title")}</h4>
			<p className="field-hint">{t("review.incidentInput.hint")}</p>
			<p className="muted">
				{t("review.incidentInput.period", {
					from: date(input.period.from),
					to: date(input.period.to),
				})}{" "}
				{t("review.incidentInput.counts", {
					closed: input.closed,
					prevention: input.withPrevention,
				})}
			</p>
			{input.closed === 0 ? (
				<p className="empty">{t("review.incidentInput.none")}</p>
			) : (
				<>
					<p>
						{input.byCategory
							.map(
								(entry) =>
									`${entry.label?.[lang] ?? t("review.incidentInput.uncategorised")} ${entry.count}`,
							)
							.join(t("issue.listSeparator"))}
					</p>
					<div className="table-wrap">
						<table className="table">
							<caption className="visually-hidden">{t("review.incidentInput.title")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("review.incidentInput.col.case")}</th>
									<th scope="col">{t("review.incidentInput.col.category")}</th>
									<th scope="col">{t("review.incidentInput.col.severity")}</th>
									<th scope="col">{t("review.incidentInput.col.units")}</th>
									<th scope="col">{t("review.incidentInput.col.closed")}</th>
									<th scope="col">{t("review.incidentInput.col.prevention")}</th>
								</tr>
							</thead>
							<tbody>
								{input.cases.map((item) => (
									<tr key={item.id} data-incident={item.reference}>
										<td>
											{item.reference}
											<span className="cell-sub">{item.title}</span>
										</td>
										<td>{item.category?.label?.[lang] ?? item.category?.code ?? ""}</td>
										<td>
											{item.severity
												? (item.severity.label?.[lang] ?? String(item.severity.level))
												: ""}
										</td>
										<td>{item.units.map((unit) => unit.name).join(t("issue.listSeparator"))}</td>
										<td className="nowrap">{date(item.closedAt)}</td>
										<td>{item.prevention ?? t("review.incidentInput.noPrevention")}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{input.closed > input.cases.length ? (
						<p className="muted">
							{t("review.incidentInput.more", { shown: input.cases.length, total: input.closed })}
						</p>
					) : null}
				</>
			)}
		</section>
	);
}
