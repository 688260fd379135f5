import { type FormEvent, useState } from "react";
import { ApiError, currentCsrfToken, type Schemas } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { followImport, type ImportJob, importFailure } from "../imports/follow-import.ts";
import { ImportErrorTable } from "../imports/ImportErrorTable.tsx";
import { ImportProgressBar } from "../imports/ImportProgressBar.tsx";
import { base64Of } from "../imports/read-file.ts";
import { SkippedRowsNote } from "../imports/SkippedRowsNote.tsx";

type ImportResult = Schemas["AssetImportReport"];

/**
 * POST with upload progress: the typed client uses fetch, which cannot report it, and a ledger
 * of 100,000 rows takes long enough that people want to see it move.
 */
function postWithProgress(
	url: string,
	body: string,
	onProgress: (percent: number) => void,
): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open("POST", url);
		request.setRequestHeader("content-type", "application/json");
		request.setRequestHeader("x-csrf-token", currentCsrfToken());
		request.upload.onprogress = (event) => {
			if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
		};
		request.onload = () => {
			let parsed: unknown = null;
			try {
				parsed = JSON.parse(request.responseText);
			} catch {
				parsed = null;
			}
			if (request.status >= 200 && request.status < 300) resolve(parsed);
			else if (parsed && typeof parsed === "object" && "code" in parsed) {
				const problem = parsed as {
					code: string;
					detail: string;
					issues?: {
						path: string;
						message: string;
						code?: string;
						params?: Record<string, string | number>;
					}[];
				};
				reject(new ApiError({ ...problem, status: request.status }));
			} else
				reject(
					new ApiError({
						code: "unknown",
						detail: `HTTP ${request.status}`,
						status: request.status,
					}),
				);
		};
		request.onerror = () =>
			reject(new ApiError({ code: "network", detail: "network error", status: 0 }));
		request.send(body);
	});
}

/**
 * Check a ledger file row by row, then import it: all rows or none (unless bad rows are
 * skipped). The import runs as a job on the server; its progress is shown until it ends.
 */
export function AssetImportDialog({ onClose }: { onClose(changed: boolean): void }) {
	const { t } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [skipInvalid, setSkipInvalid] = useState(false);
	const [progress, setProgress] = useState<number | null>(null);
	const [processing, setProcessing] = useState(false);
	const [result, setResult] = useState<ImportResult | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [applied, setApplied] = useState(false);
	const [job, setJob] = useState<ImportJob | null>(null);
	// Rows of the file, as the check counted them: the scale of the apply's progress bar.
	const [total, setTotal] = useState<number | null>(null);

	async function run(mode: "dry_run" | "apply") {
		if (!file) return;
		setError(null);
		setTotal(mode === "apply" ? (result?.rows ?? null) : null);
		setResult(null);
		setProgress(0);
		try {
			const body = JSON.stringify({
				filename: file.name,
				contentBase64: await base64Of(file),
				mode,
				skipInvalid,
			});
			const answer = await postWithProgress("/api/assets/import", body, (percent) => {
				setProgress(percent);
				if (percent >= 100) setProcessing(true);
			});
			if (mode === "dry_run") {
				setResult(answer as ImportResult);
				return;
			}
			setProgress(null);
			setJob(answer as ImportJob);
			const ended = await followImport((answer as ImportJob).id, setJob);
			const failure = importFailure(ended);
			if (failure) throw failure;
			const report = ended.result as ImportResult | null;
			if (report) setResult(report);
			if (report?.applied) setApplied(true);
		} catch (failure) {
			setError(failure);
		} finally {
			setProgress(null);
			setProcessing(false);
			setJob(null);
		}
	}

	function submit(event: FormEvent) {
		event.preventDefault();
		void run("dry_run");
	}

	const busy = progress !== null || job !== null;
	return (
		<Dialog title={t("assets.import.title")} onClose={() => onClose(applied)}>
			<form className="form" onSubmit={submit}>
				<p>{t("assets.import.lead")}</p>
				<p>
					<a href="/api/assets/template?format=xlsx" download>
						{t("assets.template")} (xlsx)
					</a>{" "}
					·{" "}
					<a href="/api/assets/template?format=csv" download>
						CSV
					</a>
				</p>
				<Field label={t("assets.import.file")} required>
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
				<label className="field field-checkbox">
					<input
						type="checkbox"
						checked={skipInvalid}
						onChange={(event) => setSkipInvalid(event.target.checked)}
					/>
					{t("assets.import.skipInvalid")}
				</label>
				{job ? <ImportProgressBar job={job} total={total} /> : null}
				{progress !== null ? (
					<div>
						<progress
							max={100}
							value={processing ? undefined : (progress ?? 0)}
							data-testid="import-progress"
						/>
						<span>
							{processing
								? t("assets.import.processing")
								: t("assets.import.uploading", { percent: progress ?? 0 })}
						</span>
					</div>
				) : null}
				<ErrorAlert error={error} />
				{result ? (
					<div role="status" data-testid="import-result">
						<p>
							{t("assets.import.summary", {
								created: result.created,
								updated: result.updated,
								unchanged: result.unchanged,
								skipped: result.skipped,
							})}{" "}
							{result.applied ? t("assets.import.applied") : t("assets.import.notApplied")}
						</p>
						<SkippedRowsNote report={result} />
						{result.errors.length > 0 ? (
							<div>
								<p>{t("assets.import.errors", { count: result.errors.length })}</p>
								<ImportErrorTable
									errors={result.errors}
									headers={{
										row: t("assets.import.row"),
										column: t("assets.import.column"),
										message: t("assets.import.message"),
									}}
								/>
							</div>
						) : null}
					</div>
				) : null}
				<div className="form-actions">
					<button type="submit" className="button" disabled={!file || busy}>
						{t("assets.import.check")}
					</button>
					<button
						type="button"
						className="button button-primary"
						disabled={
							!file ||
							busy ||
							!result ||
							result.applied ||
							(result.errors.length > 0 && !skipInvalid)
						}
						onClick={() => void run("apply")}
					>
						{t("assets.import.apply")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
