import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import type { Risk } from "./labels.ts";

const SHOWN = 5;

/** Dashboard card: the caller's risks whose treatment is overdue, earliest first. */
export function OverdueRisksCard() {
	const { t } = useI18n();
	const { date } = useDates();
	const [page, setPage] = useState<{ items: Risk[]; total: number } | null>(null);

	useEffect(() => {
		let current = true;
		const query = { overdue: "true", sort: "treatment_due", order: "asc", limit: SHOWN } as const;
		call(api.GET("/api/risks", { params: { query } })).then(
			(result) => {
				if (current) setPage(result);
			},
			() => {
				if (current) setPage(null);
			},
		);
		return () => {
			current = false;
		};
	}, []);

	return (
		<section className="card" aria-labelledby="home-overdue-risks">
			<h2 id="home-overdue-risks">{t("risks.card.title")}</h2>
			{page === null ? null : page.total === 0 ? (
				<p className="state state-ok">{t("risks.card.none")}</p>
			) : (
				<>
					<p className="state state-warn">{t("risks.card.count", { count: page.total })}</p>
					<ul className="risk-card-list">
						{page.items.map((risk) => (
							<li key={risk.id}>
								<Link to={`/risks/${encodeURIComponent(risk.id)}`}>{risk.title}</Link>{" "}
								<span className="muted">
									{t("risks.card.due", { date: risk.treatmentDue ? date(risk.treatmentDue) : "" })}
								</span>
							</li>
						))}
					</ul>
					<p>
						<Link to="/risks/overdue">{t("risks.card.all")}</Link>
					</p>
				</>
			)}
		</section>
	);
}
