import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { Field } from "../components/Field.tsx";
import { FilterButtons, RegisterResults } from "../components/RegisterResults.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { ImportServicesDialog } from "./ImportServicesDialog.tsx";
import { ServiceFormDialog } from "./ServiceFormDialog.tsx";
import {
	type CloudServiceOptions,
	type CloudServiceSummary,
	flagKey,
	KINDS,
	kindKey,
	STATES,
	servicePath,
	stateKey,
} from "./types.ts";

const PAGE_SIZE = 50;
const EMPTY = { state: "", kind: "", flagged: "", q: "" };

/** The register of cloud and external services: filtered, registered and exported here. */
export function CloudServicesPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const mayManage = can("cloud_service.manage");
	const mayExport = can("cloud_service.export");
	const mayImport = can("cloud_service.import");
	const [importing, setImporting] = useState(false);
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: CloudServiceSummary[]; total: number } | null>(null);
	const [options, setOptions] = useState<CloudServiceOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	useEffect(() => setDraft(filter), [filter]);

	useEffect(() => {
		if (mayManage) call(api.GET("/api/cloud-services/options")).then(setOptions, setError);
	}, [mayManage]);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as CloudServiceSummary["state"] } : {}),
				...(filter.kind ? { kind: filter.kind as CloudServiceSummary["kind"] } : {}),
				...(filter.flagged ? { flagged: "true" as const } : {}),
				...(filter.q ? { q: filter.q } : {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/cloud-services", { params: { query } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [filter, offset]);
	useEffect(() => {
		void load();
	}, [load]);

	function apply(event: FormEvent) {
		event.preventDefault();
		list.apply(draft);
	}

	const filtered = Boolean(filter.state || filter.kind || filter.flagged || filter.q);
	const empty = page !== null && page.total === 0 && !filtered;
	const exportQuery = new URLSearchParams({
		...(filter.state ? { state: filter.state } : {}),
		...(filter.kind ? { kind: filter.kind } : {}),
		...(filter.flagged ? { flagged: "true" } : {}),
	});
	const registerButton =
		mayManage && options && options.units.length > 0 ? (
			<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
				{t("cloudServices.register")}
			</button>
		) : null;

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("cloudServices.title")}</h1>
				<div className="button-row">
					{mayExport && !empty ? (
						<>
							<DownloadButton
								href={`/api/cloud-services/export?${new URLSearchParams([...exportQuery, ["format", "xlsx"]])}`}
								fileName="クラウドサービス等利用台帳.xlsx"
								onError={setError}
							>
								{t("cloudServices.export.xlsx")}
							</DownloadButton>
							<DownloadButton
								href={`/api/cloud-services/export?${new URLSearchParams([...exportQuery, ["format", "csv"]])}`}
								fileName="クラウドサービス等利用台帳.csv"
								onError={setError}
							>
								{t("cloudServices.export.csv")}
							</DownloadButton>
						</>
					) : null}
					{mayImport ? (
						<button type="button" className="button" onClick={() => setImporting(true)}>
							{t("cloudServices.import")}
						</button>
					) : null}
					{!empty ? registerButton : null}
				</div>
			</div>
			<p className="lead">{t("cloudServices.lead")}</p>
			<form className="filters" onSubmit={apply} aria-label={t("cloudServices.filter.label")}>
				<div className="form-row">
					<Field label={t("cloudServices.filter.state")}>
						{(id) => (
							<select
								id={id}
								value={draft.state}
								onChange={(event) => setDraft({ ...draft, state: event.target.value })}
							>
								<option value="">{t("cloudServices.filter.all")}</option>
								{STATES.map((state) => (
									<option key={state} value={state}>
										{t(stateKey(state))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("cloudServices.filter.kind")}>
						{(id) => (
							<select
								id={id}
								value={draft.kind}
								onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
							>
								<option value="">{t("cloudServices.filter.all")}</option>
								{KINDS.map((kind) => (
									<option key={kind} value={kind}>
										{t(kindKey(kind))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("cloudServices.filter.flagged")}>
						{(id) => (
							<select
								id={id}
								value={draft.flagged}
								onChange={(event) => setDraft({ ...draft, flagged: event.target.value })}
							>
								<option value="">{t("cloudServices.filter.all")}</option>
								<option value="true">{t("cloudServices.filter.flaggedOnly")}</option>
							</select>
						)}
					</Field>
					<Field label={t("cloudServices.filter.q")}>
						{(id) => (
							<input
								id={id}
								type="search"
								maxLength={100}
								value={draft.q}
								onChange={(event) => setDraft({ ...draft, q: event.target.value })}
							/>
						)}
					</Field>
				</div>
				<FilterButtons
					apply={t("cloudServices.filter.apply")}
					clear={t("cloudServices.filter.clear")}
					onClear={() => list.apply(EMPTY)}
				/>
			</form>
			<RegisterResults
				error={error}
				page={page}
				empty={empty}
				emptyState={{
					testId: "cloud-services-empty",
					title: t("cloudServices.emptyTitle"),
					guidance: t("cloudServices.emptyGuidance", { register: t("cloudServices.register") }),
					action: "cloud_service.manage",
					button: registerButton,
				}}
				totalTestId="cloud-service-total"
				total={t("cloudServices.total", { count: page?.total ?? 0 })}
				none={t("cloudServices.none")}
				label={t("cloudServices.title")}
				offset={offset}
				limit={PAGE_SIZE}
				onOffset={list.setOffset}
			>
				{(items) => (
					<>
						<thead>
							<tr>
								<th scope="col">{t("cloudServices.col.code")}</th>
								<th scope="col">{t("cloudServices.col.name")}</th>
								<th scope="col">{t("cloudServices.col.state")}</th>
								<th scope="col">{t("cloudServices.col.unit")}</th>
								<th scope="col">{t("cloudServices.col.level")}</th>
								<th scope="col">{t("cloudServices.col.review")}</th>
								<th scope="col">{t("cloudServices.col.flags")}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.id} data-cloud-service={item.id}>
									<td className="nowrap">
										<Link to={servicePath(item.id)}>{item.code}</Link>
									</td>
									<td>
										{item.name}
										<br />
										<span className="muted">
											{item.provider}・{t(kindKey(item.kind))}
										</span>
									</td>
									<td>
										<span className="badge">{t(stateKey(item.state))}</span>
									</td>
									<td>{item.unit.name}</td>
									<td className="nowrap">
										{item.approvedMaxLevel
											? t("cloudServices.levelWithMax", {
													level: item.dataLevel,
													max: item.approvedMaxLevel,
												})
											: item.dataLevel}
									</td>
									<td className="nowrap">
										{date(item.nextReviewOn)}
										{item.reviewDueSoon ? (
											<>
												{" "}
												<span className="badge">{t("cloudServices.reviewDueSoon")}</span>
											</>
										) : null}
									</td>
									<td>
										{item.flags.map((flag) => (
											<span key={flag} className="badge badge-danger">
												{t(flagKey(flag))}
											</span>
										))}
									</td>
								</tr>
							))}
						</tbody>
					</>
				)}
			</RegisterResults>
			{importing ? (
				<ImportServicesDialog
					onClose={(changed) => {
						setImporting(false);
						if (changed) void load();
					}}
				/>
			) : null}
			{creating && options ? (
				<ServiceFormDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(servicePath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
