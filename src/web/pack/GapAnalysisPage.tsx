import { type FormEvent, useState } from "react";
import { api, call, callFile } from "../api/client.ts";
import { saveBlob } from "../components/download.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import "../styles/pack.css";
import { GapTable } from "./GapTable.tsx";
import type { GapAnalysis } from "./types.ts";

/** What was analysed, sent again for the export: an uploaded file or the published 基本方針. */
type Source = { fileBase64: string; fileName: string } | { document: "basic_policy" };

/** A file's bytes in base64: the server decodes them (UTF-8, Shift_JIS, UTF-16). */
function readBase64(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}

/** Upload a basic policy's text, see which baseline provisions it lacks or words differently. */
export function GapAnalysisPage() {
	const { t, lang } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [source, setSource] = useState<Source | null>(null);
	const [result, setResult] = useState<GapAnalysis | null>(null);
	const [gapsOnly, setGapsOnly] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function analyse(event: FormEvent | null, published = false) {
		event?.preventDefault();
		if (!file && !published) return;
		setBusy(true);
		setError(null);
		try {
			const next: Source =
				published || !file
					? { document: "basic_policy" }
					: { fileBase64: await readBase64(file), fileName: file.name };
			setResult(await call(api.POST("/api/policy-gap-analysis", { body: next })));
			setSource(next);
		} catch (failure) {
			setResult(null);
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	async function exportAs(format: "xlsx" | "pdf") {
		if (!source) return;
		setError(null);
		try {
			const file = await callFile(
				api.POST("/api/policy-gap-analysis/export", {
					body: { source, format, lang },
					parseAs: "blob",
				}),
			);
			saveBlob(file.blob, file.fileName ?? `policy-gap-analysis.${format}`);
		} catch (failure) {
			setError(failure);
		}
	}

	const items = result?.items.filter((item) => !gapsOnly || item.status !== "present") ?? [];
	return (
		<section className="page pack-page">
			<div className="page-header">
				<h1>{t("gap.title")}</h1>
				{result ? (
					<div className="button-row">
						<button type="button" className="button" onClick={() => void exportAs("xlsx")}>
							{t("gap.exportXlsx")}
						</button>
						<button type="button" className="button" onClick={() => void exportAs("pdf")}>
							{t("gap.exportPdf")}
						</button>
					</div>
				) : null}
			</div>
			<p className="lead">{t("gap.lead")}</p>
			<form className="form gap-upload" onSubmit={(event) => void analyse(event)}>
				<div className="field">
					<label className="field-label" htmlFor="gap-file">
						{t("gap.file")}
					</label>
					<input
						id="gap-file"
						type="file"
						accept=".txt,text/plain"
						aria-describedby="gap-file-hint"
						onChange={(event) => setFile(event.target.files?.[0] ?? null)}
					/>
					<span id="gap-file-hint" className="field-hint">
						{t("gap.fileHint")}
					</span>
				</div>
				<div className="button-row">
					<button type="submit" className="button button-primary" disabled={!file || busy}>
						{busy ? t("gap.analysing") : t("gap.analyse")}
					</button>
					<button
						type="button"
						className="button"
						disabled={busy}
						onClick={() => void analyse(null, true)}
					>
						{t("gap.analysePublished")}
					</button>
				</div>
			</form>
			<ErrorAlert error={error} />
			{result ? (
				<>
					<div className="gap-summary" aria-live="polite">
						<p>
							{t("gap.summary", {
								baseline: result.baseline.name[lang],
								present: result.summary.present,
								different: result.summary.different,
								missing: result.summary.missing,
							})}
						</p>
						<p className="muted">
							{t("gap.document", {
								title: result.document.title ?? t("gap.untitled"),
								sections: result.document.sections,
								revisions: result.document.revisions,
							})}
						</p>
						<label className="field-checkbox">
							<input
								type="checkbox"
								checked={gapsOnly}
								onChange={(event) => setGapsOnly(event.target.checked)}
							/>
							{t("gap.filterGaps")}
						</label>
					</div>
					<GapTable items={items} />
				</>
			) : null}
		</section>
	);
}
