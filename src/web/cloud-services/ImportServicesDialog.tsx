import { type FormEvent, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { followImport, type ImportJob, importFailure } from "../imports/follow-import.ts";
import { ImportProgressBar } from "../imports/ImportProgressBar.tsx";

type Report = Schemas["CloudServiceImportReport"];

function base64Of(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}

/**
 * Check a register file (XLSX or CSV, UTF-8 or Shift_JIS) row by row, then import it: all rows
 * or none. The import runs as a job on the server; its progress is shown until it ends.
 */
export function ImportServicesDialog({ onClose }: { onClose(changed: boolean): void }) {
	const { t, label } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [result, setResult] = useState<Report | null>(null);
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
			const body = { filename: file.name, contentBase64: await base64Of(file), mode };
			const answer = await call(api.POST("/api/cloud-services/import", { body }));
			if (mode === "dry_run" || !("id" in answer)) {
				setResult(answer as Report);
				return;
			}
			setJob(answer);
			const ended = await followImport(answer.id, setJob);
			const failure = importFailure(ended);
			if (failure) throw failure;
			const report = ended.result as Report | null;
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

	const issueText = (issue: Report["errors"][number]) => {
		const coded = label("fileIssue", issue.code, issue.params);
		return coded !== issue.code ? coded : issue.message;
	};
	return (
		<Dialog title={t("cloudServices.import.title")} onClose={() => onClose(applied)}>
			<form className="form" onSubmit={submit}>
				<p>{t("cloudServices.import.lead")}</p>
				<Field label={t("cloudServices.import.file")} required>
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
							{t("cloudServices.import.summary", {
								created: result.created,
								updated: result.updated,
								unchanged: result.unchanged,
							})}{" "}
							{result.applied
								? t("cloudServices.import.applied")
								: t("cloudServices.import.notApplied")}
						</p>
						{result.errors.length > 0 ? (
							<div className="table-wrap">
								<table className="table table-compact">
									<thead>
										<tr>
											<th scope="col">{t("cloudServices.import.row")}</th>
											<th scope="col">{t("cloudServices.import.column")}</th>
											<th scope="col">{t("cloudServices.import.message")}</th>
										</tr>
									</thead>
									<tbody>
										{result.errors.slice(0, 200).map((issue) => (
											<tr key={`${issue.row}-${issue.column}-${issue.message}`}>
												<td>{issue.row}</td>
												<td>{issue.column}</td>
												<td>{issueText(issue)}</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
						) : null}
					</div>
				) : null}
				<div className="form-row-actions">
					<button type="submit" className="button" disabled={busy || !file}>
						{t("cloudServices.import.check")}
					</button>
					{result && !result.applied && result.errorCount === 0 ? (
						<button
							type="button"
							className="button button-primary"
							disabled={busy}
							onClick={() => void run("apply")}
						>
							{t("cloudServices.import.apply")}
						</button>
					) : null}
					<button type="button" className="button" onClick={() => onClose(applied)}>
						{t("cloudServices.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
