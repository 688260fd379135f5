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
import { ContractDialog } from "./ContractDialog.tsx";
import { ImportContractsDialog } from "./ImportContractsDialog.tsx";
import {
	CONTRACT_STATES,
	type ContractOptions,
	type ContractSummary,
	clauseLabel,
	contractPath,
	stateKey,
} from "./types.ts";
import "./contracts.css";

const PAGE_SIZE = 50;
const EMPTY = { state: "", gaps: "", q: "" };

/** 業務委託: the contracts the caller sees, flagged where a required clause is missing. */
export function ContractsPage() {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const mayManage = can("contract.manage");
	const mayExport = can("contract.export");
	const mayCheck = can("contract.check");
	const mayImport = can("contract.import");
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: ContractSummary[]; total: number } | null>(null);
	const [options, setOptions] = useState<ContractOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	const [importing, setImporting] = useState(false);
	const [checked, setChecked] = useState<{ contracts: number; withGaps: number } | null>(null);
	useEffect(() => setDraft(filter), [filter]);

	useEffect(() => {
		call(api.GET("/api/contracts/options")).then(setOptions, setError);
	}, []);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as ContractSummary["state"] } : {}),
				...(filter.gaps ? { gaps: filter.gaps as "true" | "false" } : {}),
				...(filter.q ? { q: filter.q } : {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/contracts", { params: { query } })));
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

	async function checkAll() {
		try {
			setChecked(await call(api.POST("/api/contracts/clause-check")));
			await load();
		} catch (failure) {
			setError(failure);
		}
	}

	const filtered = Boolean(filter.state || filter.gaps || filter.q);
	const empty = page !== null && page.total === 0 && !filtered;
	const createButton =
		mayManage && options && options.units.length > 0 ? (
			<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
				{t("contracts.create")}
			</button>
		) : null;

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("contracts.title")}</h1>
				<div className="button-row">
					<Link to="/contracts/contractors" className="button">
						{t("contracts.contractors.link")}
					</Link>
					{mayCheck && !empty ? (
						<button type="button" className="button" onClick={() => void checkAll()}>
							{t("contracts.clauseCheck")}
						</button>
					) : null}
					{mayExport && !empty ? (
						<>
							<DownloadButton
								href="/api/contracts/export?format=xlsx"
								fileName="業務委託契約一覧.xlsx"
								onError={setError}
							>
								{t("contracts.export.xlsx")}
							</DownloadButton>
							<DownloadButton
								href="/api/contracts/export?format=csv"
								fileName="業務委託契約一覧.csv"
								onError={setError}
							>
								{t("contracts.export.csv")}
							</DownloadButton>
						</>
					) : null}
					{mayImport ? (
						<button type="button" className="button" onClick={() => setImporting(true)}>
							{t("contracts.import")}
						</button>
					) : null}
					{!empty ? createButton : null}
				</div>
			</div>
			<p className="lead">{t("contracts.lead")}</p>
			{checked ? (
				<p role="status" data-testid="contract-clause-check">
					{t("contracts.clauseCheck.done", {
						contracts: checked.contracts,
						withGaps: checked.withGaps,
					})}
				</p>
			) : null}
			<form className="filters" onSubmit={apply} aria-label={t("contracts.filter.label")}>
				<div className="form-row">
					<Field label={t("contracts.filter.q")}>
						{(id) => (
							<input
								id={id}
								type="search"
								value={draft.q}
								maxLength={100}
								onChange={(event) => setDraft({ ...draft, q: event.target.value })}
							/>
						)}
					</Field>
					<Field label={t("contracts.filter.state")}>
						{(id) => (
							<select
								id={id}
								value={draft.state}
								onChange={(event) => setDraft({ ...draft, state: event.target.value })}
							>
								<option value="">{t("contracts.filter.all")}</option>
								{CONTRACT_STATES.map((state) => (
									<option key={state} value={state}>
										{t(stateKey(state))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("contracts.filter.gaps")}>
						{(id) => (
							<select
								id={id}
								name="gaps"
								value={draft.gaps}
								onChange={(event) => setDraft({ ...draft, gaps: event.target.value })}
							>
								<option value="">{t("contracts.filter.all")}</option>
								<option value="true">{t("contracts.filter.gapsOnly")}</option>
								<option value="false">{t("contracts.filter.noGaps")}</option>
							</select>
						)}
					</Field>
				</div>
				<FilterButtons
					apply={t("contracts.filter.apply")}
					clear={t("contracts.filter.clear")}
					onClear={() => list.apply(EMPTY)}
				/>
			</form>
			<RegisterResults
				error={error}
				page={page}
				empty={empty}
				emptyState={{
					testId: "contracts-empty",
					title: t("contracts.emptyTitle"),
					guidance: t("contracts.emptyGuidance", { create: t("contracts.create") }),
					action: "contract.manage",
					button: createButton,
				}}
				totalTestId="contract-total"
				total={t("contracts.total", { count: page?.total ?? 0 })}
				none={t("contracts.none")}
				label={t("contracts.title")}
				offset={offset}
				limit={PAGE_SIZE}
				onOffset={list.setOffset}
			>
				{(items) => (
					<>
						<thead>
							<tr>
								<th scope="col">{t("contracts.col.code")}</th>
								<th scope="col">{t("contracts.col.title")}</th>
								<th scope="col">{t("contracts.col.contractor")}</th>
								<th scope="col">{t("contracts.col.unit")}</th>
								<th scope="col">{t("contracts.col.level")}</th>
								<th scope="col">{t("contracts.col.clauses")}</th>
								<th scope="col">{t("contracts.col.period")}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.id} data-contract={item.code}>
									<td className="nowrap">
										<Link to={contractPath(item.id)}>{item.code}</Link>
									</td>
									<td>{item.title}</td>
									<td>{item.contractor.name}</td>
									<td>{item.unit.name}</td>
									<td>{item.topLevel ?? t("contracts.level.none")}</td>
									<td data-testid="contract-gaps">
										{item.gaps.length > 0 ? (
											<span
												className="badge badge-warn"
												title={item.gaps.map((code) => clauseLabel(options, code, lang)).join("、")}
											>
												{t("contracts.gaps.badge", { count: item.gaps.length })}
											</span>
										) : (
											<span className="badge badge-ok">{t("contracts.gaps.ok")}</span>
										)}{" "}
										{item.state === "ended" ? (
											<span className="badge">{t(stateKey(item.state))}</span>
										) : null}
									</td>
									<td className="nowrap">
										{t("contracts.period", {
											start: date(item.startsOn),
											end: item.endsOn ? date(item.endsOn) : "",
										})}
									</td>
								</tr>
							))}
						</tbody>
					</>
				)}
			</RegisterResults>
			{importing ? (
				<ImportContractsDialog
					what="contracts"
					onClose={(changed) => {
						setImporting(false);
						if (changed) void load();
					}}
				/>
			) : null}
			{creating && options ? (
				<ContractDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(contractPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
