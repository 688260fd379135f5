import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert, StatusMessage } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { OverdueBadge, SeverityBadge, StateBadge } from "./badges.tsx";
import { EvidenceTable } from "./EvidenceTable.tsx";
import { FindingEvidenceDialog } from "./FindingEvidenceDialog.tsx";
import { FindingTimeline } from "./FindingTimeline.tsx";
import { LinkRiskDialog } from "./LinkRiskDialog.tsx";
import { PlanDialog } from "./PlanDialog.tsx";
import { type TextStep, TextStepDialog } from "./TextStepDialog.tsx";
import { type Finding, sourceKey } from "./types.ts";
import { useFindingOptions } from "./useFindingOptions.ts";
import "./findings.css";

type DialogKind = "plan" | "evidence" | "link-risk" | TextStep;

/**
 * One finding: what was found and where it came from, its corrective action, the evidence of
 * completion, the auditor's verification, its risk link, its history; the next steps the
 * caller may take, each in a dialog.
 */
export function FindingDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [finding, setFinding] = useState<Finding | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [dialog, setDialog] = useState<DialogKind | null>(null);
	const { options, error: optionsError } = useFindingOptions();
	const may = (action: string) => finding?.allowedActions.includes(action) ?? false;

	const load = useCallback(
		() =>
			call(api.GET("/api/findings/{id}", { params: { path: { id } } })).then(setFinding, setError),
		[id],
	);
	useEffect(() => {
		void load();
	}, [load]);

	const closed = (saved?: Finding) => {
		setDialog(null);
		if (saved) {
			setFinding(saved);
			setStatus(t("findings.saved"));
		}
	};
	const button = (kind: DialogKind, label: string, primary = false) => (
		<button
			type="button"
			className={primary ? "button button-primary" : "button"}
			onClick={() => {
				setStatus(null);
				setDialog(kind);
			}}
		>
			{label}
		</button>
	);

	return (
		<section className="page">
			<p>
				<Link to="/findings">{t("findings.back")}</Link>
			</p>
			<ErrorAlert error={error ?? optionsError} />
			<StatusMessage>{status}</StatusMessage>
			{finding ? (
				<>
					<div className="page-header">
						<h1>
							{finding.reference} {finding.title}
						</h1>
						<div className="button-row">
							{may("finding.plan") && options
								? button(
										"plan",
										t(finding.plan ? "findings.plan.change" : "findings.plan.make"),
										finding.state === "open",
									)
								: null}
							{may("finding.complete") ? button("done", t("findings.done.make"), true) : null}
							{may("finding.verify") ? button("verify", t("findings.verify.make"), true) : null}
							{may("finding.reopen") ? button("reopen", t("findings.reopen.make")) : null}
						</div>
					</div>
					<p className="tag-list">
						<StateBadge state={finding.state} testId="finding-state" />
						<SeverityBadge severity={finding.severity} />
						{finding.overdue ? <OverdueBadge /> : null}
					</p>
					<dl className="details" data-testid="finding-details">
						<dt>{t("findings.field.source")}</dt>
						<dd>
							{t(sourceKey(finding.source))}
							{finding.sourceLabel ? `（${finding.sourceLabel}）` : ""}
						</dd>
						<dt>{t("findings.field.clause")}</dt>
						<dd>{finding.clause}</dd>
						<dt>{t("findings.field.ownerUnit")}</dt>
						<dd>{finding.ownerUnit.name}</dd>
						<dt>{t("findings.field.description")}</dt>
						<dd className="finding-text">{finding.description || "—"}</dd>
						<dt>{t("findings.field.dueOn")}</dt>
						<dd>{finding.dueOn ? date(finding.dueOn) : "—"}</dd>
						<dt>{t("findings.field.raisedBy")}</dt>
						<dd>
							{finding.raisedBy}（{dateTime(finding.createdAt)}）
						</dd>
					</dl>
					<div className="finding-sections">
						<section className="card" aria-labelledby="finding-plan">
							<h2 id="finding-plan">{t("findings.section.plan")}</h2>
							{finding.plan ? (
								<dl className="details" data-testid="finding-plan">
									<dt>{t("findings.plan.text")}</dt>
									<dd className="finding-text">{finding.plan.text}</dd>
									<dt>{t("findings.plan.owner")}</dt>
									<dd>{finding.plan.owner.name}</dd>
									<dt>{t("findings.plan.dueOn")}</dt>
									<dd>{finding.dueOn ? date(finding.dueOn) : "—"}</dd>
								</dl>
							) : (
								<p className="muted">{t("findings.plan.none")}</p>
							)}
							{finding.plan ? (
								<p className="muted">
									{t("findings.plan.by", {
										name: finding.plan.plannedBy,
										at: dateTime(finding.plan.plannedAt),
									})}
								</p>
							) : null}
							{finding.done ? (
								<>
									<p className="finding-text" data-testid="finding-done">
										{finding.done.note}
									</p>
									<p className="muted">
										{t("findings.done.by", {
											name: finding.done.by,
											at: dateTime(finding.done.at),
										})}
									</p>
								</>
							) : null}
						</section>
						<section className="card" aria-labelledby="finding-evidence">
							<h2 id="finding-evidence">{t("findings.section.evidence")}</h2>
							<EvidenceTable finding={finding} onError={setError} />
							{may("finding.add_evidence") ? (
								<div className="button-row">{button("evidence", t("findings.evidence.add"))}</div>
							) : null}
						</section>
						<section className="card" aria-labelledby="finding-verification">
							<h2 id="finding-verification">{t("findings.section.verification")}</h2>
							{finding.verification ? (
								<>
									<p className="finding-text" data-testid="finding-verification">
										{finding.verification.comment}
									</p>
									<p className="muted">
										{t("findings.verify.by", {
											name: finding.verification.by,
											at: dateTime(finding.verification.at),
										})}
									</p>
								</>
							) : (
								<p className="muted">{t("findings.verify.none")}</p>
							)}
						</section>
						<section className="card" aria-labelledby="finding-risk">
							<h2 id="finding-risk">{t("findings.section.risk")}</h2>
							{finding.risk ? (
								<p>
									{t("findings.risk.linked")}:{" "}
									<Link to={`/risks/${encodeURIComponent(finding.risk.id)}`}>
										{t("findings.risk.open")}
									</Link>
								</p>
							) : (
								<p className="muted">{t("findings.risk.none")}</p>
							)}
							{finding.risk?.acceptance ? (
								<p className="finding-text" data-testid="finding-acceptance">
									{t("findings.risk.accepted", {
										name: finding.risk.acceptance.by,
										at: dateTime(finding.risk.acceptance.at),
										reason: finding.risk.acceptance.reason,
									})}
								</p>
							) : null}
							<div className="button-row">
								{may("finding.link_risk") ? button("link-risk", t("findings.risk.link")) : null}
								{may("finding.accept_risk") && finding.risk
									? button("accept-risk", t("findings.risk.accept"))
									: null}
							</div>
						</section>
						<FindingTimeline finding={finding} />
					</div>
					{dialog === "plan" && options ? (
						<PlanDialog finding={finding} options={options} onClose={closed} />
					) : null}
					{dialog === "evidence" ? (
						<FindingEvidenceDialog
							finding={finding}
							onClose={(saved) => {
								setDialog(null);
								if (!saved) return;
								void load().then(() =>
									setStatus(
										t("findings.evidence.added", { name: saved.fileName, sha256: saved.sha256 }),
									),
								);
							}}
						/>
					) : null}
					{dialog === "link-risk" ? <LinkRiskDialog finding={finding} onClose={closed} /> : null}
					{dialog === "done" ||
					dialog === "verify" ||
					dialog === "reopen" ||
					dialog === "accept-risk" ? (
						<TextStepDialog step={dialog} finding={finding} onClose={closed} />
					) : null}
				</>
			) : null}
		</section>
	);
}
