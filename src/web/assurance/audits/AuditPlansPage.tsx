import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { MultiYearPlanDialog } from "./MultiYearPlanDialog.tsx";
import { timingText } from "./timing.ts";
import { AUDITS_PATH, type AuditPlans, type MultiYearPlan, type YearlyPlan } from "./types.ts";
import { useFiscalYear } from "./useFiscalYear.ts";
import { YearlyPlanDialog } from "./YearlyPlanDialog.tsx";
import "./audits.css";

type Editing =
	| { kind: "multiYear"; plan?: MultiYearPlan }
	| { kind: "yearly"; plan?: YearlyPlan }
	| null;

/** 監査計画: the multi-year audit plans and the yearly plans with their units and timing. */
export function AuditPlansPage() {
	const { t } = useI18n();
	const fiscalYear = useFiscalYear();
	const [plans, setPlans] = useState<AuditPlans | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [editing, setEditing] = useState<Editing>(null);
	const manage = plans?.allowedActions.includes("audit_plan.manage") ?? false;

	const load = useCallback(async () => {
		try {
			setPlans(await call(api.GET("/api/assurance/audit-plans")));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	const close = (saved?: unknown) => {
		setEditing(null);
		if (saved) void load();
	};
	const title = (planId: string | null) =>
		plans?.multiYear.find((p) => p.id === planId)?.title ?? null;
	const createMultiYear = t("audits.plans.createMultiYear");
	const createYearly = t("audits.plans.createYearly");

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("audits.plans.title")}</h1>
			</div>
			<p className="lead">{t("audits.plans.lead")}</p>
			<ErrorAlert error={error} />
			{plans ? (
				<>
					<section className="audit-plans-section" aria-labelledby="audit-plans-multi-year">
						<div className="page-header">
							<h2 id="audit-plans-multi-year">{t("audits.plans.multiYear")}</h2>
							{manage && plans.multiYear.length > 0 ? (
								<button
									type="button"
									className="button"
									onClick={() => setEditing({ kind: "multiYear" })}
								>
									{createMultiYear}
								</button>
							) : null}
						</div>
						{plans.multiYear.length === 0 ? (
							<EmptyState
								testId="audit-plans-multi-year-empty"
								title={t("audits.plans.emptyMultiYear")}
								guidance={t("audits.plans.emptyMultiYearGuidance", { create: createMultiYear })}
								action="audit_plan.manage"
							>
								<button
									type="button"
									className="button button-primary"
									onClick={() => setEditing({ kind: "multiYear" })}
								>
									{createMultiYear}
								</button>
							</EmptyState>
						) : (
							<ul className="cards">
								{plans.multiYear.map((plan) => (
									<li key={plan.id} className="card" data-plan={plan.id}>
										<div className="page-header">
											<h3>{plan.title}</h3>
											{manage ? (
												<button
													type="button"
													className="button button-small"
													onClick={() => setEditing({ kind: "multiYear", plan })}
												>
													{t("audits.plans.edit")}
													<span className="visually-hidden">（{plan.title}）</span>
												</button>
											) : null}
										</div>
										<p className="tag-list">
											<span className="tag">
												{t("audits.years", {
													from: fiscalYear(plan.firstYear),
													to: fiscalYear(plan.lastYear),
												})}
											</span>
										</p>
										<p className="audit-text">{plan.aims}</p>
									</li>
								))}
							</ul>
						)}
					</section>
					<section className="audit-plans-section" aria-labelledby="audit-plans-yearly">
						<div className="page-header">
							<h2 id="audit-plans-yearly">{t("audits.plans.yearly")}</h2>
							{manage && plans.yearly.length > 0 ? (
								<button
									type="button"
									className="button"
									onClick={() => setEditing({ kind: "yearly" })}
								>
									{createYearly}
								</button>
							) : null}
						</div>
						{plans.yearly.length === 0 ? (
							<EmptyState
								testId="audit-plans-yearly-empty"
								title={t("audits.plans.emptyYearly")}
								guidance={t("audits.plans.emptyYearlyGuidance", { create: createYearly })}
								action="audit_plan.manage"
							>
								<button
									type="button"
									className="button button-primary"
									onClick={() => setEditing({ kind: "yearly" })}
								>
									{createYearly}
								</button>
							</EmptyState>
						) : (
							<ul className="cards">
								{plans.yearly.map((plan) => {
									const year = fiscalYear(plan.fiscalYear);
									const parent = title(plan.planId);
									return (
										<li key={plan.id} className="card" data-yearly-plan={plan.id}>
											<div className="page-header">
												<h3>{year}</h3>
												{manage ? (
													<button
														type="button"
														className="button button-small"
														onClick={() => setEditing({ kind: "yearly", plan })}
													>
														{t("audits.plans.edit")}
														<span className="visually-hidden">（{year}）</span>
													</button>
												) : null}
											</div>
											{parent ? (
												<p className="muted">{t("audits.plans.within", { title: parent })}</p>
											) : null}
											<p className="audit-text">{plan.aims}</p>
											{plan.units.length === 0 ? (
												<p className="muted">{t("audits.plans.noUnits")}</p>
											) : (
												<div className="table-wrap">
													<table className="table table-compact">
														<caption className="visually-hidden">
															{t("audits.plans.unitsCaption", { year })}
														</caption>
														<thead>
															<tr>
																<th scope="col">{t("audits.field.unit")}</th>
																<th scope="col">{t("audits.field.timing")}</th>
															</tr>
														</thead>
														<tbody>
															{plan.units.map((unit) => (
																<tr key={unit.unitId}>
																	<td>{unit.name}</td>
																	<td>{timingText(t, unit.quarter, unit.month)}</td>
																</tr>
															))}
														</tbody>
													</table>
												</div>
											)}
											<p>
												{t("audits.plans.auditCount", { count: plan.auditCount })}{" "}
												<Link to={`${AUDITS_PATH}?fiscalYear=${plan.fiscalYear}`}>
													{t("audits.plans.showAudits")}
													<span className="visually-hidden">（{year}）</span>
												</Link>
											</p>
										</li>
									);
								})}
							</ul>
						)}
					</section>
				</>
			) : null}
			{editing?.kind === "multiYear" && plans ? (
				<MultiYearPlanDialog
					currentFiscalYear={plans.currentFiscalYear}
					onClose={close}
					{...(editing.plan ? { plan: editing.plan } : {})}
				/>
			) : null}
			{editing?.kind === "yearly" && plans ? (
				<YearlyPlanDialog
					plans={plans}
					onClose={close}
					{...(editing.plan ? { plan: editing.plan } : {})}
				/>
			) : null}
		</section>
	);
}
