import { useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ConfirmDialog } from "../../components/Dialog.tsx";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert, StatusMessage } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";
import { Link } from "../../router.tsx";
import { AuditDialog } from "./AuditDialog.tsx";
import { ChecklistPicker } from "./ChecklistPicker.tsx";
import { FieldworkSection } from "./FieldworkSection.tsx";
import {
	AUDIT_STEPS,
	AUDITS_PATH,
	type Audit,
	type AuditStep,
	kindKey,
	STATE_BADGE,
	stateKey,
} from "./types.ts";
import { useAuditOptions } from "./useAuditOptions.ts";
import { useFiscalYear } from "./useFiscalYear.ts";
import "./audits.css";

const stepKey = (step: AuditStep) => `audits.step.${step}` as MessageKey;

/** One audit: its implementation plan, team, audited units and state; the next step. */
export function AuditDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const fiscalYear = useFiscalYear();
	const [audit, setAudit] = useState<Audit | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [editing, setEditing] = useState(false);
	const [step, setStep] = useState<AuditStep | null>(null);
	const [stepError, setStepError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const [done, setDone] = useState<string | null>(null);
	const [picking, setPicking] = useState(false);
	const may = (action: string) => audit?.allowedActions.includes(action) ?? false;
	const mayFieldwork = (action: string) => audit?.fieldworkActions.includes(action) ?? false;
	const { options, error: optionsError } = useAuditOptions(may("assurance_audit.edit"));

	useEffect(() => {
		call(api.GET("/api/assurance/audits/{id}", { params: { path: { id } } })).then(
			setAudit,
			setError,
		);
	}, [id]);

	async function advance(chosen: AuditStep) {
		if (!audit) return;
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/assurance/audits/{id}/advance", {
					params: { path: { id: audit.id } },
					body: { version: audit.version, step: chosen },
				}),
			);
			setAudit(saved);
			setStep(null);
			setStepError(null);
			setDone(t("audits.stepDone", { step: t(stepKey(chosen)) }));
		} catch (failure) {
			setStepError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section className="page">
			<p>
				<Link to={AUDITS_PATH}>{t("audits.back")}</Link>
			</p>
			<ErrorAlert error={error ?? optionsError} />
			<StatusMessage>{done}</StatusMessage>
			{audit ? (
				<>
					<div className="page-header">
						<h1>{audit.title}</h1>
						<div className="button-row">
							{AUDIT_STEPS.filter((s) => may(`assurance_audit.${s}`)).map((s) => (
								<button
									key={s}
									type="button"
									className="button button-primary"
									onClick={() => {
										setStepError(null);
										setStep(s);
									}}
								>
									{t(stepKey(s))}
								</button>
							))}
							{mayFieldwork("assurance_audit.read_fieldwork") ? (
								<>
									<DownloadButton
										href={`/api/assurance/audits/${encodeURIComponent(audit.id)}/report.pdf`}
										fileName={`${audit.title}.pdf`}
										onError={setError}
									>
										{t("audits.report.pdf")}
									</DownloadButton>
									<DownloadButton
										href={`/api/assurance/audits/${encodeURIComponent(audit.id)}/report.xlsx`}
										fileName={`${audit.title}.xlsx`}
										onError={setError}
									>
										{t("audits.report.xlsx")}
									</DownloadButton>
								</>
							) : null}
							{may("assurance_audit.edit") && options ? (
								<button type="button" className="button" onClick={() => setEditing(true)}>
									{t("audits.edit")}
								</button>
							) : null}
						</div>
					</div>
					<p className="tag-list">
						<span className={`badge ${STATE_BADGE[audit.state] ?? ""}`} data-testid="audit-state">
							{t(stateKey(audit.state))}
						</span>
						<span className="tag">{t(kindKey(audit.kind))}</span>
						<span className="tag">{fiscalYear(audit.fiscalYear)}</span>
					</p>
					<section className="card" aria-labelledby="audit-plan-heading">
						<h2 id="audit-plan-heading">{t("audits.section.plan")}</h2>
						<dl className="details" data-testid="audit-plan">
							{audit.kind === "ad_hoc" ? (
								<>
									<dt>{t("audits.field.reason")}</dt>
									<dd className="audit-text">{audit.reason ?? "—"}</dd>
									<dt>{t("audits.field.orderedBy")}</dt>
									<dd>{audit.orderedBy?.name ?? "—"}</dd>
								</>
							) : (
								<>
									<dt>{t("audits.field.fromPlan")}</dt>
									<dd>{fiscalYear(audit.fiscalYear)}</dd>
								</>
							)}
							<dt>{t("audits.field.scope")}</dt>
							<dd className="audit-text">{audit.scope}</dd>
							<dt>{t("audits.field.period")}</dt>
							<dd>
								{t("audits.period", { from: date(audit.periodStart), to: date(audit.periodEnd) })}
							</dd>
							<dt>{t("audits.field.criteria")}</dt>
							<dd className="audit-text">{audit.criteria}</dd>
							<dt>{t("audits.field.checklist")}</dt>
							<dd data-testid="audit-checklist">
								{audit.checklist
									? t("audits.checklist.version", {
											title: audit.checklist.title,
											version: audit.checklist.version,
										})
									: t("audits.checklist.none")}
							</dd>
						</dl>
						{picking ? (
							<ChecklistPicker
								audit={audit}
								onClose={(saved) => {
									setPicking(false);
									if (saved) {
										setAudit(saved);
										setDone(t("audits.checklist.saved"));
									}
								}}
							/>
						) : mayFieldwork("assurance_audit.choose_checklist") ? (
							<button type="button" className="button" onClick={() => setPicking(true)}>
								{t("audits.checklist.choose")}
							</button>
						) : null}
					</section>
					<section className="card" aria-labelledby="audit-team-heading">
						<h2 id="audit-team-heading">{t("audits.section.team")}</h2>
						<dl className="details" data-testid="audit-team">
							<dt>{t("audits.field.lead")}</dt>
							<dd>{audit.lead?.name ?? "—"}</dd>
							<dt>{t("audits.field.auditors")}</dt>
							<dd>
								{audit.auditors.length === 0
									? t("audits.noAuditors")
									: audit.auditors.map((a) => a.name).join("、")}
							</dd>
						</dl>
					</section>
					<section className="card" aria-labelledby="audit-units-heading">
						<h2 id="audit-units-heading">{t("audits.section.units")}</h2>
						<ul data-testid="audit-units">
							{audit.units.map((unit) => (
								<li key={unit.id}>{unit.name}</li>
							))}
						</ul>
					</section>
					{mayFieldwork("assurance_audit.read_fieldwork") ? (
						<FieldworkSection key={`${audit.checklistVersionId}|${audit.state}`} audit={audit} />
					) : null}
					<section className="card" aria-labelledby="audit-history-heading">
						<h2 id="audit-history-heading">{t("audits.section.history")}</h2>
						<dl className="details">
							<dt>{t("audits.createdAt")}</dt>
							<dd>{dateTime(audit.createdAt)}</dd>
							{audit.fieldworkAt ? (
								<>
									<dt>{t("audits.fieldworkAt")}</dt>
									<dd>{dateTime(audit.fieldworkAt)}</dd>
								</>
							) : null}
							{audit.reportingAt ? (
								<>
									<dt>{t("audits.reportingAt")}</dt>
									<dd>{dateTime(audit.reportingAt)}</dd>
								</>
							) : null}
							{audit.closedAt ? (
								<>
									<dt>{t("audits.closedAt")}</dt>
									<dd>{dateTime(audit.closedAt)}</dd>
								</>
							) : null}
						</dl>
					</section>
					{editing && options ? (
						<AuditDialog
							options={options}
							audit={audit}
							onClose={(saved) => {
								setEditing(false);
								if (saved) setAudit(saved);
							}}
						/>
					) : null}
					{step ? (
						<ConfirmDialog
							title={t(stepKey(step))}
							message={t(`audits.stepConfirm.${step}` as MessageKey)}
							confirmLabel={t(stepKey(step))}
							busy={busy}
							error={stepError}
							onConfirm={() => void advance(step)}
							onClose={() => setStep(null)}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
