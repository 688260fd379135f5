import { type FormEvent, useEffect, useState } from "react";
import { formatFiscalYear } from "../../../shared/dates.ts";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { CheckboxField, Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CampaignOptions } from "./types.ts";

/** Open a campaign: title, fiscal year (和暦 and 西暦), checklist version, units, due date. */
export function OpenCampaignDialog({ onClose }: { onClose(id?: string): void }) {
	const { t } = useI18n();
	const [options, setOptions] = useState<CampaignOptions | null>(null);
	const [title, setTitle] = useState("");
	const [fiscalYear, setFiscalYear] = useState(0);
	const [checklistId, setChecklistId] = useState("");
	const [unitIds, setUnitIds] = useState<string[]>([]);
	const [includeSubUnits, setIncludeSubUnits] = useState(true);
	const [dueOn, setDueOn] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	useEffect(() => {
		call(api.GET("/api/assurance/campaigns/options"))
			.then((found) => {
				setOptions(found);
				setFiscalYear(found.fiscalYear);
				setChecklistId(found.checklists[0]?.id ?? "");
			})
			.catch(setError);
	}, []);

	const checklist = options?.checklists.find((c) => c.id === checklistId);
	const years = options ? [options.fiscalYear - 1, options.fiscalYear, options.fiscalYear + 1] : [];

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!checklist) return;
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/assurance/campaigns", {
					body: {
						title: title.trim(),
						fiscalYear,
						checklistId,
						version: checklist.latestVersion,
						unitIds,
						includeSubUnits,
						dueOn,
					},
				}),
			);
			onClose(saved.campaign.id);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("campaigns.open")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("campaigns.field.title")} required>
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
				<Field label={t("campaigns.field.fiscalYear")} required>
					{(id) => (
						<select
							id={id}
							name="fiscalYear"
							value={fiscalYear}
							onChange={(event) => setFiscalYear(Number(event.target.value))}
						>
							{years.map((year) => (
								<option key={year} value={year}>
									{`${formatFiscalYear(year, "wareki")}（${formatFiscalYear(year, "seireki")}）`}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("campaigns.field.checklist")} required>
					{(id) => (
						<select
							id={id}
							name="checklistId"
							required
							value={checklistId}
							onChange={(event) => setChecklistId(event.target.value)}
						>
							{options?.checklists.map((c) => (
								<option key={c.id} value={c.id}>
									{t("campaigns.checklistVersion", { title: c.title, version: c.latestVersion })}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("campaigns.field.units")} hint={t("campaigns.field.unitsHint")} required>
					{(id, describedBy) => (
						<select
							id={id}
							name="unitIds"
							multiple
							required
							size={Math.min(8, Math.max(3, options?.units.length ?? 3))}
							aria-describedby={describedBy}
							value={unitIds}
							onChange={(event) =>
								setUnitIds([...event.target.selectedOptions].map((option) => option.value))
							}
						>
							{options?.units.map((unit) => (
								<option key={unit.id} value={unit.id}>
									{unit.name}
								</option>
							))}
						</select>
					)}
				</Field>
				<CheckboxField
					label={t("campaigns.field.includeSubUnits")}
					checked={includeSubUnits}
					onChange={setIncludeSubUnits}
				/>
				<Field label={t("campaigns.field.dueOn")} required>
					{(id) => (
						<input
							id={id}
							name="dueOn"
							type="date"
							required
							min={options?.today}
							value={dueOn}
							onChange={(event) => setDueOn(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy || !checklist}>
						{t("campaigns.openSubmit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
