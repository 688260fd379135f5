import "../styles/policies.css";
import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { AcknowledgementList } from "./AcknowledgementList.tsx";
import { Notifications } from "./Notifications.tsx";
import { documentPath, type PolicyDocumentSummary } from "./types.ts";

/** Policy documents in their hierarchy, with what the caller must acknowledge first. */
export function PoliciesPage() {
	const { t } = useI18n();
	const [documents, setDocuments] = useState<PolicyDocumentSummary[] | null>(null);
	const [error, setError] = useState<unknown>(null);

	const load = useCallback(async () => {
		try {
			setDocuments((await call(api.GET("/api/policy-documents"))).items);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	return (
		<section className="page">
			<h1>{t("docs.title")}</h1>
			<p className="lead">{t("docs.lead")}</p>
			<Notifications />
			<AcknowledgementList />
			<h2>{t("docs.hierarchy")}</h2>
			<ErrorAlert error={error} />
			{documents ? (
				<ol className="doc-hierarchy">
					{documents.map((doc) => (
						<li key={doc.id} className={`card doc-card doc-kind-${doc.kind}`}>
							<p className="doc-kind">{t(`docs.kind.${doc.kind}`)}</p>
							<h3>
								<Link to={documentPath(doc.id)}>{doc.title}</Link>
							</h3>
							<p className="tag-list">
								<span className={`tag doc-publication-${doc.publication}`}>
									{t(`docs.publication.${doc.publication}`)}
								</span>
								<span className="tag">
									{doc.publishedVersion === null
										? t("docs.noPublished")
										: t("docs.publishedVersion", { number: doc.publishedVersion })}
								</span>
								{doc.readable ? null : <span className="tag">{t("docs.notReadable")}</span>}
							</p>
						</li>
					))}
				</ol>
			) : null}
		</section>
	);
}
