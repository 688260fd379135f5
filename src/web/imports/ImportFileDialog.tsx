import { type FormEvent, useState } from "react";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { followImport, type ImportJob, importFailure } from "./follow-import.ts";
import { ImportErrorTable, type ImportIssue } from "./ImportErrorTable.tsx";
import {
	ImportMappingDialog,
	type MappedImportBody,
	type MappedImportReport,
} from "./ImportMappingDialog.tsx";
import { ImportProgressBar } from "./ImportProgressBar.tsx";
import { base64Of } from "./read-file.ts";
import { type SkippedRows, SkippedRowsNote } from "./SkippedRowsNote.tsx";

/** What every import route's dry run answers: the counts and each error with row and column. */
export interface ImportReport extends SkippedRows {
	errors: ImportIssue[];
	errorCount: number;
	created: number;
	updated: number;
	unchanged: number;
	applied: boolean;
}

/** The body every import route takes. */
export interface ImportBody {
	filename: string;
	contentBase64: string;
	mode: "dry_run" | "apply";
}

/** The catalogue keys of one import dialog's texts. */
export interface ImportTexts {
	title: MessageKey;
	lead: MessageKey;
	file: MessageKey;
	check: MessageKey;
	apply: MessageKey;
	/** With `{created}`, `{updated}` and `{unchanged}`. */
	summary: MessageKey;
	applied: MessageKey;
	notApplied: MessageKey;
	row: MessageKey;
	column: MessageKey;
	message: MessageKey;
	cancel: MessageKey;
}

/**
 * Check a file (XLSX or CSV, UTF-8 or Shift_JIS) row by row, then import it: all rows or none.
 * `send` posts the body to the import route; a dry run answers the report, an apply the queued
 * job, whose progress is shown until it ends.
 */
export function ImportFileDialog({
	texts,
	mapping,
	send,
	onClose,
}: {
	texts: ImportTexts;
	/**
	 * The import as the column-mapping routes name it, and its options: offers to read the
	 * city's own layout instead (docs/column-mapping.md).
	 */
	mapping?: { kind: string; options?: Record<string, string> };
	send(body: MappedImportBody): Promise<MappedImportReport | ImportJob>;
	onClose(changed: boolean): void;
}) {
	const { t } = useI18n();
	const [ownLayout, setOwnLayout] = useState(false);
	const [file, setFile] = useState<File | null>(null);
	const [result, setResult] = useState<ImportReport | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [applied, setApplied] = useState(false);
	const [busy, setBusy] = useState(false);
	const [job, setJob] = useState<ImportJob | null>(null);

	async function run(mode: "dry_run" | "apply") {
		if (!file) return;
		setError(null);
		setBusy(true);
		setResult(null);
		try {
			const answer = await send({ filename: file.name, contentBase64: await base64Of(file), mode });
			if (mode === "dry_run" || !("id" in answer)) {
				setResult(answer as ImportReport);
				return;
			}
			setJob(answer);
			const ended = await followImport(answer.id, setJob);
			const failure = importFailure(ended);
			if (failure) throw failure;
			const report = ended.result as ImportReport | null;
			if (report) setResult(report);
			if (report?.applied) setApplied(true);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
			setJob(null);
		}
	}

	function submit(event: FormEvent) {
		event.preventDefault();
		void run("dry_run");
	}

	if (mapping && ownLayout)
		return (
			<ImportMappingDialog
				kind={mapping.kind}
				{...(mapping.options ? { options: mapping.options } : {})}
				send={send}
				onClose={onClose}
			/>
		);

	return (
		<Dialog title={t(texts.title)} onClose={() => onClose(applied)}>
			<form className="form" onSubmit={submit}>
				<p>{t(texts.lead)}</p>
				<Field label={t(texts.file)} required>
					{(id) => (
						<input
							id={id}
							type="file"
							accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
							required
							onChange={(event) => {
								setFile(event.target.files?.[0] ?? null);
								setResult(null);
							}}
						/>
					)}
				</Field>
				{job ? <ImportProgressBar job={job} total={null} /> : null}
				<ErrorAlert error={error} />
				{result ? (
					<div role="status" data-testid="import-result">
						<p>
							{t(texts.summary, {
								created: result.created,
								updated: result.updated,
								unchanged: result.unchanged,
							})}{" "}
							{result.applied ? t(texts.applied) : t(texts.notApplied)}
						</p>
						<SkippedRowsNote report={result} />
						{result.errors.length > 0 ? (
							<ImportErrorTable
								errors={result.errors}
								headers={{ row: t(texts.row), column: t(texts.column), message: t(texts.message) }}
							/>
						) : null}
					</div>
				) : null}
				<div className="form-row-actions">
					<button type="submit" className="button" disabled={busy || !file}>
						{t(texts.check)}
					</button>
					{result && !result.applied && result.errorCount === 0 ? (
						<button
							type="button"
							className="button button-primary"
							disabled={busy}
							onClick={() => void run("apply")}
						>
							{t(texts.apply)}
						</button>
					) : null}
					{mapping && !applied ? (
						<button type="button" className="button" onClick={() => setOwnLayout(true)}>
							{t("mapping.open")}
						</button>
					) : null}
					<button type="button" className="button" onClick={() => onClose(applied)}>
						{t(texts.cancel)}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
