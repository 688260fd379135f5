import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Drill, DrillOptions } from "./types.ts";

interface Props {
	options: DrillOptions;
	onClose(saved?: Drill): void;
}

/** Plan a drill: its name, the scenario it rehearses, the planned day and the units taking part. */
export function ScheduleDrillDialog({ options, onClose }: Props) {
	const { t } = useI18n();
	const [title, setTitle] = useState("");
	const [scenario, setScenario] = useState("");
	const [plannedOn, setPlannedOn] = useState("");
	const [unitIds, setUnitIds] = useState<string[]>([]);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/drills", {
					body: { title: title.trim(), scenario: scenario.trim(), plannedOn, unitIds },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("drills.scheduleTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("drills.field.title")} required>
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
				<Field label={t("drills.field.scenario")} hint={t("drills.field.scenarioHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="scenario"
							rows={4}
							required
							maxLength={4000}
							aria-describedby={describedBy}
							value={scenario}
							onChange={(event) => setScenario(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("drills.field.plannedOn")} required>
					{(id) => (
						<input
							id={id}
							name="plannedOn"
							type="date"
							required
							value={plannedOn}
							onChange={(event) => setPlannedOn(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("drills.field.units")} hint={t("drills.field.unitsHint")}>
					{(id, describedBy) => (
						<select
							id={id}
							name="unitIds"
							multiple
							size={Math.min(6, Math.max(2, options.units.length))}
							aria-describedby={describedBy}
							value={unitIds}
							onChange={(event) =>
								setUnitIds([...event.target.selectedOptions].map((option) => option.value))
							}
						>
							{options.units.map((unit) => (
								<option key={unit.id} value={unit.id}>
									{unit.name}
								</option>
							))}
						</select>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("drills.saveSchedule")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
