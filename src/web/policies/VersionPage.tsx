import "../styles/policies.css";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { AcknowledgeBox } from "./AcknowledgeBox.tsx";
import { CompletionPanel } from "./CompletionPanel.tsx";
import { DecisionFacts } from "./DecisionFacts.tsx";
import { DraftEditor } from "./DraftEditor.tsx";
import { SectionTree } from "./SectionTree.tsx";
import { documentPath, type PolicyDocument, type PolicyVersion, versionPath } from "./types.ts";
import { VersionActions } from "./VersionActions.tsx";

/** One version: its text with citable anchors, workflow, acknowledgement and completion. */
export function VersionPage({ id }: { id: string }) {
	const { t } = useI18n();
	const [version, setVersion] = useState<PolicyVersion | null>(null);
	const [siblings, setSiblings] = useState<PolicyDocument["versions"]>([]);
	const [against, setAgainst] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [editing, setEditing] = useState(false);
	// Bumped when the caller acknowledges, so the completion figures follow at once.
	const [acknowledgements, setAcknowledgements] = useState(0);

	const load = useCallback(async () => {
		try {
			const loaded = await call(api.GET("/api/policy-versions/{id}", { params: { path: { id } } }));
			setVersion(loaded);
			const doc = await call(
				api.GET("/api/policy-documents/{id}", { params: { path: { id: loaded.document.id } } }),
			);
			const others = doc.versions.filter((v) => v.id !== loaded.id);
			setSiblings(others);
			setAgainst((current) => current || (others[0]?.id ?? ""));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [id]);
	useEffect(() => {
		void load();
	}, [load]);

	const canEdit =
		version?.status === "draft" && version.allowedActions.includes("policy_version.draft");

	return (
		<section className="page">
			<p>
				{version ? (
					<Link to={documentPath(version.document.id)}>{t("docs.backToDocument")}</Link>
				) : (
					<Link to="/policies">{t("docs.back")}</Link>
				)}
			</p>
			<ErrorAlert error={error} />
			{error instanceof ApiError && error.problem.code === "forbidden" && !version ? (
				<p className="alert alert-warning">{t("docs.refused")}</p>
			) : null}
			<StatusMessage>{status}</StatusMessage>
			{version ? (
				<>
					<div className="page-header">
						<h1>
							{version.title} {t("docs.versionNumber", { number: version.number })}
						</h1>
						<span className={`badge version-status-${version.status}`}>
							{t(`docs.status.${version.status}`)}
						</span>
					</div>
					{version.changeSummary ? <p className="lead">{version.changeSummary}</p> : null}
					<DecisionFacts version={version} />
					<VersionActions
						version={version}
						onDone={async (message) => {
							setStatus(message);
							await load();
						}}
						onError={setError}
					/>
					{version.allowedActions.includes("policy_acknowledgement.monitor") ? (
						<CompletionPanel versionId={version.id} refresh={acknowledgements} />
					) : null}
					{siblings.length > 0 ? (
						<form
							className="toolbar"
							onSubmit={(event) => {
								event.preventDefault();
								if (against)
									navigate(
										`${versionPath(version.id)}/diff?against=${encodeURIComponent(against)}`,
									);
							}}
						>
							<label htmlFor="compare-with">{t("docs.compareWith")}</label>
							<select
								id="compare-with"
								value={against}
								onChange={(e) => setAgainst(e.target.value)}
							>
								{siblings.map((v) => (
									<option key={v.id} value={v.id}>
										{t("docs.versionNumber", { number: v.number })} ({t(`docs.status.${v.status}`)})
									</option>
								))}
							</select>
							<button type="submit" className="button">
								{t("docs.showDiff")}
							</button>
						</form>
					) : null}
					<div className="page-header">
						<h2>{t("docs.sections")}</h2>
						{canEdit && !editing && version.sections.length > 0 ? (
							<button type="button" className="button" onClick={() => setEditing(true)}>
								{t("docs.editDraft")}
							</button>
						) : null}
					</div>
					{editing && canEdit ? (
						<DraftEditor
							versionId={version.id}
							sections={version.sections}
							onCancel={() => setEditing(false)}
							onSaved={async () => {
								setEditing(false);
								setStatus(t("docs.done"));
								await load();
							}}
						/>
					) : version.sections.length === 0 ? (
						<p>{t("docs.noSections")}</p>
					) : (
						<SectionTree sections={version.sections} />
					)}
					{/* After the text: one acknowledges what one has read. */}
					{version.allowedActions.includes("policy_version.acknowledge") ? (
						<AcknowledgeBox
							versionId={version.id}
							onAcknowledged={() => setAcknowledgements((n) => n + 1)}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
