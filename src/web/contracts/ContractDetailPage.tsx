import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import {
	CheckDialog,
	DecideSubcontractDialog,
	EndContractDialog,
	SubcontractDialog,
} from "./ContractActionDialogs.tsx";
import { ContractDialog } from "./ContractDialog.tsx";
import { type Contract, type ContractOptions, clauseLabel, roleKey, stateKey } from "./types.ts";
import "./contracts.css";

type DialogKind =
	| { kind: "edit" }
	| { kind: "subcontract" }
	| { kind: "decide"; subId: string; decision: "approve" | "refuse" }
	| { kind: "check" }
	| { kind: "end" };

/** One contract: what it covers, its clauses against the checklist, 再委託, checks and end. */
export function ContractDetailPage({ id }: { id: string }) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const [contract, setContract] = useState<Contract | null>(null);
	const [options, setOptions] = useState<ContractOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<DialogKind | null>(null);
	const may = (action: string) => contract?.allowedActions.includes(action) ?? false;

	useEffect(() => {
		call(api.GET("/api/contracts/{id}", { params: { path: { id } } })).then(setContract, setError);
		call(api.GET("/api/contracts/options")).then(setOptions, setError);
	}, [id]);

	const close = (saved?: Contract) => {
		setDialog(null);
		if (saved) setContract(saved);
	};

	return (
		<section className="page">
			<p>
				<Link to="/contracts">{t("contracts.detail.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{contract ? (
				<>
					<div className="page-header">
						<h1>
							{contract.code} {contract.title}
						</h1>
						<div className="button-row">
							{may("update") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog({ kind: "edit" })}
								>
									{t("contracts.action.edit")}
								</button>
							) : null}
							{may("request_subcontract") ? (
								<button
									type="button"
									className="button"
									onClick={() => setDialog({ kind: "subcontract" })}
								>
									{t("contracts.action.subcontract")}
								</button>
							) : null}
							{may("record_check") ? (
								<button
									type="button"
									className="button"
									onClick={() => setDialog({ kind: "check" })}
								>
									{t("contracts.action.check")}
								</button>
							) : null}
							{may("end") ? (
								<button type="button" className="button" onClick={() => setDialog({ kind: "end" })}>
									{t("contracts.action.end")}
								</button>
							) : null}
						</div>
					</div>
					<p className="tag-list">
						<span className="badge" data-testid="contract-state">
							{t(stateKey(contract.state))}
						</span>
						{contract.gaps.length > 0 ? (
							<span className="badge badge-warn" data-testid="contract-gap-flag">
								{t("contracts.gaps.badge", { count: contract.gaps.length })}
							</span>
						) : (
							<span className="badge badge-ok" data-testid="contract-gap-flag">
								{t("contracts.gaps.ok")}
							</span>
						)}
					</p>
					<dl className="details">
						<dt>{t("contracts.col.contractor")}</dt>
						<dd>{contract.contractor.name}</dd>
						<dt>{t("contracts.col.unit")}</dt>
						<dd>{contract.unit.name}</dd>
						<dt>{t("contracts.form.purpose")}</dt>
						<dd className="contract-text">{contract.purpose}</dd>
						<dt>{t("contracts.col.period")}</dt>
						<dd>
							{t("contracts.period", {
								start: date(contract.startsOn),
								end: contract.endsOn ? date(contract.endsOn) : "",
							})}
						</dd>
						<dt>{t("contracts.col.level")}</dt>
						<dd>{contract.topLevel ?? t("contracts.level.none")}</dd>
						<dt>{t("contracts.form.assets")}</dt>
						<dd>
							{contract.assets.length === 0 ? (
								t("contracts.none.value")
							) : (
								<ul className="contract-assets">
									{contract.assets.map((asset) => (
										<li key={asset.id}>
											<Link to={`/assets/${encodeURIComponent(asset.id)}`}>{asset.code}</Link>{" "}
											{asset.name}（{asset.classKey}）
										</li>
									))}
								</ul>
							)}
						</dd>
					</dl>
					<h2>{t("contracts.detail.clauses")}</h2>
					<ul className="contract-clauses" data-testid="contract-clauses">
						{(options?.clauses ?? []).map((clause) => {
							const has = contract.clauses.includes(clause.code);
							const required = contract.required.includes(clause.code);
							return (
								<li key={clause.code} data-clause={clause.code}>
									{has ? (
										<span className="badge badge-ok">{t("contracts.clause.present")}</span>
									) : required ? (
										<span className="badge badge-warn">{t("contracts.clause.missing")}</span>
									) : (
										<span className="badge">{t("contracts.clause.absent")}</span>
									)}{" "}
									{clauseLabel(options, clause.code, lang)}
									{required ? ` — ${t("contracts.clause.required")}` : ""}
								</li>
							);
						})}
					</ul>
					<h2>{t("contracts.detail.subcontracts")}</h2>
					{contract.subcontracts.length === 0 ? (
						<p className="empty">{t("contracts.none.value")}</p>
					) : (
						<ul>
							{contract.subcontracts.map((sub) => (
								<li key={sub.id}>
									<strong>{sub.subcontractor}</strong> — {sub.work}{" "}
									<span className="badge">{t(`contracts.sub.state.${sub.state}`)}</span>
									{sub.decision ? (
										<>
											{" "}
											{t("contracts.sub.decidedBy", {
												by: sub.decision.by,
												role: t(roleKey(sub.decision.as)),
											})}
											{sub.decision.reason ? `: ${sub.decision.reason}` : ""}
										</>
									) : null}
									{sub.state === "requested" && may("decide_subcontract") ? (
										<>
											{" "}
											<button
												type="button"
												className="button button-small"
												onClick={() =>
													setDialog({ kind: "decide", subId: sub.id, decision: "approve" })
												}
											>
												{t("contracts.sub.approve")}
											</button>{" "}
											<button
												type="button"
												className="button button-small"
												onClick={() =>
													setDialog({ kind: "decide", subId: sub.id, decision: "refuse" })
												}
											>
												{t("contracts.sub.refuse")}
											</button>
										</>
									) : null}
								</li>
							))}
						</ul>
					)}
					<h2>{t("contracts.detail.checks")}</h2>
					{contract.checks.length === 0 ? (
						<p className="empty">{t("contracts.none.value")}</p>
					) : (
						<ul>
							{contract.checks.map((check) => (
								<li key={check.id}>
									{date(check.checkedOn)}{" "}
									<span
										className={check.result === "failed" ? "badge badge-warn" : "badge badge-ok"}
									>
										{t(`contracts.check.result.${check.result}`)}
									</span>{" "}
									{check.note}
									{check.findingId ? (
										<>
											{" "}
											<Link to={`/findings/${encodeURIComponent(check.findingId)}`}>
												{t("contracts.check.finding")}
											</Link>
										</>
									) : null}
									{check.evidence ? (
										<>
											{" "}
											<DownloadButton
												href={`/api/contracts/${encodeURIComponent(contract.id)}/checks/${encodeURIComponent(check.id)}/evidence`}
												fileName={check.evidence.fileName}
												onError={setError}
											>
												{t("contracts.check.download", { name: check.evidence.fileName })}
											</DownloadButton>
										</>
									) : null}
								</li>
							))}
						</ul>
					)}
					{contract.end ? (
						<>
							<h2>{t("contracts.detail.end")}</h2>
							<p>
								{t(`contracts.end.${contract.end.kind}`)} {date(contract.end.endedOn)}{" "}
								{contract.end.by}
							</p>
							{contract.end.certificate ? (
								<p>
									<DownloadButton
										href={`/api/contracts/${encodeURIComponent(contract.id)}/end/certificate`}
										fileName={contract.end.certificate.fileName}
										onError={setError}
									>
										{t("contracts.end.download", { name: contract.end.certificate.fileName })}
									</DownloadButton>{" "}
									<code className="muted">SHA-256 {contract.end.certificate.sha256}</code>
								</p>
							) : null}
						</>
					) : null}
				</>
			) : null}
			{contract && options && dialog?.kind === "edit" ? (
				<ContractDialog options={options} contract={contract} onClose={close} />
			) : null}
			{contract && dialog?.kind === "subcontract" ? (
				<SubcontractDialog contract={contract} onClose={close} />
			) : null}
			{contract && dialog?.kind === "decide" ? (
				<DecideSubcontractDialog
					contract={contract}
					subId={dialog.subId}
					decision={dialog.decision}
					onClose={close}
				/>
			) : null}
			{contract && options && dialog?.kind === "check" ? (
				<CheckDialog contract={contract} options={options} onClose={close} />
			) : null}
			{contract && options && dialog?.kind === "end" ? (
				<EndContractDialog contract={contract} options={options} onClose={close} />
			) : null}
		</section>
	);
}
