import { useId } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import {
	type ColumnMapping,
	type MappingProposal,
	type TargetChoice,
	targetChoices,
	type ValueRow,
} from "./mapping-edit.ts";

/** A target as people read it: the field's header, or which part of it. */
function useTargetText() {
	const { t } = useI18n();
	return (choice: TargetChoice) =>
		choice.part === null
			? choice.field.header
			: t("mapping.part", { header: choice.field.header, part: choice.part });
}

/** Each of the file's columns with the field it fills, chosen in a select labelled by the column. */
export function MappingColumnsTable({
	proposal,
	mapping,
	onChange,
}: {
	proposal: MappingProposal;
	mapping: ColumnMapping;
	onChange(label: string, target: string | null): void;
}) {
	const { t } = useI18n();
	const id = useId();
	const text = useTargetText();
	const choices = targetChoices(proposal.fields);
	const labels = proposal.labels.filter((label) => label !== "");
	return (
		<div className="table-wrap">
			<table className="table table-compact" data-testid="mapping-columns">
				<caption>{t("mapping.columnsTitle")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("mapping.column")}</th>
						<th scope="col">{t("mapping.field")}</th>
					</tr>
				</thead>
				<tbody>
					{labels.map((label, at) => (
						<tr key={label} data-column={label}>
							<th scope="row">
								<label htmlFor={`${id}-${at}`}>{label}</label>
							</th>
							<td>
								<select
									id={`${id}-${at}`}
									value={mapping.columns[label] ?? ""}
									onChange={(event) => onChange(label, event.target.value || null)}
								>
									<option value="">{t("mapping.ignore")}</option>
									{choices.map((choice) => (
										<option key={choice.target} value={choice.target}>
											{text(choice)}
										</option>
									))}
								</select>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** The values of closed-list columns, each read as one of the list's values or as it is. */
export function MappingValuesTable({
	rows,
	onChange,
}: {
	rows: readonly ValueRow[];
	onChange(label: string, value: string, to: string): void;
}) {
	const { t } = useI18n();
	if (rows.length === 0) return null;
	return (
		<div className="table-wrap">
			<table className="table table-compact" data-testid="mapping-values">
				<caption>{t("mapping.valuesTitle")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("mapping.column")}</th>
						<th scope="col">{t("mapping.value")}</th>
						<th scope="col">{t("mapping.valueTarget")}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={`${row.label}\u0000${row.value}`}>
							<td>{row.label}</td>
							<th scope="row">{row.value}</th>
							<td>
								<select
									aria-label={`${row.label} ${row.value}: ${t("mapping.valueTarget")}`}
									value={row.to}
									onChange={(event) => onChange(row.label, row.value, event.target.value)}
								>
									<option value="">{t("mapping.valueAsIs")}</option>
									{row.choices.map((choice) => (
										<option key={choice.value} value={choice.value}>
											{choice.label === choice.value
												? choice.value
												: `${choice.label} (${choice.value})`}
										</option>
									))}
								</select>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** The file's first data rows under its own column labels. */
export function MappingSampleTable({ proposal }: { proposal: MappingProposal }) {
	const { t } = useI18n();
	if (proposal.sample.length === 0) return null;
	return (
		<div className="table-wrap">
			<table className="table table-compact" data-testid="mapping-sample">
				<caption>{t("mapping.sample")}</caption>
				<thead>
					<tr>
						{proposal.labels.map((label, at) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; labels may be blank
							<th scope="col" key={at}>
								{label}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{proposal.sample.map((row, at) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: the file's rows in order, never reordered
						<tr key={at}>
							{proposal.labels.map((_, column) => (
								// biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
								<td key={column}>{row[column] ?? ""}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
