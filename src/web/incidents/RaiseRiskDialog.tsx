import { type FormEvent, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { RiskOptions } from "../risks/labels.ts";
import { RatingPicker, type RatingValue } from "../risks/RatingPicker.tsx";
import { useRiskOptions } from "../risks/useRiskOptions.ts";
import { type Incident, localized } from "./labels.ts";

export type RiskLink = Schemas["IncidentRiskLink"];

interface Props {
	incident: Incident;
	onClose(linked?: RiskLink): void;
}

/**
 * Enter a risk in the register from a case (its lessons): the register's threats, matrix and the
 * units the caller may raise a risk in come from `/api/risks/options`; what the form leaves to the
 * case (what happened, the 再発防止 as treatment plan, the case's assets) the server takes from it.
 */
export function RaiseRiskDialog({ incident, onClose }: Props) {
	const { t } = useI18n();
	const { options, error } = useRiskOptions();
	return (
		<Dialog title={t("incidents.raiseRisk.title")} onClose={() => onClose()}>
			<div className="incident-dialog">
				<ErrorAlert error={error} />
				{options ? (
					<RaiseRiskForm incident={incident} options={options} onClose={onClose} />
				) : error ? null : (
					<p role="status">{t("app.loading")}</p>
				)}
			</div>
		</Dialog>
	);
}

/** A step of the matrix: the case's own where it has one, within the matrix. */
const onScale = (step: number | undefined, size: number) => Math.min(Math.max(step ?? 1, 1), size);

function RaiseRiskForm({
	incident,
	options,
	onClose,
}: Props & {
	options: RiskOptions;
}) {
	const { t, lang } = useI18n();
	const units = options.raiseUnits;
	const [title, setTitle] = useState(incident.title);
	const [threatCode, setThreatCode] = useState(
		options.threats.some((threat) => threat.code === incident.category)
			? (incident.category ?? "")
			: "",
	);
	const [ownerUnitId, setOwnerUnitId] = useState(
		incident.units.find((unit) => units.some((u) => u.id === unit.id))?.id ?? "",
	);
	// The case's severity is a step of the pack's impact scale: the risk's impact to start from.
	const [inherent, setInherent] = useState<RatingValue>({
		likelihood: 1,
		impact: onScale(incident.severity?.level, options.matrix.size),
	});
	const [residual, setResidual] = useState<RatingValue>(inherent);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const threat = options.threats.find((entry) => entry.code === threatCode);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				title: title.trim(),
				threatCode,
				ownerUnitId,
				inherent,
				residual,
			};
			onClose(
				await call(
					api.POST("/api/incidents/{id}/risks", { params: { path: { id: incident.id } }, body }),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<form className="form" onSubmit={submit}>
			<p className="muted">{t("incidents.raiseRisk.hint")}</p>
			<ErrorAlert
				error={error}
				fields={{
					title: t("risks.field.title"),
					threatCode: t("risks.field.threat"),
					ownerUnitId: t("risks.field.ownerUnit"),
				}}
			/>
			<Field label={t("risks.field.title")} required>
				{(id) => (
					<input
						id={id}
						name="title"
						required
						maxLength={200}
						value={title}
						onChange={(event) => setTitle(event.target.value)}
					/>
				)}
			</Field>
			<Field label={t("risks.field.threat")} hint={localized(threat?.description, lang)} required>
				{(id, describedBy) => (
					<select
						id={id}
						name="threatCode"
						aria-describedby={describedBy}
						required
						value={threatCode}
						onChange={(event) => setThreatCode(event.target.value)}
					>
						<option value="">{t("incidents.raiseRisk.choose")}</option>
						{options.threats.map((entry) => (
							<option key={entry.code} value={entry.code}>
								{localized(entry.label, lang)}
							</option>
						))}
					</select>
				)}
			</Field>
			<Field label={t("risks.field.ownerUnit")} required>
				{(id) => (
					<select
						id={id}
						name="ownerUnitId"
						required
						value={ownerUnitId}
						onChange={(event) => setOwnerUnitId(event.target.value)}
					>
						<option value="">{t("incidents.raiseRisk.choose")}</option>
						{units.map((unit) => (
							<option key={unit.id} value={unit.id}>
								{unit.name}
							</option>
						))}
					</select>
				)}
			</Field>
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
			<div className="form-row-actions">
				<button type="submit" className="button button-primary" disabled={busy}>
					{t("incidents.raiseRisk.submit")}
				</button>
				<button type="button" className="button" onClick={() => onClose()}>
					{t("common.cancel")}
				</button>
			</div>
		</form>
	);
}
