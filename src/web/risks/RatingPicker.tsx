import { useI18n } from "../i18n/i18n.tsx";
import { bandKey, type RiskOptions, stepLabel } from "./labels.ts";

export interface RatingValue {
	likelihood: number;
	impact: number;
}

interface Props {
	legend: string;
	name: string;
	matrix: RiskOptions["matrix"];
	value: RatingValue;
	onChange(value: RatingValue): void;
}

/** The band of a score on the tenant's matrix, as the server derives it. */
export function bandOf(score: number, bands: RiskOptions["matrix"]["bands"]) {
	if (score >= bands.high) return "high";
	if (score >= bands.medium) return "medium";
	return "low";
}

/** Likelihood and impact chosen by the pack's labels, with the resulting score and band. */
export function RatingPicker({ legend, name, matrix, value, onChange }: Props) {
	const { t, lang } = useI18n();
	const steps = Array.from({ length: matrix.size }, (_, i) => i + 1);
	const score = value.likelihood * value.impact;
	const band = bandOf(score, matrix.bands);
	const axis = (key: "likelihood" | "impact") => (
		<label className="filter">
			<span>{t(key === "likelihood" ? "risks.field.likelihood" : "risks.field.impact")}</span>
			<select
				name={`${name}-${key}`}
				value={value[key]}
				onChange={(event) => onChange({ ...value, [key]: Number(event.target.value) })}
			>
				{steps.map((step) => (
					<option key={step} value={step}>
						{stepLabel(matrix[key], step, lang)}
					</option>
				))}
			</select>
		</label>
	);
	return (
		<fieldset className="risk-rating">
			<legend>{legend}</legend>
			{axis("likelihood")}
			{axis("impact")}
			<p className="risk-rating-score" aria-live="polite">
				{t("risks.scoreIs", { score })}{" "}
				<span className={`risk-band risk-band-${band}`}>{t(bandKey(band))}</span>
			</p>
		</fieldset>
	);
}
