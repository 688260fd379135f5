import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Risk, RiskOptions } from "../risks/labels.ts";
import { RatingPicker, type RatingValue } from "../risks/RatingPicker.tsx";
import { useRiskOptions } from "../risks/useRiskOptions.ts";
import type { Incident } from "./labels.ts";
import type { RiskLink } from "./RaiseRiskDialog.tsx";

/** The longest reason the API takes (`RESCORE_REASON_MAX`). */
const REASON_MAX = 2000;

interface Props {
	incident: Incident;
	riskId: string;
	onClose(linked?: RiskLink): void;
}

/**
 * Re-rate a risk linked to the case in the light of it: the risk's ratings as the register has
 * them now (and its version, so that a change by someone else meanwhile is refused), on the
 * tenant's matrix, with the reason, which the case's timeline keeps.
 */
export function RescoreRiskDialog({ incident, riskId, onClose }: Props) {
	const { t } = useI18n();
	const { options, error: optionsError } = useRiskOptions();
	const [risk, setRisk] = useState<Risk | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		let current = true;
		call(api.GET("/api/risks/{id}", { params: { path: { id: riskId } } })).then(
			(found) => {
				if (current) setRisk(found);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [riskId]);
	const failure = optionsError ?? error;
	return (
		<Dialog title={t("incidents.rescoreRisk.title")} onClose={() => onClose()}>
			<div className="incident-dialog">
				<ErrorAlert error={failure} />
				{options && risk ? (
					<RescoreForm incident={incident} risk={risk} options={options} onClose={onClose} />
				) : failure ? null : (
					<p role="status">{t("app.loading")}</p>
				)}
			</div>
		</Dialog>
	);
}

function RescoreForm({
	incident,
	risk,
	options,
	onClose,
}: Omit<Props, "riskId"> & { risk: Risk; options: RiskOptions }) {
	const { t } = useI18n();
	const [inherent, setInherent] = useState<RatingValue>({
		likelihood: risk.inherent.likelihood,
		impact: risk.inherent.impact,
	});
	const [residual, setResidual] = useState<RatingValue>({
		likelihood: risk.residual.likelihood,
		impact: risk.residual.impact,
	});
	const [reason, setReason] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			onClose(
				await call(
					api.POST("/api/incidents/{id}/risks/{riskId}/rescore", {
						params: { path: { id: incident.id, riskId: risk.id } },
						body: { version: risk.version, inherent, residual, reason: reason.trim() },
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<form className="form" onSubmit={submit}>
			<p className="muted">{t("incidents.rescoreRisk.hint", { title: risk.title })}</p>
			<ErrorAlert error={error} fields={{ reason: t("incidents.rescoreRisk.reason") }} />
			<RatingPicker
				legend={t("risks.inherent")}
				name="inherent"
				matrix={options.matrix}
				value={inherent}
				onChange={setInherent}
			/>
			<RatingPicker
				legend={t("risks.residual")}
				name="residual"
				matrix={options.matrix}
				value={residual}
				onChange={setResidual}
			/>
			<Field
				label={t("incidents.rescoreRisk.reason")}
				hint={t("incidents.rescoreRisk.reasonHint")}
				required
			>
				{(id, describedBy) => (
					<textarea
						id={id}
						name="reason"
						aria-describedby={describedBy}
						required
						rows={3}
						maxLength={REASON_MAX}
						value={reason}
						onChange={(event) => setReason(event.target.value)}
					/>
				)}
			</Field>
			<div className="form-row-actions">
				<button type="submit" className="button button-primary" disabled={busy}>
					{t("incidents.rescoreRisk.submit")}
				</button>
				<button type="button" className="button" onClick={() => onClose()}>
					{t("common.cancel")}
				</button>
			</div>
		</form>
	);
}
