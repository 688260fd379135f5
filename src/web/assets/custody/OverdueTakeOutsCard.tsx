import { useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import type { TakeOut } from "./types.ts";

/** The dashboard card: approved take-outs past their end date and not yet returned. */
export function OverdueTakeOutsCard() {
	const { t } = useI18n();
	const { date } = useDates();
	const [overdue, setOverdue] = useState<{ items: TakeOut[]; total: number } | null>(null);
	useEffect(() => {
		call(api.GET("/api/take-outs", { params: { query: { status: "overdue", limit: 5 } } }))
			.then((result) => setOverdue({ items: result.items, total: result.total }))
			.catch(() => setOverdue(null));
	}, []);
	if (!overdue || overdue.total === 0) return null;
	return (
		<section
			className="card alert-warning"
			aria-labelledby="overdue-card"
			data-testid="overdue-take-outs"
		>
			<h2 id="overdue-card">{t("custody.takeOut.overdueCard", { count: overdue.total })}</h2>
			<ul>
				{overdue.items.map((item) => (
					<li key={item.id}>
						{item.asset.code} {item.asset.name} — {item.requestedBy}（
						{t("custody.takeOut.untilDate", { until: date(item.until) })}）
					</li>
				))}
			</ul>
			<p>
				<Link to="/take-outs">{t("custody.takeOut.openList")}</Link>
			</p>
		</section>
	);
}
