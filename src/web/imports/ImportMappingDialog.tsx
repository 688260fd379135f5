import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { followImport, type ImportJob, importFailure } from "./follow-import.ts";
import { ImportErrorTable } from "./ImportErrorTable.tsx";
import type { ImportReport } from "./ImportFileDialog.tsx";
import { ImportProgressBar } from "./ImportProgressBar.tsx";
import { MappingColumnsTable, MappingSampleTable, MappingValuesTable } from "./MappingTables.tsx";
import {
	assignColumn,
	assignValue,
	type ColumnMapping,
	type MappingProposal,
	missingFields,
	valueRows,
} from "./mapping-edit.ts";
import { base64Of } from "./read-file.ts";
import { SkippedRowsNote } from "./SkippedRowsNote.tsx";

/** An import route's report when it reads a mapped file: the rows it read, too. */
export interface MappedImportReport extends ImportReport {
	rows: number;
}

/** The body an import route that takes column mappings accepts. */
export interface MappedImportBody {
	filename: string;
	contentBase64: string;
	mode: "dry_run" | "apply";
	mapping?: ColumnMapping;
	mappingSource?: string;
}

interface ChosenFile {
	name: string;
	contentBase64: string;
}

/**
 * Import a city's own spreadsheet layout (docs/column-mapping.md): the file's header is read and
 * a column mapping proposed; a mapping saved for the source that still fits imports at once.
 * Otherwise the person corrects the columns and values, checks the file first (every error with
 * the file's row and column), then saves the mapping for the source and imports with it.
 */
