import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, call, callFile, type ProblemIssue } from "../api/client.ts";
import { saveBlob } from "../components/download.ts";
import { ErrorAlert, issueText, StatusMessage } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import "./network.css";
import { ReportSummary, ViolationsTable } from "./ComplianceReport.tsx";
import { DriftList, RevisionHistory } from "./DriftList.tsx";
import { FirewallImportForm, ModelFileImport } from "./ImportPanel.tsx";
import { ModelTables } from "./ModelTables.tsx";
import { SelectionDetails } from "./SelectionDetails.tsx";
import { TierDiagram } from "./TierDiagram.tsx";
import {
	indexViolations,
	type NetworkCheck,
	type NetworkModel,
	type NetworkView,
	type Selection,
} from "./types.ts";

/**
 * 三層分離: the tenant's network model drawn as tiers, its compliance report, the editor, imports
 * of a model file and of a firewall export, downloads, and the drift from the asset ledger.
 */
export function NetworkPage() {
	const { t, lang, label } = useI18n();
	const [view, setView] = useState<NetworkView | null>(null);
	const [draft, setDraft] = useState<NetworkModel | null>(null);
	const [check, setCheck] = useState<NetworkCheck | null>(null);
	const [dirty, setDirty] = useState(false);
	const [problems, setProblems] = useState<ProblemIssue[]>([]);
	const [selection, setSelection] = useState<Selection>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const checking = useRef(0);

	const show = useCallback((next: NetworkView) => {
		setView(next);
		setDraft(next.model);
		setCheck(next.check);
		setDirty(false);
		setProblems([]);
	}, []);

	const load = useCallback(async () => {
		try {
			show(await call(api.GET("/api/network/model")));
		} catch (failure) {
			setError(failure);
		}
	}, [show]);

	useEffect(() => {
		void load();
	}, [load]);

	/** Take an edited model as the draft and check it; a broken draft lists its problems. */
	async function edit(model: NetworkModel, known?: NetworkCheck) {
		setDraft(model);
		setDirty(true);
		setStatus(null);
		if (known) {
			setCheck(known);
			setProblems([]);
			return;
		}
		const ticket = ++checking.current;
		try {
			const next = await call(api.POST("/api/network/check", { body: { model } }));
			if (ticket !== checking.current) return;
			setCheck(next);
			setProblems([]);
		} catch (failure) {
			if (ticket !== checking.current) return;
			if (failure instanceof ApiError && failure.problem.code === "validation_failed") {
				setProblems(failure.problem.issues ?? []);
			} else setError(failure);
		}
	}

	async function save() {
		if (!draft || !view) return;
		setBusy(true);
		setError(null);
		try {
			const saved = await call(
				api.PUT("/api/network/model", { body: { model: draft, baseRevision: view.revision } }),
			);
			show(saved);
			setStatus(t("network.saved", { revision: saved.revision }));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	async function exportAs(format: "pdf" | "xlsx") {
		setError(null);
		try {
			const path = format === "pdf" ? "/api/network/report.pdf" : "/api/network/report.xlsx";
			const file = await callFile(api.GET(path, { params: { query: { lang } }, parseAs: "blob" }));
			saveBlob(file.blob, file.fileName ?? `network-report.${format}`);
		} catch (failure) {
			setError(failure);
		}
	}

	const violations = useMemo(() => indexViolations(check?.report.violations ?? []), [check]);
	if (!view || !draft || !check) {
		return (
			<section className="page">
				<h1>{t("network.title")}</h1>
				{error ? <ErrorAlert error={error} /> : <p className="muted">{t("app.loading")}</p>}
			</section>
		);
	}
	const canEdit = view.allowedActions.includes("network.edit");
	// The starter model, never saved nor changed, is not judged: nothing is entered yet.
	const notSetUp = view.revision === 0 && !dirty && draft.nodes.length === 0;
	return (
		<section className="page network-page">
			<div className="page-header">
				<h1>{t("network.title")}</h1>
				<div className="button-row">
					<button type="button" className="button" onClick={() => void exportAs("pdf")}>
						{t("network.exportPdf")}
					</button>
					<button type="button" className="button" onClick={() => void exportAs("xlsx")}>
						{t("network.exportXlsx")}
					</button>
				</div>
			</div>
			<p className="lead">{t("network.lead")}</p>
			{dirty ? <p className="muted">{t("network.exportSavedOnly")}</p> : null}
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{canEdit && dirty ? (
				<section className="network-savebar" aria-label={t("network.unsaved")}>
					<span>{t("network.unsaved")}</span>
					<button
						type="button"
						className="button button-primary"
						disabled={busy || problems.length > 0}
						onClick={() => void save()}
					>
						{t("network.save")}
					</button>
					<button type="button" className="button" disabled={busy} onClick={() => show(view)}>
						{t("network.discard")}
					</button>
				</section>
			) : null}
			{problems.length > 0 ? (
				<div className="alert alert-error" role="alert">
					<p className="alert-title">{t("network.problems", { count: problems.length })}</p>
					<ul className="alert-issues">
						{problems.slice(0, 50).map((p) => (
							<li key={`${p.path}:${p.code}:${p.message}`}>
								<code>{p.path}</code> {issueText(p, label)}
							</li>
						))}
					</ul>
				</div>
			) : null}

			<section aria-labelledby="network-summary">
				<h2 id="network-summary">{t("network.section.summary")}</h2>
				{notSetUp ? (
					<NotSetUp canEdit={canEdit} />
				) : (
					<ReportSummary model={draft} check={check} revision={view.revision} dirty={dirty} />
				)}
			</section>

			<section aria-labelledby="network-diagram">
				<h2 id="network-diagram">{t("network.section.diagram")}</h2>
				<div className="network-diagram-layout">
					<TierDiagram
						model={draft}
						check={check}
						violations={violations}
						selection={selection}
						onSelect={setSelection}
					/>
					<SelectionDetails
						model={draft}
						check={check}
						violations={violations}
						selection={selection}
						onClear={() => setSelection(null)}
					/>
				</div>
			</section>

			<section aria-labelledby="network-report">
				<h2 id="network-report">{t("network.section.report")}</h2>
				{notSetUp ? (
					<p className="muted">{t("deadEnd.networkNotSetUp")}</p>
				) : (
					<ViolationsTable model={draft} check={check} onSelect={setSelection} />
				)}
			</section>

			<section aria-labelledby="network-editor">
				<h2 id="network-editor">{t("network.section.editor")}</h2>
				<ModelTables
					model={draft}
					violations={violations}
					canEdit={canEdit}
					onChange={(model) => void edit(model)}
					onSelect={setSelection}
				/>
			</section>

			{canEdit ? (
				<section aria-labelledby="network-import">
					<h2 id="network-import">{t("network.section.import")}</h2>
					<div className="network-imports">
						<ModelFileImport onLoaded={(model, known) => void edit(model, known)} />
						<FirewallImportForm
							revision={view.revision}
							dirty={dirty}
							onSaved={async (revision) => {
								await load();
								setStatus(t("network.saved", { revision }));
							}}
						/>
					</div>
				</section>
			) : null}

			<section aria-labelledby="network-drift">
				<h2 id="network-drift">{t("network.section.drift")}</h2>
				<DriftList key={view.revision} />
			</section>

			<section aria-labelledby="network-history">
				<h2 id="network-history">{t("network.section.history")}</h2>
				<RevisionHistory history={view.history} />
			</section>
		</section>
	);
}

/** Before the first model: say so, and lead those who may edit to the import and the editor. */
function NotSetUp({ canEdit }: { canEdit: boolean }) {
	const { t } = useI18n();
	return (
		<div className="network-summary" data-testid="network-not-set-up">
			<p className="network-verdict">{t("deadEnd.networkNotSetUp")}</p>
			<p>{t("deadEnd.networkNotSetUpLead")}</p>
			{canEdit ? (
				<p className="button-row">
					<a className="button button-primary" href="#network-import">
						{t("network.section.import")}
					</a>
					<a className="button" href="#network-editor">
						{t("network.section.editor")}
					</a>
				</p>
			) : null}
		</div>
	);
}
