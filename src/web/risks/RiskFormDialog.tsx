import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { AssetPicker } from "./AssetPicker.tsx";
import {
	localized,
	type Risk,
	type RiskOptions,
	STATUSES,
	statusKey,
	TREATMENTS,
	treatmentKey,
} from "./labels.ts";
import { RatingPicker } from "./RatingPicker.tsx";
import { type Draft, draftOf, orNull } from "./risk-draft.ts";

interface Props {
	options: RiskOptions;
	/** The risk to edit; absent to enter a new one. */
	risk?: Risk;
	onClose(saved?: Risk): void;
}

/** Enter or edit a risk: threat from the pack's catalogue, ratings on the pack's matrix. */
export function RiskFormDialog({ options, risk, onClose }: Props) {
	const { t, lang } = useI18n();
	const [draft, setDraft] = useState<Draft>(() => draftOf(risk, options));
	const [linked] = useState(() => risk?.assets ?? []);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
		setDraft((current) => ({ ...current, [key]: value }));

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const fields = {
			title: draft.title.trim(),
			description: draft.description.trim(),
			threatCode: draft.threatCode,
			ownerUnitId: draft.ownerUnitId,
			systemName: orNull(draft.systemName),
			assetIds: draft.assetIds,
			inherent: draft.inherent,
			residual: draft.residual,
			existingControls: orNull(draft.existingControls),
			treatmentPlan: orNull(draft.treatmentPlan),
			treatmentOwnerId: draft.treatmentOwnerId || null,
			treatmentDue: draft.treatmentDue || null,
			status: draft.status,
		};
		const treatment = (draft.treatment || null) as Risk["treatment"];
		try {
			const saved = risk
				? await call(
						api.PATCH("/api/risks/{id}", {
							params: { path: { id: risk.id } },
							// An accepted risk keeps its treatment unless someone changes it.
							body: {
								...fields,
								...(treatment === risk.treatment ? {} : { treatment }),
								version: risk.version,
							},
						}),
					)
				: await call(api.POST("/api/risks", { body: { ...fields, treatment } }));
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const threat = options.threats.find((entry) => entry.code === draft.threatCode);
	// `accept` is decided through the acceptance dialog; it is shown only when already recorded.
	const treatments = TREATMENTS.filter((v) => v !== "accept" || risk?.treatment === "accept");
	const units =
		risk && !options.units.some((u) => u.id === risk.ownerUnit.id)
			? [risk.ownerUnit, ...options.units]
			: options.units;

	return (
		<Dialog title={t(risk ? "risks.editTitle" : "risks.createTitle")} onClose={() => onClose()}>
			<form className="form risk-form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("risks.field.title")} required>
					{(id) => (
						<input
							id={id}
							name="title"
							required
							maxLength={200}
							value={draft.title}
							onChange={(event) => set("title", event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("risks.field.description")}>
					{(id) => (
						<textarea
							id={id}
							name="description"
							rows={3}
							maxLength={4000}
							value={draft.description}
							onChange={(event) => set("description", event.target.value)}
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
							value={draft.threatCode}
							onChange={(event) => set("threatCode", event.target.value)}
						>
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
							value={draft.ownerUnitId}
							onChange={(event) => set("ownerUnitId", event.target.value)}
						>
							{units.map((unit) => (
								<option key={unit.id} value={unit.id}>
									{unit.name}
								</option>
							))}
						</select>
					)}
				</Field>
				<AssetPicker
					linked={linked}
					value={draft.assetIds}
					onChange={(ids) => set("assetIds", ids)}
				/>
				<Field label={t("risks.field.systemName")}>
					{(id) => (
						<input
							id={id}
							name="systemName"
							maxLength={200}
							value={draft.systemName}
							onChange={(event) => set("systemName", event.target.value)}
						/>
					)}
				</Field>
				<RatingPicker
					legend={t("risks.inherent")}
					name="inherent"
					matrix={options.matrix}
					value={draft.inherent}
					onChange={(value) => set("inherent", value)}
				/>
				<Field label={t("risks.field.existingControls")}>
					{(id) => (
						<textarea
							id={id}
							name="existingControls"
							rows={2}
							maxLength={4000}
							value={draft.existingControls}
							onChange={(event) => set("existingControls", event.target.value)}
						/>
					)}
				</Field>
				<RatingPicker
					legend={t("risks.residual")}
					name="residual"
					matrix={options.matrix}
					value={draft.residual}
					onChange={(value) => set("residual", value)}
				/>
				<Field label={t("risks.field.treatment")} hint={t("risks.treatmentHint")}>
					{(id, describedBy) => (
						<select
							id={id}
							name="treatment"
							aria-describedby={describedBy}
							value={draft.treatment}
							onChange={(event) => set("treatment", event.target.value)}
						>
							<option value="">{t("risks.treatment.none")}</option>
							{treatments.map((value) => (
								<option key={value} value={value}>
									{t(treatmentKey(value))}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("risks.field.treatmentPlan")}>
					{(id) => (
						<textarea
							id={id}
							name="treatmentPlan"
							rows={2}
							maxLength={4000}
							value={draft.treatmentPlan}
							onChange={(event) => set("treatmentPlan", event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row">
					<Field label={t("risks.field.treatmentOwner")}>
						{(id) => (
							<select
								id={id}
								name="treatmentOwnerId"
								value={draft.treatmentOwnerId}
								onChange={(event) => set("treatmentOwnerId", event.target.value)}
							>
								<option value="">{t("risks.noOwner")}</option>
								{options.accounts.map((account) => (
									<option key={account.id} value={account.id}>
										{account.displayName}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("risks.field.treatmentDue")}>
						{(id) => (
							<input
								id={id}
								name="treatmentDue"
								type="date"
								value={draft.treatmentDue}
								onChange={(event) => set("treatmentDue", event.target.value)}
							/>
						)}
					</Field>
					<Field label={t("risks.field.status")}>
						{(id) => (
							<select
								id={id}
								name="status"
								value={draft.status}
								onChange={(event) => set("status", event.target.value as Draft["status"])}
							>
								{STATUSES.map((value) => (
									<option key={value} value={value}>
										{t(statusKey(value))}
									</option>
								))}
							</select>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t(risk ? "risks.save" : "risks.create")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
