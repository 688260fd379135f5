import { useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { DecideExceptionDialog } from "./DecideExceptionDialog.tsx";
import { RenewExceptionDialog } from "./RenewExceptionDialog.tsx";
import { type Exception, exceptionPath, roleKey, stateKey } from "./types.ts";
import "./exceptions.css";

type DialogKind = "approve" | "refuse" | "renew";

/** One exception: what, why, the measures, what it covers, the period and the decision. */
export function ExceptionDetailPage({ id }: { id: string }) {
	const { t, lang } = useI18n();
	const { date, dateTime, style } = useDates();
	const [exception, setException] = useState<Exception | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<DialogKind | null>(null);
	const may = (action: string) => exception?.allowedActions.includes(action) ?? false;

	useEffect(() => {
		call(api.GET("/api/exceptions/{id}", { params: { path: { id } } })).then(
			setException,
			setError,
		);
	}, [id]);

	async function withdraw() {
		if (!exception) return;
		try {
			setException(
				await call(
					api.POST("/api/exceptions/{id}/withdraw", {
						params: { path: { id: exception.id } },
						body: { version: exception.version },
					}),
				),
			);
		} catch (failure) {
			setError(failure);
		}
	}

	const list = (values: readonly string[]) =>
		values.length === 0 ? t("exceptions.none.value") : values.join("、");

	return (
		<section className="page">
			<p>
				<Link to="/exceptions">{t("exceptions.detail.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{exception ? (
				<>
					<div className="page-header">
						<h1>{exception.reference}</h1>
						<div className="button-row">
							{may("approve") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog("approve")}
								>
									{t("exceptions.action.approve")}
								</button>
							) : null}
							{may("refuse") ? (
								<button type="button" className="button" onClick={() => setDialog("refuse")}>
									{t("exceptions.action.refuse")}
								</button>
							) : null}
							{may("renew") ? (
								<button type="button" className="button" onClick={() => setDialog("renew")}>
									{t("exceptions.action.renew")}
								</button>
							) : null}
							{may("withdraw") ? (
								<button
									type="button"
									className="button button-danger"
									onClick={() => void withdraw()}
								>
									{t("exceptions.action.withdraw")}
								</button>
							) : null}
						</div>
					</div>
					<p className="tag-list">
						<span className="badge" data-testid="exception-state">
							{t(stateKey(exception.state))}
						</span>
						{exception.inForce ? (
							<span className="badge badge-ok">{t("exceptions.inForce")}</span>
						) : null}
						<span className="tag">{formatFiscalYear(exception.fiscalYear, style, lang)}</span>
					</p>
					<dl className="details" data-testid="exception-details">
						<dt>{t("exceptions.col.unit")}</dt>
						<dd>{exception.unit.name}</dd>
						<dt>{t("exceptions.col.clause")}</dt>
						<dd>{exception.clause}</dd>
						{exception.networkRule ? (
							<>
								<dt>{t("exceptions.detail.networkRule")}</dt>
								<dd>{exception.networkRule}</dd>
							</>
						) : null}
						<dt>{t("exceptions.detail.deviation")}</dt>
						<dd className="exception-text">{exception.deviation}</dd>
						<dt>{t("exceptions.detail.reason")}</dt>
						<dd className="exception-text">{exception.reason}</dd>
						<dt>{t("exceptions.detail.measures")}</dt>
						<dd className="exception-text">{exception.compensatingMeasures}</dd>
						<dt>{t("exceptions.col.period")}</dt>
						<dd>
							{t("exceptions.period", {
								start: date(exception.startsOn),
								end: date(exception.endsOn),
							})}
						</dd>
						<dt>{t("exceptions.detail.flows")}</dt>
						<dd>{list(exception.networkFlows)}</dd>
						<dt>{t("exceptions.detail.nodes")}</dt>
						<dd>{list(exception.networkNodes)}</dd>
						<dt>{t("exceptions.detail.assets")}</dt>
						<dd>{list(exception.assets.map((asset) => asset.name || asset.id))}</dd>
						<dt>{t("exceptions.detail.requestedBy")}</dt>
						<dd>
							{exception.requestedBy}（{dateTime(exception.createdAt)}）
						</dd>
						{exception.renewalOf ? (
							<>
								<dt>{t("exceptions.detail.renewalOf")}</dt>
								<dd>
									<Link to={exceptionPath(exception.renewalOf.id)}>
										{exception.renewalOf.reference}
									</Link>
								</dd>
							</>
						) : null}
						<dt>{t("exceptions.detail.decision")}</dt>
						<dd data-testid="exception-decision">
							{exception.decision
								? t("exceptions.detail.decidedBy", {
										name: exception.decision.by,
										role: t(roleKey(exception.decision.as)),
										at: dateTime(exception.decision.at),
									})
								: t("exceptions.detail.undecided")}
						</dd>
						{exception.decision?.reason ? (
							<>
								<dt>{t("exceptions.detail.decisionReason")}</dt>
								<dd className="exception-text">{exception.decision.reason}</dd>
							</>
						) : null}
						{exception.lapsedAt ? (
							<>
								<dt>{t("exceptions.detail.lapsedAt")}</dt>
								<dd>{dateTime(exception.lapsedAt)}</dd>
							</>
						) : null}
					</dl>
					{dialog === "approve" || dialog === "refuse" ? (
						<DecideExceptionDialog
							exception={exception}
							decision={dialog}
							onClose={(saved) => {
								setDialog(null);
								if (saved) setException(saved);
							}}
						/>
					) : null}
					{dialog === "renew" ? (
						<RenewExceptionDialog
							exception={exception}
							onClose={(saved) => {
								setDialog(null);
								if (saved) navigate(exceptionPath(saved.id));
							}}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
