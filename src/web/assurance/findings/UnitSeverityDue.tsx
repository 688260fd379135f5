import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
	FINDING_SEVERITIES,
	type FindingOptions,
	type FindingSeverity,
	severityKey,
} from "./types.ts";

interface UnitSeverityDueProps {
	options: FindingOptions | null;
	form: { ownerUnitId: string; severity: FindingSeverity; dueOn: string };
	set(changes: Partial<UnitSeverityDueProps["form"]>): void;
}

/** The owner unit, severity and due date of a new finding: one row of a raise form. */
export function UnitSeverityDue({ options, form, set }: UnitSeverityDueProps) {
	const { t } = useI18n();
	return (
		<div className="form-row">
			<Field label={t("findings.field.ownerUnit")} required>
				{(id) => (
					<select
						id={id}
						name="ownerUnitId"
						required
						value={form.ownerUnitId}
						onChange={(event) => set({ ownerUnitId: event.target.value })}
					>
						<option value="">{t("findings.chooseUnit")}</option>
						{(options?.units ?? []).map((unit) => (
							<option key={unit.id} value={unit.id}>
								{unit.name}
							</option>
						))}
					</select>
				)}
			</Field>
			<Field label={t("findings.field.severity")} required>
				{(id) => (
					<select
						id={id}
						name="severity"
						required
						value={form.severity}
						onChange={(event) => set({ severity: event.target.value as FindingSeverity })}
					>
						{FINDING_SEVERITIES.map((severity) => (
							<option key={severity} value={severity}>
								{t(severityKey(severity))}
							</option>
						))}
					</select>
				)}
			</Field>
			<Field label={`${t("findings.field.dueOn")}${t("common.optional")}`}>
				{(id) => (
					<input
						id={id}
						name="dueOn"
						type="date"
						min={options?.today}
						value={form.dueOn}
						onChange={(event) => set({ dueOn: event.target.value })}
					/>
				)}
			</Field>
		</div>
	);
}
