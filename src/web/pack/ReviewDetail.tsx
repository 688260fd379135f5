import { type FormEvent, useId, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import {
	ReviewAudits,
	ReviewCorrectiveAction,
	ReviewFindings,
	ReviewSelfInspection,
} from "../assurance/ReviewAssuranceInputs.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { ReviewDrills } from "../drills/ReviewDrills.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ReviewTraining } from "../training/ReviewTraining.tsx";
import { ReviewIncidentInput } from "./ReviewIncidentInput.tsx";
import type { PolicyPack, PolicyReview, ReviewInputs } from "./types.ts";

const TEXT_FIELDS = [
	"auditResults",
	"selfInspectionResults",
	"incidents",
	"environmentChanges",
] as const;

type Rating = { likelihood: number; impact: number };

/** One review: its inputs and risk analysis (editable while open), then the decision. */
export function ReviewDetail({
	review,
	pack,
	requiresRiskAnalysis,
	onChange,
}: {
	review: PolicyReview;
	pack: PolicyPack;
	requiresRiskAnalysis: boolean;
	onChange: (next: PolicyReview) => void;
}) {
	const { t, lang } = useI18n();
	const { dateTime, style } = useDates();
	const titleId = useId();
	const canManage = review.allowedActions.includes("policy_review.manage");
	const canDecide = review.allowedActions.includes("policy_review.decide");
	const [inputs, setInputs] = useState<ReviewInputs>(review.inputs);
	const [ratings, setRatings] = useState<Record<string, Rating>>(() =>
		Object.fromEntries(review.inputs.riskAnalysis.map((entry) => [entry.threat, entry])),
	);
	const [outcome, setOutcome] = useState<"no_change" | "revise">("no_change");
	const [reason, setReason] = useState("");
	const [saved, setSaved] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const steps = pack.riskMatrix.likelihood.map((_, index) => index + 1);

	async function save(event: FormEvent) {
		event.preventDefault();
		setError(null);
		setSaved(false);
		const riskAnalysis = pack.threats.flatMap((threat) => {
			const rating = ratings[threat.code];
			return rating ? [{ threat: threat.code, ...rating }] : [];
		});
		try {
			onChange(
				await call(
					api.PUT("/api/policy-reviews/{id}/inputs", {
						params: { path: { id: review.id } },
						body: { ...inputs, riskAnalysis },
					}),
				),
			);
			setSaved(true);
		} catch (failure) {
			setError(failure);
		}
	}

	async function decide(event: FormEvent) {
		event.preventDefault();
		setError(null);
		try {
			onChange(
				await call(
					api.POST("/api/policy-reviews/{id}/decision", {
						params: { path: { id: review.id } },
						body: { outcome, reason },
					}),
				),
			);
		} catch (failure) {
			setError(failure);
		}
	}

	const rate = (threat: string, axis: keyof Rating, value: string) =>
		setRatings((current) => {
			const next = { ...current };
			if (value === "") delete next[threat];
			else next[threat] = { likelihood: 1, impact: 1, ...current[threat], [axis]: Number(value) };
			return next;
		});
	const editable = canManage && review.status === "open";

	return (
		<section className="review-detail" aria-labelledby={titleId}>
			<h2 id={titleId}>
				{t("review.detailTitle", {
					year: formatFiscalYear(review.fiscalYear, style, lang),
					trigger: t(`review.trigger.${review.trigger}`),
				})}
			</h2>
			<form className="form" onSubmit={(event) => void save(event)}>
				<h3>{t("review.inputs")}</h3>
				{TEXT_FIELDS.map((field) => (
					<div className="field" key={field}>
						{field === "incidents" ? (
							<ReviewIncidentInput reviewId={review.id} status={review.status} />
						) : null}
						<label className="field-label" htmlFor={`review-${field}`}>
							{t(`review.${field}`)}
						</label>
						<textarea
							id={`review-${field}`}
							rows={2}
							value={inputs[field]}
							readOnly={!editable}
							onChange={(event) => setInputs({ ...inputs, [field]: event.target.value })}
						/>
					</div>
				))}
				<h3>{t("review.risk")}</h3>
				{requiresRiskAnalysis ? <p className="muted">{t("review.riskRequired")}</p> : null}
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t("review.threat")}</th>
							<th scope="col">{t("review.likelihood")}</th>
							<th scope="col">{t("review.impact")}</th>
						</tr>
					</thead>
					<tbody>
						{pack.threats.map((threat) => (
							<tr key={threat.code} data-threat={threat.code}>
								<th scope="row">{threat.label[lang]}</th>
								{(["likelihood", "impact"] as const).map((axis) => (
									<td key={axis}>
										<select
											aria-label={`${threat.label[lang]}: ${t(`review.${axis}`)}`}
											value={ratings[threat.code]?.[axis] ?? ""}
											disabled={!editable}
											onChange={(event) => rate(threat.code, axis, event.target.value)}
										>
											<option value="">{t("review.notRated")}</option>
											{steps.map((step) => (
												<option key={step} value={step}>
													{step}: {pack.riskMatrix[axis][step - 1]?.[lang]}
												</option>
											))}
										</select>
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
				{editable ? (
					<div className="form-actions">
						<button type="submit" className="button">
							{t("review.saveInputs")}
						</button>
						{saved ? <span role="status">{t("review.saved")}</span> : null}
					</div>
				) : null}
			</form>
			<ReviewDrills reviewId={review.id} />
			<ReviewTraining reviewId={review.id} />
			<ReviewFindings reviewId={review.id} fiscalYear={review.fiscalYear} />
			<ReviewAudits reviewId={review.id} fiscalYear={review.fiscalYear} />
			<ReviewSelfInspection reviewId={review.id} fiscalYear={review.fiscalYear} />
			<ErrorAlert error={error} />
			<h3>{t("review.decision")}</h3>
			{review.decision ? (
				<p>
					<strong>{t(`review.outcome.${review.decision.outcome}`)}</strong>:{" "}
					{review.decision.reason}
					<span className="cell-sub">
						{t("review.decidedBy", {
							by: review.decision.decidedBy,
							at: dateTime(review.decision.decidedAt),
						})}
					</span>
					{review.decision.outcome === "revise" && !review.draftVersionId ? (
						<span className="cell-sub">{t("review.draftPending")}</span>
					) : null}
				</p>
			) : canDecide ? (
				<form className="form" onSubmit={(event) => void decide(event)}>
					<fieldset className="fieldset">
						<legend>{t("review.outcome")}</legend>
						{(["no_change", "revise"] as const).map((value) => (
							<label key={value} className="field-checkbox">
								<input
									type="radio"
									name="outcome"
									checked={outcome === value}
									onChange={() => setOutcome(value)}
								/>
								{t(`review.outcome.${value}`)}
							</label>
						))}
					</fieldset>
					<div className="field">
						<label className="field-label" htmlFor="review-reason">
							{t("review.reason")}
						</label>
						<textarea
							id="review-reason"
							rows={2}
							required
							value={reason}
							onChange={(event) => setReason(event.target.value)}
						/>
					</div>
					<button type="submit" className="button button-primary">
						{t("review.decide")}
					</button>
				</form>
			) : null}
			{canDecide ? <ReviewCorrectiveAction reviewId={review.id} /> : null}
		</section>
	);
}
