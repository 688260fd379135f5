import { useState } from "react";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import { FilingDialog } from "./FilingDialog.tsx";
import {
	type Deadline,
	type FilingStage,
	localized,
	type Obligation,
	reasonText,
} from "./labels.ts";

interface Filing {
	obligation: Obligation;
	stage: FilingStage;
	deadline: Deadline;
}

/** One due date: when, counted how, and whether it was filed or is overdue. */
function DeadlineLine({
	deadline,
	canFile,
	onRecord,
}: {
	deadline: Deadline;
	canFile: boolean;
	onRecord(): void;
}) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const label = localized(deadline.label, lang);
	return (
		<div className="incident-deadline" data-testid="incident-deadline">
			<dt>
				{label}
				{deadline.clause ? ` ${localized(deadline.clause, lang)}` : ""}
			</dt>
			<dd>
				{t("incidents.obligation.dueText", { due: date(deadline.due), days: deadline.days })}
				{deadline.aim ? <span className="muted"> {t("incidents.obligation.aim")}</span> : null}{" "}
				{deadline.filedOn ? (
					<span className="badge badge-ok">
						{t("incidents.obligation.filedOn", { date: date(deadline.filedOn) })}
					</span>
				) : (
					<>
						<span className={deadline.overdue ? "badge badge-danger" : "badge badge-warn"}>
							{t(deadline.overdue ? "incidents.overdue" : "incidents.obligation.notFiled")}
						</span>
						{canFile ? (
							<>
								{" "}
								<button type="button" className="button button-small" onClick={onRecord}>
									{t("incidents.obligation.record", { label })}
								</button>
							</>
						) : null}
					</>
				)}
			</dd>
		</div>
	);
}

/**
 * The legal reporting obligations the pack's rules give on the case's facts: each with its law
 * and clause, whether a report is required and why, its due dates (速報 / 確報) and their filings.
 */
export function ObligationsSection({ incident, onChanged }: CaseSectionProps) {
	const i18n = useI18n();
	const { t, lang } = i18n;
	const { date, dateTime } = useDates();
	const [filing, setFiling] = useState<Filing | null>(null);
	const canFile = incident.allowedActions.includes("incident.file");

	return (
		<section className="card" aria-labelledby="incident-obligations">
			<h2 id="incident-obligations">{t("incidents.section.obligations")}</h2>
			{incident.obligations.length === 0 ? (
				<p className="muted">{t("incidents.obligation.none")}</p>
			) : (
				<>
					<p className="muted">{t("incidents.obligation.basedOn")}</p>
					<ul className="incident-obligations">
						{incident.obligations.map((obligation) => (
							<li
								key={obligation.code}
								className={`incident-obligation${obligation.required ? " is-required" : ""}`}
								data-obligation={obligation.code}
							>
								<h3>
									{localized(obligation.authority, lang)}
									<span
										className={obligation.required ? "badge badge-danger" : "badge badge-muted"}
									>
										{t(
											obligation.required
												? "incidents.obligation.required"
												: "incidents.obligation.notRequired",
										)}
									</span>
								</h3>
								<dl className="details incident-details">
									<dt>{t("incidents.obligation.basis")}</dt>
									<dd>
										{localized(obligation.law, lang)} {localized(obligation.clause, lang)}
									</dd>
									<dt>{t("incidents.obligation.why")}</dt>
									<dd>
										<ul>
											{obligation.reasons.map((reason, index) => (
												// Reasons have no identity of their own; their order is the rules'.
												// biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
												<li key={index}>{reasonText(reason, i18n)}</li>
											))}
										</ul>
									</dd>
									{obligation.required && !obligation.preliminary && !obligation.final ? (
										<>
											<dt>{t("incidents.obligation.deadlines")}</dt>
											<dd>{t("incidents.obligation.noDeadline")}</dd>
										</>
									) : null}
								</dl>
								{obligation.preliminary || obligation.final ? (
									<dl className="details incident-details incident-deadlines">
										{(["preliminary", "final"] as const).map((stage) => {
											const deadline = obligation[stage];
											return deadline ? (
												<DeadlineLine
													key={stage}
													deadline={deadline}
													canFile={canFile}
													onRecord={() => setFiling({ obligation, stage, deadline })}
												/>
											) : null;
										})}
									</dl>
								) : null}
							</li>
						))}
					</ul>
				</>
			)}
			{incident.filings.length > 0 ? (
				<>
					<h3 className="incident-filings-title">{t("incidents.obligation.filings")}</h3>
					<ul data-testid="incident-filings">
						{incident.filings.map((filed) => {
							const obligation = incident.obligations.find((o) => o.code === filed.obligation);
							const stageLabel = obligation?.[filed.stage]?.label;
							return (
								<li key={filed.id}>
									{t("incidents.obligation.filingLine", {
										authority: obligation
											? localized(obligation.authority, lang)
											: filed.obligation,
										label: stageLabel
											? localized(stageLabel, lang)
											: t(`incidents.stage.${filed.stage}`),
										date: date(filed.filedOn),
										reference: filed.reference
											? t("incidents.obligation.filingReference", { reference: filed.reference })
											: "",
										name: filed.recordedBy,
										at: dateTime(filed.recordedAt),
									})}
								</li>
							);
						})}
					</ul>
				</>
			) : null}
			{filing ? (
				<FilingDialog
					incident={incident}
					obligation={filing.obligation}
					stage={filing.stage}
					deadline={filing.deadline}
					onClose={(saved) => {
						setFiling(null);
						if (saved) onChanged(saved);
					}}
				/>
			) : null}
		</section>
	);
}
