import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type Audit, type AuditOptions, kindKey } from "./types.ts";
import { useFiscalYear } from "./useFiscalYear.ts";

interface Props {
	options: AuditOptions;
	/** The audit to change; a new audit when absent. */
	audit?: Audit;
	onClose(saved?: Audit): void;
}

const selected = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

/**
 * Enter an audit, or change one: for a new one its kind (a planned audit of a yearly plan, or an
 * ad-hoc audit the CISO orders with the reason); then its implementation plan (title, scope,
 * criteria, period), its team (lead and auditors) and the units it audits. A team that is not
 * independent of the units is refused; the refusal names who, which unit and why.
 */
export function AuditDialog({ options, audit, onClose }: Props) {
	const { t } = useI18n();
	const fiscalYear = useFiscalYear();
	const [kind, setKind] = useState<"planned" | "ad_hoc">(audit?.kind ?? "planned");
	const [yearlyPlanId, setYearlyPlanId] = useState(audit?.yearlyPlanId ?? "");
	const [reason, setReason] = useState(audit?.reason ?? "");
	const [title, setTitle] = useState(audit?.title ?? "");
	const [scope, setScope] = useState(audit?.scope ?? "");
	const [criteria, setCriteria] = useState(audit?.criteria ?? "");
	const [periodStart, setPeriodStart] = useState(audit?.periodStart ?? "");
	const [periodEnd, setPeriodEnd] = useState(audit?.periodEnd ?? "");
	const [lead, setLead] = useState(audit?.lead?.id ?? "");
	const [auditors, setAuditors] = useState<string[]>(audit?.auditors.map((a) => a.id) ?? []);
	const [unitIds, setUnitIds] = useState<string[]>(audit?.units.map((u) => u.id) ?? []);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const adHoc = kind === "ad_hoc";
	const accountLabel = (a: AuditOptions["accounts"][number]) => `${a.name}（${a.username}）`;

	function choosePlan(id: string) {
		setYearlyPlanId(id);
		const plan = options.yearlyPlans.find((p) => p.id === id);
		// The plan's units are where a planned audit usually starts.
		if (plan && unitIds.length === 0) setUnitIds(plan.unitIds);
	}

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const plan = {
			title: title.trim(),
			scope: scope.trim(),
			criteria: criteria.trim(),
			periodStart,
			periodEnd,
			leadAuditorId: lead,
			auditorIds: auditors.filter((id) => id !== lead),
			unitIds,
		};
		try {
			const saved = audit
				? await call(
						api.PATCH("/api/assurance/audits/{id}", {
							params: { path: { id: audit.id } },
							body: {
								...plan,
								version: audit.version,
								...(audit.kind === "ad_hoc" ? { reason: reason.trim() } : {}),
							},
						}),
					)
				: await call(
						api.POST("/api/assurance/audits", {
							body: {
								...plan,
								kind,
								// Chosen in fieldwork once the checklists module offers versions.
								checklistVersionId: null,
								yearlyPlanId: adHoc ? null : yearlyPlanId || null,
								reason: adHoc ? reason.trim() : null,
							},
						}),
					);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t(audit ? "audits.editTitle" : "audits.createTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				{!audit && options.mayOrderAdHoc ? (
					<fieldset className="fieldset">
						<legend>{t("audits.field.kind")}</legend>
						{(["planned", "ad_hoc"] as const).map((value) => (
							<label key={value} className="choice">
								<input
									type="radio"
									name="kind"
									value={value}
									checked={kind === value}
									onChange={() => setKind(value)}
								/>{" "}
								{t(kindKey(value))}
							</label>
						))}
					</fieldset>
				) : null}
				{!audit && !adHoc ? (
					<Field label={t("audits.field.yearlyPlan")} required>
						{(id) => (
							<select
								id={id}
								name="yearlyPlanId"
								required
								value={yearlyPlanId}
								onChange={(event) => choosePlan(event.target.value)}
							>
								<option value="">{t("audits.field.chooseYearlyPlan")}</option>
								{options.yearlyPlans.map((plan) => (
									<option key={plan.id} value={plan.id}>
										{fiscalYear(plan.fiscalYear)}
									</option>
								))}
							</select>
						)}
					</Field>
				) : null}
				{(audit ? audit.kind === "ad_hoc" : adHoc) ? (
					<Field label={t("audits.field.reason")} required>
						{(id) => (
							<textarea
								id={id}
								name="reason"
								rows={3}
								required
								maxLength={2000}
								value={reason}
								onChange={(event) => setReason(event.target.value)}
							/>
						)}
					</Field>
				) : null}
				<Field label={t("audits.field.title")} required>
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
				<Field label={t("audits.field.scope")} hint={t("audits.field.scopeHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="scope"
							rows={3}
							required
							maxLength={4000}
							aria-describedby={describedBy}
							value={scope}
							onChange={(event) => setScope(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("audits.field.criteria")} hint={t("audits.field.criteriaHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="criteria"
							rows={2}
							required
							maxLength={4000}
							aria-describedby={describedBy}
							value={criteria}
							onChange={(event) => setCriteria(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row">
					<Field label={t("audits.field.periodStart")} required>
						{(id) => (
							<input
								id={id}
								name="periodStart"
								type="date"
								required
								value={periodStart}
								onChange={(event) => setPeriodStart(event.target.value)}
							/>
						)}
					</Field>
					<Field label={t("audits.field.periodEnd")} required>
						{(id) => (
							<input
								id={id}
								name="periodEnd"
								type="date"
								required
								min={periodStart || undefined}
								value={periodEnd}
								onChange={(event) => setPeriodEnd(event.target.value)}
							/>
						)}
					</Field>
				</div>
				<fieldset className="fieldset">
					<legend>{t("audits.section.team")}</legend>
					<p className="muted">{t("audits.independenceHint")}</p>
					<Field label={t("audits.field.lead")} required>
						{(id) => (
							<select
								id={id}
								name="leadAuditorId"
								required
								value={lead}
								onChange={(event) => setLead(event.target.value)}
							>
								<option value="">{t("audits.field.chooseLead")}</option>
								{options.accounts.map((a) => (
									<option key={a.id} value={a.id}>
										{accountLabel(a)}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("audits.field.auditors")} hint={t("audits.field.auditorsHint")}>
						{(id, describedBy) => (
							<select
								id={id}
								name="auditorIds"
								multiple
								size={Math.min(6, Math.max(2, options.accounts.length))}
								aria-describedby={describedBy}
								value={auditors}
								onChange={(event) => setAuditors(selected(event.target))}
							>
								{options.accounts
									.filter((a) => a.id !== lead)
									.map((a) => (
										<option key={a.id} value={a.id}>
											{accountLabel(a)}
										</option>
									))}
							</select>
						)}
					</Field>
				</fieldset>
				<Field label={t("audits.field.units")} hint={t("audits.field.unitsHint")} required>
					{(id, describedBy) => (
						<select
							id={id}
							name="unitIds"
							multiple
							required
							size={Math.min(8, Math.max(3, options.units.length))}
							aria-describedby={describedBy}
							value={unitIds}
							onChange={(event) => setUnitIds(selected(event.target))}
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
						{t(audit ? "audits.saveChanges" : "audits.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
