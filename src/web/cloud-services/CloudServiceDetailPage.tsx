import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { DecideServiceDialog } from "./DecideServiceDialog.tsx";
import { ReviewServiceDialog } from "./ReviewServiceDialog.tsx";
import { ServiceFormDialog } from "./ServiceFormDialog.tsx";
import {
	type CloudService,
	type CloudServiceOptions,
	flagKey,
	ismapKey,
	kindKey,
	locationKey,
	roleKey,
	stateKey,
	strictKey,
} from "./types.ts";

type DialogKind = "edit" | "approve" | "refuse" | "review";
type Step = "request" | "start_use" | "retire";
const STEP_PATHS = {
	request: "/api/cloud-services/{id}/request",
	start_use: "/api/cloud-services/{id}/start-use",
	retire: "/api/cloud-services/{id}/retire",
} as const;

/** One service: what it is, its data and class, SLA, approval, review and flags. */
export function CloudServiceDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [service, setService] = useState<CloudService | null>(null);
	const [options, setOptions] = useState<CloudServiceOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<DialogKind | null>(null);
	const may = (action: string) => service?.allowedActions.includes(action) ?? false;

	useEffect(() => {
		call(api.GET("/api/cloud-services/{id}", { params: { path: { id } } })).then(
			setService,
			setError,
		);
		call(api.GET("/api/cloud-services/options")).then(setOptions, setError);
	}, [id]);

	async function step(which: Step) {
		if (!service) return;
		try {
			setService(
				await call(
					api.POST(STEP_PATHS[which], {
						params: { path: { id: service.id } },
						body: { version: service.version },
					}),
				),
			);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}

	const none = t("cloudServices.detail.none");
	const value = (text: string) => (text === "" ? none : text);
	const close = (saved?: CloudService) => {
		setDialog(null);
		if (saved) setService(saved);
	};

	return (
		<section className="page">
			<p>
				<Link to="/cloud-services">{t("cloudServices.detail.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{service ? (
				<>
					<div className="page-header">
						<h1>
							{service.code} {service.name}
						</h1>
						<div className="button-row">
							{may("approve") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog("approve")}
								>
									{t("cloudServices.action.approve")}
								</button>
							) : null}
							{may("refuse") ? (
								<button type="button" className="button" onClick={() => setDialog("refuse")}>
									{t("cloudServices.action.refuse")}
								</button>
							) : null}
							{may("request") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => void step("request")}
								>
									{t("cloudServices.action.request")}
								</button>
							) : null}
							{may("start_use") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => void step("start_use")}
								>
									{t("cloudServices.action.start_use")}
								</button>
							) : null}
							{may("edit") && options ? (
								<button type="button" className="button" onClick={() => setDialog("edit")}>
									{t("cloudServices.action.edit")}
								</button>
							) : null}
							{may("review") ? (
								<button type="button" className="button" onClick={() => setDialog("review")}>
									{t("cloudServices.action.review")}
								</button>
							) : null}
							{may("retire") ? (
								<button
									type="button"
									className="button button-danger"
									onClick={() => void step("retire")}
								>
									{t("cloudServices.action.retire")}
								</button>
							) : null}
						</div>
					</div>
					<p className="tag-list">
						<span className="badge" data-testid="cloud-service-state">
							{t(stateKey(service.state))}
						</span>
						{service.flags.map((flag) => (
							<span key={flag} className="badge badge-danger" data-flag={flag}>
								{t(flagKey(flag))}
							</span>
						))}
					</p>
					{service.flags.length > 0 ? (
						<div className="alert alert-warning" role="status" data-testid="cloud-service-flags">
							<ul>
								{service.flags.includes("over_approval") ? (
									<li>
										{t("cloudServices.detail.overApproval", {
											level: service.dataLevel,
											max: service.approvedMaxLevel ?? "",
										})}
									</li>
								) : null}
								{service.flags.includes("strict_unmet") ? (
									<li>
										{t("cloudServices.detail.strictUnmet", {
											requirements: service.strictUnmet
												.map((need) => t(strictKey(need)))
												.join("、"),
										})}
									</li>
								) : null}
								{service.flags.includes("review_overdue") ? (
									<li>
										{t("cloudServices.detail.reviewOverdue", { date: date(service.nextReviewOn) })}
									</li>
								) : null}
								{service.flags.includes("free_mail_prohibited") ? (
									<li>{t("cloudServices.detail.freeMailProhibited")}</li>
								) : null}
							</ul>
						</div>
					) : null}
					<h2>{t("cloudServices.detail.service")}</h2>
					<dl className="details" data-testid="cloud-service-details">
						<dt>{t("cloudServices.detail.provider")}</dt>
						<dd>{service.provider}</dd>
						<dt>{t("cloudServices.detail.kind")}</dt>
						<dd>{t(kindKey(service.kind))}</dd>
						<dt>{t("cloudServices.detail.unit")}</dt>
						<dd>{service.unit.name}</dd>
						<dt>{t("cloudServices.detail.purpose")}</dt>
						<dd>{value(service.purpose)}</dd>
					</dl>
					<h2>{t("cloudServices.detail.data")}</h2>
					<dl className="details">
						<dt>{t("cloudServices.detail.dataDescription")}</dt>
						<dd>{value(service.dataDescription)}</dd>
						<dt>{t("cloudServices.detail.dataLevel")}</dt>
						<dd data-testid="cloud-service-level">{service.dataLevel}</dd>
						<dt>{t("cloudServices.detail.ismap")}</dt>
						<dd>{t(ismapKey(service.ismap))}</dd>
						<dt>{t("cloudServices.detail.dataLocation")}</dt>
						<dd>
							{t(locationKey(service.dataLocation))}
							{service.locationDetail ? `（${service.locationDetail}）` : ""}
						</dd>
					</dl>
					<h2>{t("cloudServices.detail.sla")}</h2>
					<dl className="details">
						<dt>{t("cloudServices.detail.uptime")}</dt>
						<dd>{value(service.slaUptime)}</dd>
						<dt>{t("cloudServices.detail.recovery")}</dt>
						<dd>{value(service.slaRecovery)}</dd>
						<dt>{t("cloudServices.detail.backups")}</dt>
						<dd>
							{t(
								service.backups
									? "cloudServices.detail.backupsYes"
									: "cloudServices.detail.backupsNo",
							)}
						</dd>
						<dt>{t("cloudServices.detail.notes")}</dt>
						<dd>{value(service.notes)}</dd>
					</dl>
					<h2>{t("cloudServices.detail.approval")}</h2>
					<dl className="details">
						<dt>{t("cloudServices.detail.maxLevel")}</dt>
						<dd data-testid="cloud-service-max">{service.approvedMaxLevel ?? none}</dd>
						<dt>{t("cloudServices.detail.approval")}</dt>
						<dd>
							{service.decision
								? t("cloudServices.detail.decidedBy", {
										name: service.decision.by,
										role: t(roleKey(service.decision.as)),
										at: dateTime(service.decision.at),
									})
								: t("cloudServices.detail.undecided")}
						</dd>
						{service.decision?.reason ? (
							<>
								<dt>{t("cloudServices.detail.decisionReason")}</dt>
								<dd>{service.decision.reason}</dd>
							</>
						) : null}
					</dl>
					<h2>{t("cloudServices.detail.review")}</h2>
					<dl className="details">
						<dt>{t("cloudServices.detail.nextReviewOn")}</dt>
						<dd>{date(service.nextReviewOn)}</dd>
						<dt>{t("cloudServices.detail.lastReviewedOn")}</dt>
						<dd>{service.lastReviewedOn ? date(service.lastReviewedOn) : none}</dd>
					</dl>
					{dialog === "edit" && options ? (
						<ServiceFormDialog options={options} service={service} onClose={close} />
					) : null}
					{(dialog === "approve" || dialog === "refuse") && options ? (
						<DecideServiceDialog
							service={service}
							options={options}
							decision={dialog}
							onClose={close}
						/>
					) : null}
					{dialog === "review" ? <ReviewServiceDialog service={service} onClose={close} /> : null}
				</>
			) : null}
		</section>
	);
}
