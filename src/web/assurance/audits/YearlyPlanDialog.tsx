import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { QUARTER_MONTHS, timingOfValue, timingText, timingValue } from "./timing.ts";
import type { AuditPlans, YearlyPlan } from "./types.ts";
import { useFiscalYear } from "./useFiscalYear.ts";

interface Props {
	plans: AuditPlans;
	/** The plan to change; a new plan when absent. */
	plan?: YearlyPlan;
	onClose(saved?: YearlyPlan): void;
}

interface Row {
	unitId: string;
	timing: string;
}

/**
 * Make or change a yearly audit plan (年度監査計画): its fiscal year (fixed once made), the
 * multi-year plan it belongs to, its aims, and the units it audits with when (quarter or month).
 */
export function YearlyPlanDialog({ plans, plan, onClose }: Props) {
	const { t } = useI18n();
	const fiscalYear = useFiscalYear();
	const taken = new Set(plans.yearly.map((y) => y.fiscalYear));
	const freeYears = Array.from({ length: 6 }, (_, i) => plans.currentFiscalYear - 1 + i).filter(
		(year) => !taken.has(year),
	);
	const [year, setYear] = useState(String(plan?.fiscalYear ?? freeYears[1] ?? freeYears[0] ?? ""));
	const [planId, setPlanId] = useState(plan?.planId ?? "");
	const [aims, setAims] = useState(plan?.aims ?? "");
	const [rows, setRows] = useState<Row[]>(
		plan?.units.map((u) => ({ unitId: u.unitId, timing: timingValue(u.quarter, u.month) })) ?? [],
	);
	const [adding, setAdding] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const unitName = new Map(plans.units.map((u) => [u.id, u.name]));
	const chosen = new Set(rows.map((r) => r.unitId));
	const parents = plans.multiYear.filter(
		(p) => Number(year) >= p.firstYear && Number(year) <= p.lastYear,
	);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const units = rows.map((row) => ({ unitId: row.unitId, ...timingOfValue(row.timing) }));
		const common = { planId: planId || null, aims: aims.trim(), units };
		try {
			const saved = plan
				? await call(
						api.PATCH("/api/assurance/yearly-audit-plans/{id}", {
							params: { path: { id: plan.id } },
							body: { ...common, version: plan.version },
						}),
					)
				: await call(
						api.POST("/api/assurance/yearly-audit-plans", {
							body: { ...common, fiscalYear: Number(year) },
						}),
					);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={t(plan ? "audits.plans.editYearly" : "audits.plans.createYearly")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<div className="form-row">
					<Field label={t("audits.field.fiscalYear")} required>
						{(id) =>
							plan ? (
								<input id={id} name="fiscalYear" readOnly value={fiscalYear(plan.fiscalYear)} />
							) : (
								<select
									id={id}
									name="fiscalYear"
									required
									value={year}
									onChange={(event) => {
										setYear(event.target.value);
										setPlanId("");
									}}
								>
									{freeYears.map((y) => (
										<option key={y} value={y}>
											{fiscalYear(y)}
										</option>
									))}
								</select>
							)
						}
					</Field>
					<Field label={t("audits.field.parentPlan")}>
						{(id) => (
							<select
								id={id}
								name="planId"
								value={planId}
								onChange={(event) => setPlanId(event.target.value)}
							>
								<option value="">{t("audits.field.noParent")}</option>
								{parents.map((p) => (
									<option key={p.id} value={p.id}>
										{p.title}
									</option>
								))}
							</select>
						)}
					</Field>
				</div>
				<Field label={t("audits.field.aims")} hint={t("audits.field.aimsHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="aims"
							rows={4}
							required
							maxLength={8000}
							aria-describedby={describedBy}
							value={aims}
							onChange={(event) => setAims(event.target.value)}
						/>
					)}
				</Field>
				<fieldset className="fieldset">
					<legend>{t("audits.field.plannedUnits")}</legend>
					<div className="form-row audit-form-row">
						<Field label={t("audits.plannedUnits.choose")}>
							{(id) => (
								<select
									id={id}
									name="addUnit"
									value={adding}
									onChange={(event) => setAdding(event.target.value)}
								>
									<option value="">—</option>
									{plans.units
										.filter((u) => !chosen.has(u.id))
										.map((u) => (
											<option key={u.id} value={u.id}>
												{u.name}
											</option>
										))}
								</select>
							)}
						</Field>
						<button
							type="button"
							className="button"
							disabled={!adding}
							onClick={() => {
								setRows([...rows, { unitId: adding, timing: "" }]);
								setAdding("");
							}}
						>
							{t("audits.plannedUnits.add")}
						</button>
					</div>
					{rows.length === 0 ? (
						<p className="muted">{t("audits.plannedUnits.none")}</p>
					) : (
						<ul className="audit-planned-units" aria-label={t("audits.plannedUnits.list")}>
							{rows.map((row) => {
								const unit = unitName.get(row.unitId) ?? row.unitId;
								return (
									<li key={row.unitId}>
										<span className="audit-planned-unit">{unit}</span>
										<select
											aria-label={t("audits.plannedUnits.timingOf", { unit })}
											value={row.timing}
											onChange={(event) =>
												setRows(
													rows.map((r) =>
														r.unitId === row.unitId ? { ...r, timing: event.target.value } : r,
													),
												)
											}
										>
											<option value="">{t("audits.timing.none")}</option>
											{[1, 2, 3, 4].map((quarter) => (
												<optgroup key={quarter} label={timingText(t, quarter, null)}>
													<option value={`q${quarter}`}>{timingText(t, quarter, null)}</option>
													{(QUARTER_MONTHS[quarter] ?? []).map((month) => (
														<option key={month} value={`m${month}`}>
															{timingText(t, null, month)}
														</option>
													))}
												</optgroup>
											))}
										</select>
										<button
											type="button"
											className="button button-small"
											aria-label={t("audits.plannedUnits.remove", { unit })}
											onClick={() => setRows(rows.filter((r) => r.unitId !== row.unitId))}
										>
											×
										</button>
									</li>
								);
							})}
						</ul>
					)}
				</fieldset>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy || !year}>
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
