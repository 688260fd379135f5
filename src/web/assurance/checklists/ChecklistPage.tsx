import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useUrlParams } from "../../components/useUrlParams.ts";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link, navigate } from "../../router.tsx";
import { ChecklistImportDialog } from "./ChecklistImportDialog.tsx";
import { ChecklistItems } from "./ChecklistItems.tsx";
import {
	CHECKLISTS_PATH,
	type ChecklistDetail,
	type ChecklistVersionDetail,
	checklistPath,
	kindKey,
	originKey,
} from "./types.ts";
import "./checklists.css";

/**
 * One checklist: the version chosen (the latest by default) with its items and a filter, its
 * other versions, the Excel export of the version shown, and a new version imported.
 */
export function ChecklistPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date } = useDates();
	const [params] = useUrlParams({ version: "" });
	const [detail, setDetail] = useState<ChecklistDetail | null>(null);
	const [shown, setShown] = useState<ChecklistVersionDetail | null>(null);
	const [choice, setChoice] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [importing, setImporting] = useState(false);
	const asked = Number.parseInt(params.version, 10);

	useEffect(() => {
		let live = true;
		void (async () => {
			try {
				const loaded = await call(
					api.GET("/api/assurance/checklists/{id}", { params: { path: { id } } }),
				);
				const number = Number.isInteger(asked) && asked > 0 ? asked : loaded.latestVersion;
				const version = await call(
					api.GET("/api/assurance/checklists/{id}/versions/{version}", {
						params: { path: { id, version: number } },
					}),
				);
				if (!live) return;
				setDetail(loaded);
				setShown(version);
				setChoice(String(number));
				setError(null);
			} catch (failure) {
				if (live) setError(failure);
			}
		})();
		return () => {
			live = false;
		};
	}, [id, asked]);

	function show(event: FormEvent) {
		event.preventDefault();
		navigate(checklistPath(id, Number(choice)));
	}

	const manage = detail?.allowedActions.includes("assurance_checklist.manage") ?? false;
	const version = shown?.version;
	return (
		<section className="page">
			<p>
				<Link to={CHECKLISTS_PATH}>{t("checklists.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			{detail && shown && version ? (
				<>
					<div className="page-header">
						<h1>{version.title}</h1>
						<div className="button-row">
							<DownloadButton
								href={`/api/assurance/checklists/${encodeURIComponent(id)}/versions/${version.version}/export`}
								fileName={`${version.title}.xlsx`}
								onError={setError}
							>
								{t("checklists.export")}
							</DownloadButton>
							{manage ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setImporting(true)}
								>
									{t("checklists.importVersion")}
								</button>
							) : null}
						</div>
					</div>
					{version.description ? (
						<p className="lead checklist-text">{version.description}</p>
					) : null}
					<dl className="checklist-facts">
						<div>
							<dt>{t("checklists.col.kind")}</dt>
							<dd>{t(kindKey(detail.kind))}</dd>
						</div>
						<div>
							<dt>{t("checklists.detail.savedAt")}</dt>
							<dd>{date(version.createdAt)}</dd>
						</div>
						<div>
							<dt>{t("checklists.detail.origin")}</dt>
							<dd>
								{t(originKey(version.source === "bundled"))}
								{version.sourceName ? `（${version.sourceName}）` : ""}
							</dd>
						</div>
						<div>
							<dt>{t("checklists.detail.items")}</dt>
							<dd>{t("checklists.itemCount", { count: version.itemCount })}</dd>
						</div>
					</dl>
					{version.version !== detail.latestVersion ? (
						<p className="alert alert-warning">
							{t("checklists.detail.oldVersion", {
								version: version.version,
								latest: detail.latestVersion,
							})}
						</p>
					) : null}
					<form className="filters" onSubmit={show} aria-label={t("checklists.detail.version")}>
						<div className="form-row">
							<Field label={t("checklists.detail.version")}>
								{(fieldId) => (
									<select
										id={fieldId}
										value={choice}
										onChange={(event) => setChoice(event.target.value)}
									>
										{detail.versions.map((v) => (
											<option key={v.id} value={v.version}>
												{t("checklists.versionLabel", { version: v.version })}
												{v.version === detail.latestVersion ? t("checklists.detail.latest") : ""}
												{` ${date(v.createdAt)}`}
											</option>
										))}
									</select>
								)}
							</Field>
						</div>
						<div className="form-row-actions">
							<button type="submit" className="button">
								{t("checklists.detail.show")}
							</button>
						</div>
					</form>
					<ChecklistItems key={version.id} items={shown.items} />
				</>
			) : null}
			{importing && detail ? (
				<ChecklistImportDialog
					into={{ id: detail.id, title: detail.title }}
					onClose={(saved) => {
						setImporting(false);
						if (saved) navigate(checklistPath(saved.checklistId, saved.version));
					}}
				/>
			) : null}
		</section>
	);
}
