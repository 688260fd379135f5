import "../styles/org.css";
import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { ConfirmDialog } from "../components/Dialog.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { followImport, type ImportJob, importFailure } from "../imports/follow-import.ts";
import { ImportProgressBar } from "../imports/ImportProgressBar.tsx";
import { RosterPasswords } from "./RosterPasswords.tsx";
import { RosterPreview } from "./RosterPreview.tsx";
import type { RosterApplyResult, RosterImport } from "./types.ts";

async function toBase64(file: File): Promise<string> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	let binary = "";
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

/**
 * The April personnel transfer: download the template, upload the new roster, review every
 * change (invalid rows highlighted), then apply it all at once and hand out one-time passwords.
 */
export function RosterPage() {
	const { t } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [preview, setPreview] = useState<RosterImport | null>(null);
	const [result, setResult] = useState<RosterApplyResult | null>(null);
	const [busy, setBusy] = useState(false);
	const [confirming, setConfirming] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [job, setJob] = useState<ImportJob | null>(null);

	async function upload(event: FormEvent) {
		event.preventDefault();
		if (!file) return;
		setBusy(true);
		setError(null);
		setStatus(null);
		setResult(null);
		try {
			const body = { fileName: file.name, contentBase64: await toBase64(file) };
			setPreview(await call(api.POST("/api/roster-imports", { body })));
		} catch (failure) {
			setPreview(null);
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	async function apply() {
		if (!preview) return;
		setBusy(true);
		setError(null);
		try {
			const path = { params: { path: { id: preview.id } } };
			// Applied as a job on the server: follow it, then show the passwords (once).
			const queued = await call(api.POST("/api/roster-imports/{id}/apply", path));
			setConfirming(false);
			setJob(queued);
			const ended = await followImport(queued.id, setJob);
			const failure = importFailure(ended);
			if (failure) throw failure;
			const applied = await call(api.GET("/api/roster-imports/{id}", path));
			const { oneTimePasswords } = await call(
				api.POST("/api/roster-imports/{id}/one-time-passwords", path),
			);
			setResult({ import: applied, oneTimePasswords });
			setPreview(applied);
			setStatus(t("org.roster.applied"));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
			setConfirming(false);
			setJob(null);
		}
	}

	async function discard() {
		if (!preview) return;
		setBusy(true);
		setError(null);
		try {
			setPreview(
				await call(
					api.POST("/api/roster-imports/{id}/discard", { params: { path: { id: preview.id } } }),
				),
			);
			setStatus(t("org.roster.discarded"));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	const canApply = preview?.allowedActions.includes("roster.import") ?? false;
	const hasErrors = (preview?.plan.errors.length ?? 0) > 0;

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("org.roster.title")}</h1>
			</div>
			<p className="lead">{t("org.roster.lead")}</p>

			<section className="card" aria-labelledby="roster-template">
				<h2 id="roster-template">{t("org.roster.template")}</h2>
				<div className="button-row">
					<a className="button" href="/api/roster-template?format=xlsx" download>
						{t("org.roster.templateXlsx")}
					</a>
					<a className="button" href="/api/roster-template?format=csv" download>
						{t("org.roster.templateCsv")}
					</a>
				</div>
			</section>

			<form className="card form" onSubmit={upload} aria-labelledby="roster-upload">
				<h2 id="roster-upload">{t("org.roster.uploadTitle")}</h2>
				<Field label={t("org.roster.file")} hint={t("org.roster.fileHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							type="file"
							required
							aria-describedby={describedBy}
							accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
							onChange={(event) => setFile(event.target.files?.[0] ?? null)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button type="submit" className="button button-primary" disabled={busy || !file}>
						{busy && !preview ? t("org.roster.uploading") : t("org.roster.upload")}
					</button>
				</div>
			</form>

			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{job ? <ImportProgressBar job={job} total={preview?.plan.rowCount ?? null} /> : null}

			{result && result.oneTimePasswords.length > 0 ? (
				<RosterPasswords importId={result.import.id} passwords={result.oneTimePasswords} />
			) : null}

			{preview ? (
				<section className="card" aria-labelledby="roster-preview">
					<h2 id="roster-preview">
						{t("org.roster.preview", { file: preview.fileName })}{" "}
						<span className="badge">{t(`org.roster.status.${preview.status}`)}</span>
					</h2>
					<RosterPreview plan={preview.plan} />
					{preview.status === "previewed" ? (
						<div className="roster-actions">
							<button
								type="button"
								className="button button-primary"
								disabled={busy || !canApply}
								aria-describedby={hasErrors ? "roster-apply-blocked" : undefined}
								onClick={() => setConfirming(true)}
							>
								{t("org.roster.apply")}
							</button>
							<button
								type="button"
								className="button"
								disabled={busy}
								onClick={() => void discard()}
							>
								{t("org.roster.discard")}
							</button>
							{hasErrors ? (
								<span id="roster-apply-blocked" className="muted">
									{t("org.roster.applyDisabled")}
								</span>
							) : null}
						</div>
					) : null}
				</section>
			) : null}

			{confirming && preview ? (
				<ConfirmDialog
					title={t("org.roster.confirmTitle")}
					message={t("org.roster.confirm", { count: preview.plan.counts.accountsToDisable ?? 0 })}
					confirmLabel={t("org.roster.apply")}
					busy={busy}
					error={error}
					onConfirm={() => void apply()}
					onClose={() => setConfirming(false)}
				/>
			) : null}
		</section>
	);
}
