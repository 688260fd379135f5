import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { AcceptDialog } from "./AcceptDialog.tsx";
import {
	bandKey,
	localized,
	type Risk,
	type RiskOptions,
	statusKey,
	stepLabel,
	treatmentKey,
} from "./labels.ts";
import { RiskFormDialog } from "./RiskFormDialog.tsx";
import { useRiskOptions } from "./useRiskOptions.ts";
import "./risks.css";

function RatingText({
	rating,
	matrix,
}: {
	rating: Risk["inherent"];
	matrix: RiskOptions["matrix"];
}) {
	const { t, lang } = useI18n();
	return (
		<>
			{t("risks.ratingText", {
				likelihood: stepLabel(matrix.likelihood, rating.likelihood, lang),
				impact: stepLabel(matrix.impact, rating.impact, lang),
				score: rating.score,
			})}{" "}
			<span className={`risk-band risk-band-${rating.band}`}>{t(bandKey(rating.band))}</span>
		</>
	);
}

/** One risk with its ratings, treatment and acceptance; edit and accept where allowed. */
export function RiskDetailPage({ id }: { id: string }) {
	const { t, label, lang } = useI18n();
	const { date, dateTime } = useDates();
	const { options, error: optionsError } = useRiskOptions();
	const [risk, setRisk] = useState<Risk | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<"edit" | "accept" | null>(null);

	useEffect(() => {
		call(api.GET("/api/risks/{id}", { params: { path: { id } } })).then(setRisk, setError);
	}, [id]);

	const close = (saved?: Risk) => {
		setDialog(null);
		if (saved) setRisk(saved);
	};

	return (
		<section className="page risks-page">
			<p>
				<Link to="/risks">{t("risks.backToRegister")}</Link>
			</p>
			<ErrorAlert error={error ?? optionsError} />
			{risk && options ? (
				<>
					<div className="page-header">
						<h1>{risk.title}</h1>
						<div className="button-row">
							{risk.allowedActions.includes("risk.write") ? (
								<button type="button" className="button" onClick={() => setDialog("edit")}>
									{t("risks.edit")}
								</button>
							) : null}
							{risk.allowedActions.includes("risk.accept") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog("accept")}
								>
									{t("risks.accept")}
								</button>
							) : null}
						</div>
					</div>
					<dl className="risk-detail card">
						<dt>{t("risks.field.status")}</dt>
						<dd data-testid="risk-status">
							{t(statusKey(risk.status))}
							{risk.overdue ? (
								<span className="badge badge-danger risk-overdue">{t("risks.overdue")}</span>
							) : null}
						</dd>
						<dt>{t("risks.field.description")}</dt>
						<dd>{risk.description || "—"}</dd>
						<dt>{t("risks.field.threat")}</dt>
						<dd>{localized(risk.threat.label, lang) || risk.threat.code}</dd>
						<dt>{t("risks.field.ownerUnit")}</dt>
						<dd>{risk.ownerUnit.name}</dd>
						<dt>{t("risks.field.assets")}</dt>
						<dd>
							{risk.assets.length === 0
								? "—"
								: risk.assets.map((asset, index) => (
										<span key={asset.id}>
											{index > 0 ? "、" : ""}
											<Link to={`/assets/${encodeURIComponent(asset.id)}`}>
												{asset.code} {asset.name}
											</Link>
										</span>
									))}
						</dd>
						<dt>{t("risks.field.systemName")}</dt>
						<dd>{risk.systemName ?? "—"}</dd>
						<dt>{t("risks.inherent")}</dt>
						<dd>
							<RatingText rating={risk.inherent} matrix={options.matrix} />
						</dd>
						<dt>{t("risks.field.existingControls")}</dt>
						<dd>{risk.existingControls ?? "—"}</dd>
						<dt>{t("risks.residual")}</dt>
						<dd>
							<RatingText rating={risk.residual} matrix={options.matrix} />
						</dd>
						<dt>{t("risks.field.treatment")}</dt>
						<dd>{risk.treatment ? t(treatmentKey(risk.treatment)) : t("risks.treatment.none")}</dd>
						<dt>{t("risks.field.treatmentPlan")}</dt>
						<dd>{risk.treatmentPlan ?? "—"}</dd>
						<dt>{t("risks.field.treatmentOwner")}</dt>
						<dd>{risk.treatmentOwner?.displayName ?? "—"}</dd>
						<dt>{t("risks.field.treatmentDue")}</dt>
						<dd>{risk.treatmentDue ? date(risk.treatmentDue) : "—"}</dd>
						<dt>{t("risks.acceptance")}</dt>
						<dd data-testid="risk-acceptance">
							{risk.acceptance
								? t("risks.acceptedBy", {
										name: risk.acceptance.byLabel,
										at: dateTime(risk.acceptance.at),
										reason: risk.acceptance.reason,
									})
								: t("risks.notAccepted", {
										roles: options.acceptanceRoles.map((role) => label("role", role)).join("・"),
									})}
						</dd>
						<dt>{t("risks.field.updatedAt")}</dt>
						<dd>{dateTime(risk.updatedAt)}</dd>
					</dl>
					{dialog === "edit" ? (
						<RiskFormDialog options={options} risk={risk} onClose={close} />
					) : null}
					{dialog === "accept" ? <AcceptDialog risk={risk} onClose={close} /> : null}
				</>
			) : null}
		</section>
	);
}
