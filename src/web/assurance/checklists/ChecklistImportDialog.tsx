import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert, issueText } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { followImport, type ImportJob, importFailure } from "../../imports/follow-import.ts";
import { ImportProgressBar } from "../../imports/ImportProgressBar.tsx";
import { SkippedRowsNote } from "../../imports/SkippedRowsNote.tsx";
import type { ChecklistImportReport } from "./types.ts";

/** Errors listed in the dialog; the report says how many there are in all. */
const SHOWN_ERRORS = 200;

function base64Of(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}

/** Where a saved import went: the checklist and its new version. */
export interface ImportedChecklist {
	checklistId: string;
	version: number;
}

/**
 * Check a checklist workbook, then import it: as a new checklist, or (given `into`) as the next
 * version of one. Every error is listed with its sheet, row and column; a file with any error
 * cannot be imported, and an import saves all of it or nothing.
 */
export function ChecklistImportDialog({
	into,
	onClose,
}: {
	into?: { id: string; title: string };
	onClose(saved?: ImportedChecklist): void;
}) {
	const { t, label } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [report, setReport] = useState<ChecklistImportReport | null>(null);
	const [busy, setBusy] = useState<"check" | "apply" | null>(null);
	const [job, setJob] = useState<ImportJob | null>(null);
	const [error, setError] = useState<unknown>(null);

	async function send(mode: "dry_run" | "apply") {
		if (!file) return null;
		const body = {
			filename: file.name,
			contentBase64: await base64Of(file),
			mode,
			...(into ? { checklistId: into.id } : {}),
		};
		return call(api.POST("/api/assurance/checklists/import", { body }));
	}

	async function check(event: FormEvent) {
		event.preventDefault();
		setError(null);
		setReport(null);
		setBusy("check");
		try {
			setReport((await send("dry_run")) as ChecklistImportReport | null);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(null);
		}
	}

	async function apply() {
		setError(null);
		setBusy("apply");
		try {
			const queued = (await send("apply")) as ImportJob | null;
			if (!queued) return;
			setJob(queued);
			const ended = await followImport(queued.id, setJob);
			const failure = importFailure(ended);
			if (failure) throw failure;
			const result = ended.result as ChecklistImportReport | null;
			if (result?.applied && result.checklistId && result.version) {
				onClose({ checklistId: result.checklistId, version: result.version });
				return;
			}
			if (result) setReport(result);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(null);
			setJob(null);
		}
	}

	const messageOf = (issue: ChecklistImportReport["errors"][number]) =>
		issueText({ path: "", message: issue.message, code: issue.code, params: issue.params }, label);
	const clean = report !== null && report.errorCount === 0;
	return (
		<Dialog
			title={
				into
					? t("checklists.importDialog.titleVersion", { title: into.title })
					: t("checklists.importDialog.title")
			}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={check}>
				<p>
					{into
						? t("checklists.importDialog.leadVersion", { title: into.title })
						: t("checklists.importDialog.lead")}
				</p>
				<p>
					<a href="/api/assurance/checklists/template" download>
						{t("checklists.template")}
					</a>
				</p>
				<Field label={t("checklists.importDialog.file")} required>
					{(id) => (
						<input
							id={id}
							type="file"
							accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
							required
							onChange={(event) => {
								setFile(event.target.files?.[0] ?? null);
								setReport(null);
								setError(null);
							}}
						/>
					)}
				</Field>
				{job ? <ImportProgressBar job={job} total={report?.rows ?? null} /> : null}
				{busy ? (
					<p role="status">
						{busy === "check"
							? t("checklists.importDialog.checking")
							: t("checklists.importDialog.saving")}
					</p>
				) : null}
				<ErrorAlert error={error} />
				{report && clean ? (
					<p role="status" data-testid="checklist-import-ok">
						{t("checklists.importDialog.ok", { title: report.title ?? "", rows: report.rows })}
					</p>
				) : null}
				{report ? <SkippedRowsNote report={report} /> : null}
				{report && !clean ? (
					<div role="alert" data-testid="checklist-import-errors">
						<p>
							{t("checklists.importDialog.errors", { count: report.errorCount })}{" "}
							{report.errorCount > SHOWN_ERRORS
								? t("checklists.importDialog.errorsShown", { shown: SHOWN_ERRORS })
								: null}
						</p>
						<div className="table-wrap">
							<table
								className="table table-compact"
								aria-label={t("checklists.importDialog.errorsLabel")}
							>
								<thead>
									<tr>
										<th scope="col">{t("checklists.importDialog.col.sheet")}</th>
										<th scope="col">{t("checklists.importDialog.col.row")}</th>
										<th scope="col">{t("checklists.importDialog.col.column")}</th>
										<th scope="col">{t("checklists.importDialog.col.message")}</th>
									</tr>
								</thead>
								<tbody>
									{report.errors.slice(0, SHOWN_ERRORS).map((issue) => (
										<tr
											key={`${issue.sheet}-${issue.row}-${issue.column}-${issue.code}-${JSON.stringify(issue.params)}`}
										>
											<td>{issue.sheet ?? t("checklists.importDialog.wholeSheet")}</td>
											<td>{issue.row ?? t("checklists.importDialog.wholeSheet")}</td>
											<td>{issue.column ?? t("checklists.importDialog.wholeSheet")}</td>
											<td>{messageOf(issue)}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					</div>
				) : null}
				<div className="form-actions">
					<button type="submit" className="button" disabled={!file || busy !== null}>
						{t("checklists.importDialog.check")}
					</button>
					<button
						type="button"
						className="button button-primary"
						disabled={!file || busy !== null || !clean}
						onClick={() => void apply()}
					>
						{t("checklists.importDialog.apply")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
