import { OverdueTakeOutsCard } from "../assets/custody/OverdueTakeOutsCard.tsx";
import { BackupStatusCard } from "../home/BackupStatusCard.tsx";
import { MyWork } from "../home/MyWork.tsx";
import { SetupChecklist } from "../home/SetupChecklist.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { IncidentStatsCard } from "../incidents/IncidentStatsCard.tsx";
import { IncidentReportCard } from "../incidents/ReportCard.tsx";
import { MailDashboardCard } from "../mail/MailSummaryPanel.tsx";
import { OverdueRisksCard } from "../risks/OverdueRisksCard.tsx";
import { Link } from "../router.tsx";
import { useActiveSession, useCan } from "../session.tsx";
import { UPCOMING } from "../shell/modules.ts";
import { visibleGroups } from "../shell/SideNav.tsx";
import { TrainingHomeCard } from "../training/TrainingHomeCard.tsx";

const LOW_RECOVERY_CODES = 3;

/**
 * Home: a welcome, the first steps while the tenant is not set up, what waits for the caller,
 * their roles and login security, and the modules they may open, by group.
 */
export function DashboardPage() {
	const { t, label } = useI18n();
	const session = useActiveSession();
	const can = useCan();
	const { account } = session;
	const roles = session.roles.length > 0 ? session.roles : [{ role: "staff", orgUnitId: null }];
	const groups = visibleGroups(can);

	return (
		<section className="page">
			<h1>{t("home.title")}</h1>
			<p className="lead">
				{t("home.welcome", { name: account.displayName, tenant: session.tenant.name })}
			</p>
			<SetupChecklist />
			<BackupStatusCard />
			<IncidentReportCard />
			<MyWork />
			<OverdueTakeOutsCard />

			<div className="cards cards-2">
				<section className="card" aria-labelledby="home-roles">
					<h2 id="home-roles">{t("home.yourRoles")}</h2>
					<ul className="tag-list">
						{roles.map((held) => (
							<li key={`${held.role}:${held.orgUnitId ?? ""}`} className="tag">
								{label("role", held.role)}
							</li>
						))}
					</ul>
				</section>
				<section className="card" aria-labelledby="home-security">
					<h2 id="home-security">{t("home.security")}</h2>
					<p className={account.mfaEnrolled ? "state state-ok" : "state state-warn"}>
						{t(account.mfaEnrolled ? "home.mfaOn" : "home.mfaOff")}
					</p>
					{account.mfaEnrolled ? (
						<p className="muted">{t("home.recoveryLeft", { count: account.recoveryCodesLeft })}</p>
					) : null}
					{account.mfaEnrolled && account.recoveryCodesLeft <= LOW_RECOVERY_CODES ? (
						<p className="alert alert-warning">{t("home.recoveryLow")}</p>
					) : null}
				</section>
				{can("mail.summary") ? <MailDashboardCard /> : null}
				{can("risk.read") ? <OverdueRisksCard /> : null}
				{can("incident.stats") ? <IncidentStatsCard /> : null}
				<TrainingHomeCard />
			</div>

			<h2>{t("home.modules")}</h2>
			{groups.map(({ group, modules }) => (
				<section key={group} aria-labelledby={`home-group-${group}`}>
					<h3 id={`home-group-${group}`}>{t(`nav.group.${group}` as MessageKey)}</h3>
					<ul className="cards cards-3 module-cards">
						{modules.map((module) => (
							<li key={module.path} className="card module-card">
								<h4>
									<Link to={module.path}>{t(module.label)}</Link>
								</h4>
								<p className="muted">{t(module.description)}</p>
							</li>
						))}
					</ul>
				</section>
			))}
			<h3>{t("nav.upcoming")}</h3>
			<ul className="cards cards-3 module-cards">
				{UPCOMING.map((module) => (
					<li key={module.label} className="card module-card is-disabled">
						<h4>
							{t(module.label)} <span className="badge badge-muted">{t("common.comingSoon")}</span>
						</h4>
						<p className="muted">{t(module.description)}</p>
					</li>
				))}
			</ul>
		</section>
	);
}
