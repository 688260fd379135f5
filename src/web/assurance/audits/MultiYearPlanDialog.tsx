import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MultiYearPlan } from "./types.ts";
import { useFiscalYear } from "./useFiscalYear.ts";

interface Props {
	/** The plan to change; a new plan when absent. */
	plan?: MultiYearPlan;
	currentFiscalYear: number;
	onClose(saved?: MultiYearPlan): void;
}

/** Fiscal years a plan may span: five back to ten ahead of the current one. */
function yearChoices(current: number, keep: readonly number[]): number[] {
	const years = new Set([...Array.from({ length: 16 }, (_, i) => current - 5 + i), ...keep]);
	return [...years].sort((a, b) => a - b);
}

/** Make or change a multi-year audit plan (中期監査計画): title, span of fiscal years, aims. */
export function MultiYearPlanDialog({ plan, currentFiscalYear, onClose }: Props) {
	const { t } = useI18n();
	const fiscalYear = useFiscalYear();
	const [title, setTitle] = useState(plan?.title ?? "");
	const [firstYear, setFirstYear] = useState(String(plan?.firstYear ?? currentFiscalYear));
	const [lastYear, setLastYear] = useState(String(plan?.lastYear ?? currentFiscalYear + 2));
	const [aims, setAims] = useState(plan?.aims ?? "");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const years = yearChoices(currentFiscalYear, plan ? [plan.firstYear, plan.lastYear] : []);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const body = {
			title: title.trim(),
			firstYear: Number(firstYear),
			lastYear: Number(lastYear),
			aims: aims.trim(),
		};
		try {
			const saved = plan
				? await call(
						api.PATCH("/api/assurance/audit-plans/{id}", {
							params: { path: { id: plan.id } },
							body: { ...body, version: plan.version },
						}),
					)
				: await call(api.POST("/api/assurance/audit-plans", { body }));
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const yearSelect =
		(value: string, set: (value: string) => void, name: string) => (id: string) => (
			<select
				id={id}
				name={name}
				required
				value={value}
				onChange={(event) => set(event.target.value)}
			>
				{years.map((year) => (
					<option key={year} value={year}>
						{fiscalYear(year)}
					</option>
				))}
			</select>
		);

	return (
		<Dialog
			title={t(plan ? "audits.plans.editMultiYear" : "audits.plans.createMultiYear")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("audits.field.planTitle")} required>
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
				<div className="form-row">
					<Field label={t("audits.field.firstYear")} required>
						{yearSelect(firstYear, setFirstYear, "firstYear")}
					</Field>
					<Field label={t("audits.field.lastYear")} required>
						{yearSelect(lastYear, setLastYear, "lastYear")}
					</Field>
				</div>
				<Field label={t("audits.field.aims")} hint={t("audits.field.aimsHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="aims"
							rows={5}
							required
							maxLength={8000}
							aria-describedby={describedBy}
							value={aims}
							onChange={(event) => setAims(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t(plan ? "audits.plans.save" : "audits.plans.create")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