export function ImportMappingDialog({
	kind,
	options,
	send,
	onClose,
}: {
	/** The import, as the mapping routes name it (`assets.ledger`). */
	kind: string;
	/** The import's own options when they choose its layout (training: `courseId`). */
	options?: Record<string, string>;
	send(body: MappedImportBody): Promise<MappedImportReport | ImportJob>;
	onClose(changed: boolean): void;
}) {
	const { t } = useI18n();
	const [source, setSource] = useState("");
	const [file, setFile] = useState<File | null>(null);
	const [chosen, setChosen] = useState<ChosenFile | null>(null);
	const [proposal, setProposal] = useState<MappingProposal | null>(null);
	const [mapping, setMapping] = useState<ColumnMapping | null>(null);
	const [check, setCheck] = useState<MappedImportReport | null>(null);
	const [result, setResult] = useState<MappedImportReport | null>(null);
	const [job, setJob] = useState<ImportJob | null>(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [applied, setApplied] = useState(false);

	async function attempt(work: () => Promise<void>) {
		setError(null);
		setBusy(true);
		try {
			await work();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
			setJob(null);
		}
	}

	const propose = (event: FormEvent) => {
		event.preventDefault();
		if (!file) return;
		void attempt(async () => {
			setProposal(null);
			setMapping(null);
			setCheck(null);
			setResult(null);
			const read = { name: file.name, contentBase64: await base64Of(file) };
			const body = {
				kind,
				filename: read.name,
				contentBase64: read.contentBase64,
				source,
				...(options ? { options } : {}),
			};
			const answer = await call(api.POST("/api/imports/mappings/propose", { body }));
			setChosen(read);
			setProposal(answer);
			setMapping({ ...answer.mapping, source: source.trim() });
		});
	};

	function edit(next: ColumnMapping) {
		setMapping(next);
		setCheck(null);
	}

	const dryRun = () =>
		void attempt(async () => {
			if (!chosen || !mapping) return;
			setCheck(null);
			const body = { filename: chosen.name, contentBase64: chosen.contentBase64 };
			const answer = await send({ ...body, mode: "dry_run", mapping });
			setCheck(answer as MappedImportReport);
		});

	/** Save the mapping (unless the saved one fits as it is), then import with the saved one. */
	const saveAndImport = (save: boolean) =>
		void attempt(async () => {
			if (!chosen || !mapping) return;
			setResult(null);
			if (save) await call(api.PUT("/api/imports/mappings", { body: mapping }));
			const body = { filename: chosen.name, contentBase64: chosen.contentBase64 };
			const answer = await send({ ...body, mode: "apply", mappingSource: mapping.source });
			if (!("id" in answer)) throw new Error("the import answered a report, not a job");
			setJob(answer);
			const ended = await followImport(answer.id, setJob);
			const failure = importFailure(ended);
			if (failure) throw failure;
			const report = ended.result as MappedImportReport | null;
			setResult(report);
			if (report?.applied) setApplied(true);
		});

	const fits = proposal?.saved.status === "fits";
	const missing = proposal && mapping ? missingFields(mapping, proposal.fields) : [];
	const checkedClean = check !== null && check.errorCount === 0;
	const done = result?.applied ?? false;
	const errorHeaders = {
		row: t("mapping.row"),
		column: t("mapping.column"),
		message: t("mapping.message"),
	};
	return (
		<Dialog title={t("mapping.title")} onClose={() => onClose(applied)} wide>
			<form className="form" onSubmit={propose}>
				<p>{t("mapping.intro")}</p>
				<Field label={t("mapping.source")} hint={t("mapping.sourceHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							aria-describedby={describedBy}
							required
							maxLength={100}
							value={source}
							onChange={(event) => {
								setSource(event.target.value);
								setProposal(null);
							}}
						/>
					)}
				</Field>
				<Field label={t("mapping.file")} required>
					{(id) => (
						<input
							id={id}
							type="file"
							accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
							required
							onChange={(event) => {
								setFile(event.target.files?.[0] ?? null);
								setProposal(null);
								setResult(null);
							}}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button" disabled={busy || !file || !source.trim()}>
						{t("mapping.propose")}
					</button>
				</div>
			</form>

			{proposal && mapping ? (
				<div className="mapping-proposal" data-testid="mapping-proposal">
					{fits ? (
						<p role="status" className="alert alert-success" data-testid="mapping-saved">
							{t("mapping.savedFits", { source: mapping.source })}
						</p>
					) : null}
					{proposal.saved.status === "changed" ? (
						<p className="alert alert-warning" data-testid="mapping-saved">
							{t("mapping.savedChanged", {
								source: mapping.source,
								added: proposal.saved.added.join("、"),
								removed: proposal.saved.removed.join("、"),
							})}
						</p>
					) : null}
					{fits ? null : (
						<>
							<p data-testid="mapping-header-rows">
								{t("mapping.headerRows", { rows: mapping.headerRows.join("・") })}
							</p>
							<MappingColumnsTable
								proposal={proposal}
								mapping={mapping}
								onChange={(label, target) =>
									edit(assignColumn(mapping, proposal.mapping, label, target))
								}
							/>
							{missing.length > 0 ? (
								<p className="alert alert-warning" data-testid="mapping-missing">
									{t("mapping.missing", { fields: missing.join("、") })}
								</p>
							) : null}
							<MappingValuesTable
								rows={valueRows(proposal, mapping)}
								onChange={(label, value, to) => edit(assignValue(mapping, label, value, to))}
							/>
							<MappingSampleTable proposal={proposal} />
						</>
					)}
				</div>
			) : null}

			{check ? (
				<div role="status" data-testid="mapping-check">
					<p>
						{check.errorCount === 0
							? t("mapping.dryRunOk", { rows: check.rows })
							: t("mapping.dryRunErrors", { count: check.errorCount })}
					</p>
					<SkippedRowsNote report={check} />
					{check.errors.length > 0 ? (
						<ImportErrorTable errors={check.errors} headers={errorHeaders} />
					) : null}
				</div>
			) : null}
			{job ? <ImportProgressBar job={job} total={check?.rows ?? null} /> : null}
			<ErrorAlert error={error} />
			{result ? (
				<div role="status" data-testid="import-result">
					<p>
						{result.applied
							? t("mapping.imported", {
									created: result.created,
									updated: result.updated,
									unchanged: result.unchanged,
								})
							: t("mapping.refused", { count: result.errorCount })}
					</p>
					<SkippedRowsNote report={result} />
					{result.errors.length > 0 ? (
						<ImportErrorTable errors={result.errors} headers={errorHeaders} />
					) : null}
				</div>
			) : null}

			{proposal && mapping && !done ? (
				<div className="form-row-actions">
					{fits ? (
						<button
							type="button"
							className="button button-primary"
							disabled={busy}
							onClick={() => saveAndImport(false)}
						>
							{t("mapping.importSaved")}
						</button>
					) : (
						<>
							<button
								type="button"
								className="button"
								disabled={busy || missing.length > 0}
								onClick={dryRun}
							>
								{t("mapping.dryRun")}
							</button>
							<button
								type="button"
								className="button button-primary"
								disabled={busy || !checkedClean}
								onClick={() => saveAndImport(true)}
							>
								{t("mapping.save")}
							</button>
						</>
					)}
				</div>
			) : null}
		</Dialog>
	);
}
