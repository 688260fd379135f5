import { useI18n } from "../i18n/i18n.tsx";

/**
 * The days the tenant aims at for a preliminary report (速報) of a personal-data leak; empty for
 * the policy pack's aim, which the hint names.
 */
export function PreliminaryDaysField({
	value,
	packDays,
	disabled,
	onChange,
}: {
	value: string;
	packDays: number | null;
	disabled: boolean;
	onChange: (next: string) => void;
}) {
	const { t } = useI18n();
	return (
		<fieldset className="fieldset" disabled={disabled}>
			<legend>{t("settings.incidentDays")}</legend>
			<div className="field">
				<label className="field-label" htmlFor="incident-preliminary-days">
					{t("settings.incidentDays.label")}
				</label>
				<input
					id="incident-preliminary-days"
					type="number"
					inputMode="numeric"
					min={1}
					max={30}
					step={1}
					value={value}
					aria-describedby="incident-preliminary-days-hint"
					onChange={(event) => onChange(event.target.value)}
				/>
				<p className="field-hint" id="incident-preliminary-days-hint">
					{packDays === null
						? t("settings.incidentDays.hintNoAim")
						: t("settings.incidentDays.hint", { days: packDays })}
				</p>
			</div>
		</fieldset>
	);
}
