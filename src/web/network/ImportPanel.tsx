import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import {
	type FirewallImport,
	type ModelProblem,
	type NetworkCheck,
	type NetworkModel,
	readBase64,
} from "./types.ts";

function ProblemsTable({ problems, caption }: { problems: ModelProblem[]; caption: string }) {
	const { t, label } = useI18n();
	return (
		<div className="table-wrap">
			<table className="table table-compact">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t("network.import.path")}</th>
						<th scope="col">{t("network.import.line")}</th>
						<th scope="col">{t("network.import.column")}</th>
						<th scope="col">{t("network.import.message")}</th>
					</tr>
				</thead>
				<tbody>
					{problems.slice(0, 200).map((p, i) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: one path may have several problems
						<tr key={i}>
							<td>
								<code>{p.path}</code>
							</td>
							<td>{p.line ?? ""}</td>
							<td>{p.column ?? ""}</td>
							<td>{label("networkIssue", p.code, p.params)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** Load a model file into the editor (checked first; saved only with the editor's Save). */
export function ModelFileImport({
	onLoaded,
}: {
	onLoaded(model: NetworkModel, check: NetworkCheck): void;
}) {
	const { t } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [problems, setProblems] = useState<ModelProblem[]>([]);
	const [status, setStatus] = useState<string | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!file) return;
		setBusy(true);
		setError(null);
		setStatus(null);
		try {
			const result = await call(
				api.POST("/api/network/model/import", {
					body: { fileBase64: await readBase64(file), fileName: file.name, dryRun: true },
				}),
			);
			setProblems(result.problems);
			if (result.model && result.check) {
				onLoaded(result.model, result.check);
				setStatus(t("network.import.loaded", { name: file.name }));
			}
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form network-import" onSubmit={(event) => void submit(event)}>
			<h3>{t("network.import.modelTitle")}</h3>
			<div className="field">
				<label className="field-label" htmlFor="network-model-file">
					{t("network.import.modelFile")}
				</label>
				<input
					id="network-model-file"
					type="file"
					accept=".yaml,.yml,.json,application/json,text/yaml"
					aria-describedby="network-model-file-hint"
					onChange={(event) => setFile(event.target.files?.[0] ?? null)}
				/>
				<span id="network-model-file-hint" className="field-hint">
					{t("network.import.modelHint")}
				</span>
			</div>
			<div className="button-row">
				<button type="submit" className="button" disabled={!file || busy}>
					{t("network.import.load")}
				</button>
			</div>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{problems.length > 0 ? (
				<ProblemsTable
					problems={problems}
					caption={t("network.import.problems", { count: problems.length })}
				/>
			) : null}
		</form>
	);
}

/** Add a firewall export's rules as flows: preview the rows first, then save them. */
export function FirewallImportForm({
	revision,
	dirty,
	onSaved,
}: {
	revision: number;
	dirty: boolean;
	onSaved(revision: number): Promise<void>;
}) {
	const { t, label } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [preview, setPreview] = useState<FirewallImport | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function send(dryRun: boolean) {
		if (!file) return;
		setBusy(true);
		setError(null);
		try {
			const result = await call(
				api.POST("/api/network/firewall-import", {
					body: {
						fileBase64: await readBase64(file),
						fileName: file.name,
						dryRun,
						baseRevision: revision,
					},
				}),
			);
			setPreview(dryRun ? result : null);
			if (!dryRun) await onSaved(result.revision);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	const clean = preview !== null && preview.errors.length === 0 && preview.problems.length === 0;
	return (
		<form
			className="form network-import"
			onSubmit={(event) => {
				event.preventDefault();
				void send(true);
			}}
		>
			<h3>{t("network.firewall.title")}</h3>
			<div className="field">
				<label className="field-label" htmlFor="network-firewall-file">
					{t("network.firewall.file")}
				</label>
				<input
					id="network-firewall-file"
					type="file"
					accept=".csv,.xlsx,text/csv"
					aria-describedby="network-firewall-hint"
					onChange={(event) => {
						setFile(event.target.files?.[0] ?? null);
						setPreview(null);
					}}
				/>
				<span id="network-firewall-hint" className="field-hint">
					{dirty ? t("network.firewall.saveFirst") : t("network.firewall.hint")}
				</span>
			</div>
			<div className="button-row">
				<button type="submit" className="button" disabled={!file || busy || dirty}>
					{t("network.firewall.preview")}
				</button>
				<button
					type="button"
					className="button button-primary"
					disabled={!clean || busy || dirty}
					onClick={() => void send(false)}
				>
					{t("network.firewall.apply")}
				</button>
			</div>
			<ErrorAlert error={error} />
			{preview ? (
				<div aria-live="polite">
					<p>
						{t("network.firewall.summary", {
							flows: preview.flows,
							added: preview.added,
							replaced: preview.replaced,
						})}
					</p>
					{preview.errors.length > 0 ? (
						<div className="table-wrap">
							<table className="table table-compact">
								<caption>{t("network.firewall.errors", { count: preview.errors.length })}</caption>
								<thead>
									<tr>
										<th scope="col">{t("network.firewall.row")}</th>
										<th scope="col">{t("network.firewall.column")}</th>
										<th scope="col">{t("network.import.message")}</th>
									</tr>
								</thead>
								<tbody>
									{preview.errors.slice(0, 500).map((e, i) => (
										// biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors
										<tr key={i}>
											<td>{e.row}</td>
											<td>{e.column}</td>
											<td>{label("networkIssue", e.code, e.params)}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					) : null}
					{preview.problems.length > 0 ? (
						<ProblemsTable
							problems={preview.problems}
							caption={t("network.import.problems", { count: preview.problems.length })}
						/>
					) : null}
					{preview.check ? (
						<p>
							{t("network.firewall.violations", {
								count: preview.check.report.stats.violations,
							})}
						</p>
					) : null}
				</div>
			) : null}
		</form>
	);
}
