import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";

const TABS = [
	{ path: "/risks", key: "risks.tab.register" },
	{ path: "/risks/heat-map", key: "risks.tab.heatMap" },
	{ path: "/risks/overdue", key: "risks.tab.overdue" },
] as const;

/** The register's three views. */
export function RiskTabs({ current }: { current: (typeof TABS)[number]["path"] }) {
	const { t } = useI18n();
	return (
		<nav className="risk-tabs" aria-label={t("risks.tabs")}>
			<ul>
				{TABS.map((tab) => (
					<li key={tab.path}>
						<Link to={tab.path} aria-current={tab.path === current ? "page" : undefined}>
							{t(tab.key)}
						</Link>
					</li>
				))}
			</ul>
		</nav>
	);
}
