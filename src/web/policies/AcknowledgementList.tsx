import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { type AcknowledgementItem, versionPath } from "./types.ts";

/** The caller's 要確認 list: published versions to read and acknowledge. */
export function AcknowledgementList() {
	const { t } = useI18n();
	const { date } = useDates();
	const [items, setItems] = useState<AcknowledgementItem[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		call(api.GET("/api/policy-acknowledgements"))
			.then((result) => setItems(result.items))
			.catch(setError);
	}, []);
	return (
		<section className="card" aria-labelledby="ack-title">
			<h2 id="ack-title">{t("docs.ack.title")}</h2>
			<p className="muted">{t("docs.ack.lead")}</p>
			<ErrorAlert error={error} />
			{items && items.length === 0 ? <p>{t("docs.ack.none")}</p> : null}
			{items && items.length > 0 ? (
				<ul className="ack-list">
					{items.map((item) => (
						<li key={item.versionId} className="ack-item">
							<Link to={versionPath(item.versionId)}>
								{item.documentTitle} {t("docs.versionNumber", { number: item.number })}
							</Link>
							{item.acknowledgedAt ? (
								<span className="state state-ok">
									{t("docs.ack.done", { date: date(item.acknowledgedAt) })}
								</span>
							) : (
								<span className="badge badge-warn">{t("docs.ack.title")}</span>
							)}
						</li>
					))}
				</ul>
			) : null}
		</section>
	);
}
