import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { axisKey, type LedgerOptions } from "./labels.ts";

interface Props {
	options: LedgerOptions;
	levels: string[];
	onChange(levels: string[]): void;
}

/**
 * The tenant's classification choices: one select for an importance scheme (佐賀市: I–IV), one per
 * axis for a CIA scheme (北九州市: C, I, A), each level with the pack's own description.
 */
export function LevelPicker({ options, levels, onChange }: Props) {
	const { t, lang } = useI18n();
	return (
		<fieldset className="fieldset" data-testid="level-picker" data-scheme={options.scheme.kind}>
			<legend>
				{t("assets.field.classification")}（
				{lang === "ja" ? options.scheme.name.ja : options.scheme.name.en}）
			</legend>
			{options.axes.map((axis, index) => {
				const chosen = axis.levels.find((level) => level.code === levels[index]);
				return (
					<Field
						key={axis.axis}
						label={t(axisKey(axis.axis))}
						required
						hint={
							chosen ? (lang === "ja" ? chosen.description.ja : chosen.description.en) : undefined
						}
					>
						{(id, describedBy) => (
							<select
								id={id}
								aria-describedby={describedBy}
								value={levels[index] ?? ""}
								required
								data-axis={axis.axis}
								onChange={(event) => {
									const next = [...levels];
									next[index] = event.target.value;
									onChange(next);
								}}
							>
								<option value="">{t("assets.chooseLevel")}</option>
								{axis.levels.map((level) => (
									<option key={level.code} value={level.code}>
										{level.code} — {lang === "ja" ? level.label.ja : level.label.en}
									</option>
								))}
							</select>
						)}
					</Field>
				);
			})}
		</fieldset>
	);
}
