import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { type ImportWarning, type PolicyVersionSummary, versionPath } from "./types.ts";

function toBase64(bytes: Uint8Array): string {
	let binary = "";
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

/** Upload the plain text of an existing policy; the importer builds a draft and lists its notes. */
export function UploadDraftDialog({
	documentId,
	onClose,
	onCreated,
}: {
	documentId: string;
	onClose(): void;
	onCreated(): void;
}) {
	const { t, label } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [summary, setSummary] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const [result, setResult] = useState<{
		version: PolicyVersionSummary;
		warnings: ImportWarning[];
	} | null>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!file) return;
		setBusy(true);
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const created = await call(
				api.POST("/api/policy-documents/{id}/imports", {
					params: { path: { id: documentId } },
					body: { fileName: file.name, contentBase64: toBase64(bytes), changeSummary: summary },
				}),
			);
			setResult(created);
			setError(null);
			onCreated();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("docs.uploadTitle")} onClose={onClose}>
			{result ? (
				<div className="upload-result">
					<p className="alert alert-success" role="status">
						{t("docs.uploadDone", { number: result.version.number })}{" "}
						<Link to={versionPath(result.version.id)}>{t("docs.open")}</Link>
					</p>
					{result.warnings.length > 0 ? (
						<>
							<h3>{t("docs.warnings", { count: result.warnings.length })}</h3>
							<ul className="import-warnings">
								{result.warnings.map((w) => (
									<li key={`${w.code}:${w.line ?? ""}:${w.message}`}>
										{w.line === null ? null : (
											<span className="muted">{t("docs.warningLine", { line: w.line })} </span>
										)}
										{label("docs.warning", w.code, w.params)}
									</li>
								))}
							</ul>
						</>
					) : null}
				</div>
			) : (
				<form className="form" onSubmit={submit}>
					<Field label={t("docs.uploadFile")} hint={t("docs.uploadHint")} required>
						{(id, describedBy) => (
							<input
								id={id}
								type="file"
								accept=".txt,text/plain"
								required
								aria-describedby={describedBy}
								onChange={(event) => setFile(event.target.files?.[0] ?? null)}
							/>
						)}
					</Field>
					<Field label={t("docs.changeSummary")}>
						{(id) => (
							<input id={id} value={summary} onChange={(event) => setSummary(event.target.value)} />
						)}
					</Field>
					<ErrorAlert error={error} />
					<div className="form-actions">
						<button type="submit" className="button button-primary" disabled={busy || !file}>
							{t("docs.uploadSubmit")}
						</button>
						<button type="button" className="button" onClick={onClose}>
							{t("common.cancel")}
						</button>
					</div>
				</form>
			)}
		</Dialog>
	);
}
