import { useEffect, useState } from "react";
import { japanDate } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link } from "../router.tsx";
import { AffairDialog } from "./AffairDialog.tsx";
import { type AffairStep, AffairStepDialog } from "./AffairStepDialog.tsx";
import {
	type Affair,
	endReasonKey,
	kindKey,
	type MyNumberOptions,
	piaKey,
	piaStatusKey,
} from "./types.ts";
import "./my-number.css";

/**
 * One My Number affair: its handlers with start, end and why an entry ended; the systems and
 * files holding the data (flagged outside the My Number tier); contractors with their 再委託;
 * provisions to other bodies; and the notices of ended entries for the responsible person.
 */
export function MyNumberAffairPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [affair, setAffair] = useState<Affair | null>(null);
	const [options, setOptions] = useState<MyNumberOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [step, setStep] = useState<AffairStep | null>(null);
	const [editing, setEditing] = useState(false);
	const mayKeep = affair?.allowedActions.includes("keep") ?? false;
	const mayManage = affair?.allowedActions.includes("manage") ?? false;

	useEffect(() => {
		call(api.GET("/api/my-number/affairs/{id}", { params: { path: { id } } })).then(
			setAffair,
			setError,
		);
	}, [id]);
	useEffect(() => {
		if (mayKeep) call(api.GET("/api/my-number/options")).then(setOptions, setError);
	}, [mayKeep]);

	async function act(request: Promise<Affair>) {
		try {
			setAffair(await request);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}
	const unlink = (kind: "asset" | "contract", targetId: string) =>
		act(
			call(
				api.DELETE("/api/my-number/affairs/{id}/links/{kind}/{targetId}", {
					params: { path: { id, kind, targetId } },
				}),
			),
		);
	const seen = (noticeId: string) =>
		act(
			call(
				api.POST("/api/my-number/affairs/{id}/notices/{noticeId}/seen", {
					params: { path: { id, noticeId } },
				}),
			),
		);
	const open = (next: AffairStep, label: MessageKey) =>
		mayKeep ? (
			<button type="button" className="button" onClick={() => setStep(next)}>
				{t(label)}
			</button>
		) : null;

	return (
		<section className="page">
			<p>
				<Link to="/my-number">{t("myNumber.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{affair ? (
				<>
					<div className="page-header">
						<h1>{affair.name}</h1>
						<div className="button-row">
							{mayManage && options ? (
								<button type="button" className="button" onClick={() => setEditing(true)}>
									{t("myNumber.edit")}
								</button>
							) : null}
						</div>
					</div>
					<dl className="details" data-testid="my-number-details">
						<dt>{t("myNumber.col.kind")}</dt>
						<dd>{t(kindKey(affair.kind))}</dd>
						<dt>{t("myNumber.detail.legalBasis")}</dt>
						<dd className="my-number-text">{affair.legalBasis}</dd>
						<dt>{t("myNumber.col.responsible")}</dt>
						<dd>{affair.responsible.name}</dd>
						<dt>{t("myNumber.detail.pia")}</dt>
						<dd>
							{t(piaKey(affair.piaLevel))}（{t(piaStatusKey(affair.piaStatus))}）
							{affair.piaOverdue ? (
								<>
									{" "}
									<span className="badge badge-warn">{t("myNumber.flag.piaOverdue")}</span>
								</>
							) : null}
						</dd>
						<dt>{t("myNumber.form.piaDoneOn")}</dt>
						<dd>{affair.piaDoneOn ? date(affair.piaDoneOn) : "—"}</dd>
						<dt>{t("myNumber.col.piaDue")}</dt>
						<dd>{affair.piaDueOn ? date(affair.piaDueOn) : "—"}</dd>
					</dl>

					<section aria-labelledby="my-number-notices">
						<h2 id="my-number-notices">{t("myNumber.notices")}</h2>
						{affair.notices.length === 0 ? (
							<p className="empty">{t("myNumber.notices.none")}</p>
						) : (
							<ul data-testid="my-number-notices">
								{affair.notices.map((notice) => (
									<li key={notice.id}>
										{t("myNumber.notice.text", {
											name: notice.handlerName,
											reason: notice.endReason ? t(endReasonKey(notice.endReason)) : "—",
											day: notice.endsOn ? date(notice.endsOn) : "—",
										})}{" "}
										{notice.seenAt ? (
											<span className="badge">
												{t("myNumber.notice.seenAt", { at: dateTime(notice.seenAt) })}
											</span>
										) : mayKeep ? (
											<button type="button" className="button" onClick={() => void seen(notice.id)}>
												{t("myNumber.notice.seen")}
											</button>
										) : null}
									</li>
								))}
							</ul>
						)}
					</section>

					<section aria-labelledby="my-number-handlers">
						<div className="page-header">
							<h2 id="my-number-handlers">{t("myNumber.handlers")}</h2>
							{open({ kind: "handler" }, "myNumber.handler.add")}
						</div>
						{affair.handlers.length === 0 ? (
							<p className="empty">{t("myNumber.handlers.none")}</p>
						) : (
							<div className="table-wrap">
								<table className="table" aria-label={t("myNumber.handlers")}>
									<thead>
										<tr>
											<th scope="col">{t("myNumber.handler.name")}</th>
											<th scope="col">{t("myNumber.handler.unit")}</th>
											<th scope="col">{t("myNumber.handler.startsOn")}</th>
											<th scope="col">{t("myNumber.handler.endsOn")}</th>
											<th scope="col">{t("myNumber.handler.state")}</th>
											{mayKeep ? (
												<th scope="col">
													<span className="visually-hidden">{t("myNumber.col.actions")}</span>
												</th>
											) : null}
										</tr>
									</thead>
									<tbody>
										{affair.handlers.map((handler) => (
											<tr key={handler.id} data-my-number-handler={handler.staffId}>
												<td>{handler.name}</td>
												<td>{handler.unitName}</td>
												<td className="nowrap">{date(handler.startsOn)}</td>
												<td className="nowrap">{handler.endsOn ? date(handler.endsOn) : "—"}</td>
												<td>
													<span className={handler.current ? "badge" : "badge badge-muted"}>
														{t(
															handler.current
																? "myNumber.handler.current"
																: "myNumber.handler.notCurrent",
														)}
													</span>
													{handler.endReason ? (
														<>
															{" "}
															{t("myNumber.handler.endedBy", {
																reason: t(endReasonKey(handler.endReason)),
															})}
														</>
													) : null}
												</td>
												{mayKeep ? (
													<td>
														{handler.endReason === null ? (
															<button
																type="button"
																className="button"
																onClick={() => setStep({ kind: "end", handler })}
															>
																{t("myNumber.handler.removeNamed", { name: handler.name })}
															</button>
														) : null}
													</td>
												) : null}
											</tr>
										))}
									</tbody>
								</table>
							</div>
						)}
					</section>

					<section aria-labelledby="my-number-assets">
						<div className="page-header">
							<h2 id="my-number-assets">{t("myNumber.assets")}</h2>
							{open({ kind: "link", target: "asset" }, "myNumber.link.addAsset")}
						</div>
						{affair.assets.length === 0 ? (
							<p className="empty">{t("myNumber.assets.none")}</p>
						) : (
							<div className="table-wrap">
								<table className="table" aria-label={t("myNumber.assets")}>
									<thead>
										<tr>
											<th scope="col">{t("myNumber.asset.code")}</th>
											<th scope="col">{t("myNumber.asset.name")}</th>
											<th scope="col">{t("myNumber.asset.ledgerZone")}</th>
											<th scope="col">{t("myNumber.asset.modelZone")}</th>
											<th scope="col">{t("myNumber.asset.tier")}</th>
											{mayKeep ? (
												<th scope="col">
													<span className="visually-hidden">{t("myNumber.col.actions")}</span>
												</th>
											) : null}
										</tr>
									</thead>
									<tbody>
										{affair.assets.map((asset) => (
											<tr key={asset.assetId} data-my-number-asset={asset.code}>
												<td>{asset.code}</td>
												<td>{asset.name}</td>
												<td>{asset.ledgerZone ?? "—"}</td>
												<td>{asset.modelZone ?? "—"}</td>
												<td>
													{asset.outsideTier ? (
														<span className="badge badge-warn">{t("myNumber.asset.outside")}</span>
													) : (
														<span className="badge">{t("myNumber.asset.inside")}</span>
													)}
												</td>
												{mayKeep ? (
													<td>
														<button
															type="button"
															className="button"
															onClick={() => void unlink("asset", asset.assetId)}
														>
															{t("myNumber.link.removeNamed", { name: asset.name })}
														</button>
													</td>
												) : null}
											</tr>
										))}
									</tbody>
								</table>
							</div>
						)}
					</section>

					<section aria-labelledby="my-number-contracts">
						<div className="page-header">
							<h2 id="my-number-contracts">{t("myNumber.contracts")}</h2>
							{open({ kind: "link", target: "contract" }, "myNumber.link.addContract")}
						</div>
						{affair.contracts.length === 0 ? (
							<p className="empty">{t("myNumber.contracts.none")}</p>
						) : (
							<div className="table-wrap">
								<table className="table" aria-label={t("myNumber.contracts")}>
									<thead>
										<tr>
											<th scope="col">{t("myNumber.contract.code")}</th>
											<th scope="col">{t("myNumber.contract.title")}</th>
											<th scope="col">{t("myNumber.contract.contractor")}</th>
											<th scope="col">{t("myNumber.contract.subcontracts")}</th>
											{mayKeep ? (
												<th scope="col">
													<span className="visually-hidden">{t("myNumber.col.actions")}</span>
												</th>
											) : null}
										</tr>
									</thead>
									<tbody>
										{affair.contracts.map((contract) => (
											<tr key={contract.contractId}>
												<td>{contract.code}</td>
												<td>
													{contract.title}{" "}
													<span className="badge">
														{t(`contracts.state.${contract.state}` as MessageKey)}
													</span>
												</td>
												<td>{contract.contractorName}</td>
												<td>
													{contract.subcontracts.length === 0 ? (
														"—"
													) : (
														<ul>
															{contract.subcontracts.map((sub) => (
																<li key={`${sub.subcontractor}-${sub.work}`}>
																	{t("myNumber.contract.subcontract", {
																		subcontractor: sub.subcontractor,
																		work: sub.work,
																		state: t(`contracts.sub.state.${sub.state}` as MessageKey),
																	})}
																</li>
															))}
														</ul>
													)}
												</td>
												{mayKeep ? (
													<td>
														<button
															type="button"
															className="button"
															onClick={() => void unlink("contract", contract.contractId)}
														>
															{t("myNumber.link.removeNamed", { name: contract.title })}
														</button>
													</td>
												) : null}
											</tr>
										))}
									</tbody>
								</table>
							</div>
						)}
					</section>

					<section aria-labelledby="my-number-provisions">
						<div className="page-header">
							<h2 id="my-number-provisions">{t("myNumber.provisions")}</h2>
							{open({ kind: "provision" }, "myNumber.provision.add")}
						</div>
						{affair.provisions.length === 0 ? (
							<p className="empty">{t("myNumber.provisions.none")}</p>
						) : (
							<div className="table-wrap">
								<table className="table" aria-label={t("myNumber.provisions")}>
									<thead>
										<tr>
											<th scope="col">{t("myNumber.provision.providedOn")}</th>
											<th scope="col">{t("myNumber.provision.recipient")}</th>
											<th scope="col">{t("myNumber.provision.legalBasis")}</th>
											<th scope="col">{t("myNumber.provision.items")}</th>
											<th scope="col">{t("myNumber.provision.count")}</th>
											<th scope="col">{t("myNumber.provision.recordedBy")}</th>
										</tr>
									</thead>
									<tbody>
										{affair.provisions.map((provision) => (
											<tr key={provision.id}>
												<td className="nowrap">{date(provision.providedOn)}</td>
												<td>{provision.recipient}</td>
												<td className="my-number-text">{provision.legalBasis}</td>
												<td className="my-number-text">{provision.items}</td>
												<td>{provision.personCount.toLocaleString()}</td>
												<td>{provision.recordedBy}</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
						)}
					</section>

					{step ? (
						<AffairStepDialog
							affair={affair}
							step={step}
							options={options}
							today={japanDate(new Date())}
							onClose={(saved) => {
								setStep(null);
								if (saved) setAffair(saved);
							}}
						/>
					) : null}
					{editing && options ? (
						<AffairDialog
							options={options}
							affair={affair}
							onClose={(saved) => {
								setEditing(false);
								if (saved) setAffair(saved);
							}}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
