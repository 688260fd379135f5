import { type FormEvent, useId, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { CheckboxField, Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { AssetChooser, type ChosenAsset } from "./AssetChooser.tsx";
import {
	type DataKind,
	dataKindKey,
	FACTS,
	type Fact,
	factKey,
	type Incident,
	type IncidentOptions,
	japanToday,
	localized,
	type Priority,
	priorityKey,
	REPORT_ITEMS,
	type ReportItem,
	reportItemKey,
	severityText,
} from "./labels.ts";

interface Props {
	incident: Incident;
	options: IncidentOptions;
	onClose(saved?: Incident): void;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((value) => b.includes(value));

/**
 * CSIRT's assessment of a case: category from the pack's threat catalogue, severity on the pack's
 * scale, priority, the units and assets concerned, and the facts the legal reporting rules read
 * (people, kinds of personal data, wrongful intent, financial damage, encryption), with 再発防止.
 */
export function TriageDialog({ incident, options, onClose }: Props) {
	const i18n = useI18n();
	const { t, lang } = i18n;
	const id = useId();
	const first = incident.state === "reported";
	const [title, setTitle] = useState(incident.title);
	const [category, setCategory] = useState(incident.category ?? "");
	const [severity, setSeverity] = useState(
		incident.severity ? String(incident.severity.level) : "",
	);
	const [priority, setPriority] = useState<Priority | "">(incident.priority ?? "");
	const [unitIds, setUnitIds] = useState(incident.units.map((unit) => unit.id));
	const [assets, setAssets] = useState<ChosenAsset[]>(incident.assets);
	const [knownAt, setKnownAt] = useState(incident.knownAt);
	const [people, setPeople] = useState(String(incident.people));
	const [dataKinds, setDataKinds] = useState<DataKind[]>(
		incident.dataKinds.length === 0 && incident.personalDataSuspected && first
			? ["personal"]
			: incident.dataKinds,
	);
	const [facts, setFacts] = useState<Record<Fact, boolean>>(
		() => Object.fromEntries(FACTS.map((fact) => [fact, incident[fact]])) as Record<Fact, boolean>,
	);
	const [prevention, setPrevention] = useState(incident.prevention ?? "");
	const [reportItems, setReportItems] = useState<Record<ReportItem, string>>(
		() =>
			Object.fromEntries(REPORT_ITEMS.map((item) => [item, incident[item] ?? ""])) as Record<
				ReportItem,
				string
			>,
	);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		const assetIds = assets.map((asset) => asset.id);
		const linked = incident.assets.map((asset) => asset.id);
		try {
			const body = {
				version: incident.version,
				title: title.trim(),
				...(category ? { category } : {}),
				...(severity ? { severity: Number(severity) } : {}),
				...(priority ? { priority } : {}),
				unitIds,
				// Unchanged links are not sent: the CSIRT need not reach every asset a reporter named.
				...(sameSet(assetIds, linked) ? {} : { assetIds }),
				knownAt,
				people: Number.parseInt(people, 10) || 0,
				dataKinds,
				...facts,
				prevention: prevention.trim(),
				...(Object.fromEntries(
					REPORT_ITEMS.map((item) => [item, reportItems[item].trim()]),
				) as Record<ReportItem, string>),
			};
			onClose(
				await call(
					api.POST("/api/incidents/{id}/triage", { params: { path: { id: incident.id } }, body }),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
		on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

	return (
		<Dialog
			title={t(first ? "incidents.triage.title" : "incidents.triage.retitle")}
			onClose={() => onClose()}
		>
			<div className="incident-dialog">
				<form className="form" onSubmit={submit}>
					<p>{t("incidents.triage.lead")}</p>
					<ErrorAlert
						error={error}
						fields={{
							title: t("incidents.field.title"),
							category: t("incidents.field.category"),
							people: t("incidents.field.people"),
							prevention: t("incidents.field.prevention"),
							...Object.fromEntries(REPORT_ITEMS.map((item) => [item, t(reportItemKey(item))])),
						}}
					/>
					<Field label={t("incidents.field.title")} required>
						{(fieldId) => (
							<input
								id={fieldId}
								name="title"
								required
								maxLength={200}
								value={title}
								onChange={(event) => setTitle(event.target.value)}
							/>
						)}
					</Field>
					<div className="form-row">
						<Field label={t("incidents.field.category")} required className="field-grow">
							{(fieldId) => (
								<select
									id={fieldId}
									name="category"
									required
									value={category}
									onChange={(event) => setCategory(event.target.value)}
								>
									<option value="">{t("incidents.choose")}</option>
									{options.categories.map((choice) => (
										<option key={choice.code} value={choice.code}>
											{localized(choice.label, lang)}
										</option>
									))}
								</select>
							)}
						</Field>
						<Field label={t("incidents.field.severity")} required>
							{(fieldId) => (
								<select
									id={fieldId}
									name="severity"
									required
									value={severity}
									onChange={(event) => setSeverity(event.target.value)}
								>
									<option value="">{t("incidents.choose")}</option>
									{options.severities.map((step) => (
										<option key={step.level} value={String(step.level)}>
											{severityText(step, i18n)}
										</option>
									))}
								</select>
							)}
						</Field>
						<Field label={t("incidents.field.priority")}>
							{(fieldId) => (
								<select
									id={fieldId}
									name="priority"
									value={priority}
									onChange={(event) => setPriority(event.target.value as Priority | "")}
								>
									<option value="">{t("incidents.choose")}</option>
									{options.priorities.map((choice) => (
										<option key={choice} value={choice}>
											{t(priorityKey(choice))}
										</option>
									))}
								</select>
							)}
						</Field>
					</div>
					<div className="form-row">
						<Field label={t("incidents.field.knownAt")} required>
							{(fieldId) => (
								<input
									id={fieldId}
									name="knownAt"
									type="date"
									required
									max={japanToday()}
									value={knownAt}
									onChange={(event) => setKnownAt(event.target.value)}
								/>
							)}
						</Field>
						<Field label={t("incidents.field.people")} required>
							{(fieldId) => (
								<input
									id={fieldId}
									name="people"
									type="number"
									inputMode="numeric"
									min={0}
									step={1}
									required
									value={people}
									onChange={(event) => setPeople(event.target.value)}
								/>
							)}
						</Field>
					</div>
					<fieldset className="incident-fieldset">
						<legend>{t("incidents.field.dataKinds")}</legend>
						{options.dataKinds.map((kind) => (
							<CheckboxField
								key={kind}
								label={t(dataKindKey(kind))}
								checked={dataKinds.includes(kind)}
								onChange={(on) => setDataKinds((list) => toggle(list, kind, on))}
							/>
						))}
					</fieldset>
					<fieldset className="incident-fieldset" aria-describedby={`${id}-facts`}>
						<legend>{t("incidents.field.facts")}</legend>
						<p className="field-hint" id={`${id}-facts`}>
							{t("incidents.triage.factsHint")}
						</p>
						{FACTS.map((fact) => (
							<CheckboxField
								key={fact}
								label={t(factKey(fact))}
								checked={facts[fact]}
								onChange={(on) => setFacts((current) => ({ ...current, [fact]: on }))}
							/>
						))}
					</fieldset>
					<fieldset className="incident-fieldset">
						<legend>{t("incidents.field.units")}</legend>
						<ul className="incident-choices">
							{options.units.map((unit) => (
								<li key={unit.id}>
									<CheckboxField
										label={unit.name}
										checked={unitIds.includes(unit.id)}
										onChange={(on) => setUnitIds((list) => toggle(list, unit.id, on))}
									/>
								</li>
							))}
						</ul>
					</fieldset>
					<AssetChooser
						legend={t("incidents.field.assets")}
						hint={t("incidents.triage.assetsHint")}
						value={assets}
						onChange={setAssets}
					/>
					<Field
						label={t("incidents.field.prevention")}
						hint={t("incidents.triage.preventionHint")}
					>
						{(fieldId, describedBy) => (
							<textarea
								id={fieldId}
								name="prevention"
								aria-describedby={describedBy}
								rows={3}
								maxLength={4000}
								value={prevention}
								onChange={(event) => setPrevention(event.target.value)}
							/>
						)}
					</Field>
					<fieldset className="incident-fieldset" aria-describedby={`${id}-report-items`}>
						<legend>{t("incidents.triage.reportItems")}</legend>
						<p className="field-hint" id={`${id}-report-items`}>
							{t("incidents.triage.reportItemsHint")}
						</p>
						{REPORT_ITEMS.map((item) => (
							<Field key={item} label={t(reportItemKey(item))}>
								{(fieldId) => (
									<textarea
										id={fieldId}
										name={item}
										rows={2}
										maxLength={4000}
										value={reportItems[item]}
										onChange={(event) =>
											setReportItems((current) => ({ ...current, [item]: event.target.value }))
										}
									/>
								)}
							</Field>
						))}
					</fieldset>
					<div className="form-row-actions">
						<button type="submit" className="button button-primary" disabled={busy}>
							{t("common.save")}
						</button>
						<button type="button" className="button" onClick={() => onClose()}>
							{t("common.cancel")}
						</button>
					</div>
				</form>
			</div>
		</Dialog>
	);
}
