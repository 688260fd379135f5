import "../styles/policies.css";
import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { WhoMay } from "../components/RequiredRoles.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { RevisionTable } from "./RevisionTable.tsx";
import { type PolicyDocument, type PolicyVersionSummary, versionPath } from "./types.ts";
import { UploadDraftDialog } from "./UploadDraftDialog.tsx";
import { VersionActions } from "./VersionActions.tsx";

/** One document: its versions with workflow buttons, its 改定履歴, new drafts and uploads. */
export function DocumentPage({ id }: { id: string }) {
	const { t, label } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const [doc, setDoc] = useState<PolicyDocument | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [uploading, setUploading] = useState(false);

	const load = useCallback(async () => {
		try {
			setDoc(await call(api.GET("/api/policy-documents/{id}", { params: { path: { id } } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [id]);
	useEffect(() => {
		void load();
	}, [load]);

	async function newDraft(from: "copy" | "template" = "copy") {
		try {
			const version = await call(
				api.POST("/api/policy-documents/{id}/drafts", {
					params: { path: { id } },
					body: { from, changeSummary: "" },
				}),
			);
			navigate(versionPath(version.id));
		} catch (failure) {
			setError(failure);
		}
	}

	const latestDate = (v: PolicyVersionSummary) =>
		v.publishedAt ?? v.approvedAt ?? v.submittedAt ?? v.createdAt;

	return (
		<section className="page">
			<p>
				<Link to="/policies">{t("docs.back")}</Link>
			</p>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{doc ? (
				<>
					<div className="page-header">
						<h1>{doc.title}</h1>
						{doc.allowedActions.includes("policy_version.draft") ? (
							<div className="button-row">
								{doc.kind === "emergency_plan" ? (
									<button
										type="button"
										className="button"
										onClick={() => void newDraft("template")}
									>
										{t("docs.fromTemplate")}
									</button>
								) : null}
								<button type="button" className="button" onClick={() => void newDraft()}>
									{t("docs.newDraft")}
								</button>
								<button
									type="button"
									className="button button-primary"
									onClick={() => setUploading(true)}
								>
									{t("docs.upload")}
								</button>
							</div>
						) : null}
					</div>
					<p className="tag-list">
						<span className="tag">{t(`docs.kind.${doc.kind}`)}</span>
						<span className={`tag doc-publication-${doc.publication}`}>
							{t(`docs.publication.${doc.publication}`)}
						</span>
					</p>
					{doc.kind === "emergency_plan" ? (
						<p>
							{t("docs.planLead")}{" "}
							{can("drill.read") ? <Link to="/drills">{t("docs.planDrills")}</Link> : null}
						</p>
					) : null}
					{doc.publication === "non_public" ? (
						<p className="muted">
							{t("docs.readers", {
								roles: doc.readerRoles.map((role) => label("role", role)).join("、"),
							})}
						</p>
					) : null}

					<h2>{t("docs.versions")}</h2>
					{doc.versions.length === 0 ? (
						<div className="empty" data-testid="no-versions">
							<p>{t("docs.noVersions")}</p>
							{doc.allowedActions.includes("policy_version.draft") ? (
								<p>{t("deadEnd.startVersion", { upload: t("docs.upload") })}</p>
							) : (
								<WhoMay roles={doc.drafterRoles} />
							)}
						</div>
					) : (
						<div className="table-wrap">
							<table className="table">
								<thead>
									<tr>
										<th scope="col">{t("docs.col.version")}</th>
										<th scope="col">{t("docs.col.status")}</th>
										<th scope="col">{t("docs.col.summary")}</th>
										<th scope="col">{t("docs.col.date")}</th>
										<th scope="col">{t("docs.col.actions")}</th>
									</tr>
								</thead>
								<tbody>
									{doc.versions.map((v) => (
										<tr key={v.id}>
											<td>
												{doc.readable ? (
													<Link to={versionPath(v.id)}>
														{t("docs.versionNumber", { number: v.number })}
													</Link>
												) : (
													t("docs.versionNumber", { number: v.number })
												)}
											</td>
											<td>
												<span className={`badge version-status-${v.status}`}>
													{t(`docs.status.${v.status}`)}
												</span>
											</td>
											<td>{v.changeSummary}</td>
											<td>{date(latestDate(v))}</td>
											<td>
												<VersionActions
													version={v}
													onDone={async (message) => {
														setStatus(message);
														await load();
													}}
													onError={setError}
												/>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}

					<h2>{t("docs.revisions")}</h2>
					<RevisionTable revisions={doc.revisions} />
					{uploading ? (
						<UploadDraftDialog
							documentId={doc.id}
							onClose={() => setUploading(false)}
							onCreated={() => void load()}
						/>
					) : null}
				</>
			) : null}
		</section>
	);
}
