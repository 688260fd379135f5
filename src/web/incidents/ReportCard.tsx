import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";

/** Home: report an incident in one tap, and find one's reports. */
export function IncidentReportCard() {
	const { t } = useI18n();
	const can = useCan();
	if (!can("incident.report")) return null;
	return (
		<section className="card" aria-labelledby="home-incident" data-testid="home-incident">
			<h2 id="home-incident">{t("incidents.home.title")}</h2>
			<p>{t("incidents.home.lead")}</p>
			<div className="button-row">
				<Link to="/incidents/report" className="button button-primary">
					{t("incidents.nav.report")}
				</Link>
				<Link to="/incidents/mine" className="button">
					{t("incidents.nav.mine")}
				</Link>
			</div>
		</section>
	);
}
