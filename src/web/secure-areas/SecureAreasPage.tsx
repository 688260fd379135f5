import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { ImportFileDialog, type ImportTexts } from "../imports/ImportFileDialog.tsx";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { AreaDialog } from "./AreaDialog.tsx";
import { EntryTable } from "./EntryTable.tsx";
import {
	areaPath,
	levelKey,
	type SecureAreaEntry,
	type SecureAreaOptions,
	type SecureAreaSummary,
} from "./types.ts";

const IMPORT_TEXTS: ImportTexts = {
	title: "secureAreas.import.title",
	lead: "secureAreas.import.lead",
	file: "secureAreas.import.file",
	check: "secureAreas.import.check",
	apply: "secureAreas.import.apply",
	summary: "secureAreas.import.summary",
	applied: "secureAreas.import.applied",
	notApplied: "secureAreas.import.notApplied",
	row: "secureAreas.import.row",
	column: "secureAreas.import.column",
	message: "secureAreas.import.message",
	cancel: "secureAreas.form.cancel",
};

type FlagItem = SecureAreaEntry & { areaCode: string; areaName: string };
const thisMonth = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7);

/** 管理区域: the areas the caller sees, the month's flagged entries, the card reader's import. */
export function SecureAreasPage() {
	const { t } = useI18n();
	const can = useCan();
	const mayManage = can("secure_area.manage");
	const [areas, setAreas] = useState<SecureAreaSummary[] | null>(null);
	const [month, setMonth] = useState(thisMonth);
	const [flags, setFlags] = useState<FlagItem[] | null>(null);
	const [options, setOptions] = useState<SecureAreaOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	const [importing, setImporting] = useState(false);

	const load = useCallback(async () => {
		try {
			setAreas((await call(api.GET("/api/secure-areas"))).items);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	const loadFlags = useCallback(async (of: string) => {
		try {
			const query = { month: of };
			setFlags((await call(api.GET("/api/secure-areas/flags", { params: { query } }))).items);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
		void loadFlags(thisMonth());
	}, [load, loadFlags]);
	useEffect(() => {
		if (mayManage) call(api.GET("/api/secure-areas/options")).then(setOptions, setError);
	}, [mayManage]);

	const mayKeepAny = areas?.some((area) => area.actions.includes("keep")) ?? false;
	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("secureAreas.title")}</h1>
				<div className="button-row">
					{mayKeepAny ? (
						<button type="button" className="button" onClick={() => setImporting(true)}>
							{t("secureAreas.import")}
						</button>
					) : null}
					{mayManage && options ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => setCreating(true)}
						>
							{t("secureAreas.create")}
						</button>
					) : null}
				</div>
			</div>
			<p className="lead">{t("secureAreas.lead")}</p>
			<ErrorAlert error={error} />
			{areas && areas.length === 0 ? <p className="empty">{t("secureAreas.none")}</p> : null}
			{areas && areas.length > 0 ? (
				<div className="table-wrap">
					<table className="table" aria-label={t("secureAreas.title")} data-testid="secure-areas">
						<thead>
							<tr>
								<th scope="col">{t("secureAreas.col.code")}</th>
								<th scope="col">{t("secureAreas.col.name")}</th>
								<th scope="col">{t("secureAreas.col.level")}</th>
								<th scope="col">{t("secureAreas.col.manager")}</th>
								<th scope="col">{t("secureAreas.col.permits")}</th>
								<th scope="col">{t("secureAreas.col.assets")}</th>
							</tr>
						</thead>
						<tbody>
							{areas.map((area) => (
								<tr key={area.id} data-area={area.code}>
									<td className="nowrap">{area.code}</td>
									<td>
										<Link to={areaPath(area.id)}>{area.name}</Link>
									</td>
									<td>{t(levelKey(area.level))}</td>
									<td>{area.manager?.name ?? "—"}</td>
									<td>{area.permitCount}</td>
									<td>{area.assetCount}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			<section aria-labelledby="secure-area-flags-title">
				<h2 id="secure-area-flags-title">{t("secureAreas.flags.title")}</h2>
				<form
					className="filters"
					onSubmit={(event: FormEvent) => {
						event.preventDefault();
						void loadFlags(month);
					}}
				>
					<div className="form-row">
						<Field label={t("secureAreas.flags.month")}>
							{(id) => (
								<input
									id={id}
									type="month"
									value={month}
									onChange={(event) => setMonth(event.target.value)}
								/>
							)}
						</Field>
					</div>
					<div className="form-row-actions">
						<button type="submit" className="button">
							{t("secureAreas.flags.show")}
						</button>
					</div>
				</form>
				{flags && flags.length === 0 ? (
					<p className="empty">{t("secureAreas.flags.none")}</p>
				) : null}
				{flags && flags.length > 0 ? (
					<>
						<p>{t("secureAreas.flags.count", { count: flags.length })}</p>
						<EntryTable
							entries={flags}
							label={t("secureAreas.flags.title")}
							testId="secure-area-flags"
							areaOf={(entry) => {
								const item = entry as FlagItem;
								return `${item.areaCode} ${item.areaName}`;
							}}
						/>
					</>
				) : null}
			</section>
			{creating && options ? (
				<AreaDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(areaPath(saved.id));
					}}
				/>
			) : null}
			{importing ? (
				<ImportFileDialog
					texts={IMPORT_TEXTS}
					mapping={{ kind: "secure-areas.entries" }}
					send={(body) => call(api.POST("/api/secure-areas/entries/import", { body }))}
					onClose={(changed) => {
						setImporting(false);
						if (changed) {
							void load();
							void loadFlags(month);
						}
					}}
				/>
			) : null}
		</section>
	);
}
