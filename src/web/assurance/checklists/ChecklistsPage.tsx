import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link, navigate } from "../../router.tsx";
import { BundledChecklists } from "./BundledChecklists.tsx";
import { ChecklistImportDialog } from "./ChecklistImportDialog.tsx";
import { type ChecklistList, checklistPath, kindKey, originKey } from "./types.ts";

/**
 * The tenant's checklists of self-inspection and audit (its pack's bundled ones appear on the
 * first visit), a new one imported from Excel, and the bundled ones to add: never a dead end.
 */
export function ChecklistsPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const [list, setList] = useState<ChecklistList | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [importing, setImporting] = useState(false);

	const load = useCallback(async () => {
		try {
			setList(await call(api.GET("/api/assurance/checklists")));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	const manage = list?.allowedActions.includes("assurance_checklist.manage") ?? false;
	const empty = list !== null && list.items.length === 0;
	// On an empty page, the bundled checklist to suggest: the tenant's pack's, else the standard one.
	const suggested =
		list?.bundled.find((offer) => offer.ofTenantPack && offer.checklistId === null) ??
		list?.bundled.find((offer) => offer.id === "standard.self_inspection");

	async function addSuggested() {
		if (!suggested) return;
		try {
			await call(
				api.POST("/api/assurance/checklists/bundled", { body: { bundledId: suggested.id } }),
			);
			await load();
		} catch (failure) {
			setError(failure);
		}
	}

	const importButton = (
		<button type="button" className="button button-primary" onClick={() => setImporting(true)}>
			{t("checklists.import")}
		</button>
	);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("checklists.title")}</h1>
				{manage && !empty ? importButton : null}
			</div>
			<p className="lead">{t("checklists.lead")}</p>
			<ErrorAlert error={error} />
			{list && empty ? (
				<EmptyState
					testId="checklists-empty"
					title={t("checklists.emptyTitle")}
					guidance={t("checklists.emptyGuidance", { import: t("checklists.import") })}
					action="assurance_checklist.manage"
				>
					{suggested ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => void addSuggested()}
						>
							{t("checklists.bundled.add", { title: suggested.title })}
						</button>
					) : null}
					<button type="button" className="button" onClick={() => setImporting(true)}>
						{t("checklists.import")}
					</button>
				</EmptyState>
			) : null}
			{list && !empty ? (
				<div className="table-wrap">
					<table
						className="table"
						aria-label={t("checklists.listLabel")}
						data-testid="checklist-table"
					>
						<thead>
							<tr>
								<th scope="col">{t("checklists.col.title")}</th>
								<th scope="col">{t("checklists.col.kind")}</th>
								<th scope="col">{t("checklists.col.version")}</th>
								<th scope="col">{t("checklists.col.items")}</th>
								<th scope="col">{t("checklists.col.origin")}</th>
								<th scope="col">{t("checklists.col.updated")}</th>
							</tr>
						</thead>
						<tbody>
							{list.items.map((checklist) => (
								<tr key={checklist.id} data-checklist={checklist.id}>
									<td>
										<Link to={checklistPath(checklist.id)}>{checklist.title}</Link>
									</td>
									<td>{t(kindKey(checklist.kind))}</td>
									<td className="nowrap">
										{t("checklists.versionLabel", { version: checklist.latestVersion })}
									</td>
									<td className="nowrap">
										{t("checklists.itemCount", { count: checklist.itemCount })}
									</td>
									<td>{t(originKey(checklist.bundledId !== null))}</td>
									<td className="nowrap">{date(checklist.updatedAt)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{list && manage ? <BundledChecklists offers={list.bundled} onChanged={load} /> : null}
			{importing ? (
				<ChecklistImportDialog
					onClose={(saved) => {
						setImporting(false);
						if (saved) navigate(checklistPath(saved.checklistId, saved.version));
					}}
				/>
			) : null}
		</section>
	);
}
