import { OverdueTakeOutsCard } from "../assets/custody/OverdueTakeOutsCard.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { MailDashboardCard } from "../mail/MailSummaryPanel.tsx";
import { PendingAcknowledgementsBadge } from "../policies/AcknowledgementList.tsx";
import { OverdueRisksCard } from "../risks/OverdueRisksCard.tsx";
import { Link } from "../router.tsx";
import { useActiveSession, useCan } from "../session.tsx";
import { MODULES, UPCOMING } from "../shell/modules.ts";

const LOW_RECOVERY_CODES = 3;

/** Home: a welcome, the caller's roles and login security, and the modules. */
export function DashboardPage() {
	const { t, label } = useI18n();
	const session = useActiveSession();
	const can = useCan();
	const { account } = session;
	const roles = session.roles.length > 0 ? session.roles : [{ role: "staff", orgUnitId: null }];
	const modules = MODULES.filter((module) => can(module.permission));

	return (
		<section className="page">
			<h1>{t("home.title")}</h1>
			<p className="lead">
				{t("home.welcome", { name: account.displayName, tenant: session.tenant.name })}
			</p>
			<PendingAcknowledgementsBadge />
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
			</div>

			<h2>{t("home.modules")}</h2>
			<ul className="cards cards-3 module-cards">
				{modules.map((module) => (
					<li key={module.path} className="card module-card">
						<h3>
							<Link to={module.path}>{t(module.label)}</Link>
						</h3>
						<p className="muted">{t(module.description)}</p>
					</li>
				))}
				{UPCOMING.map((module) => (
					<li key={module.label} className="card module-card is-disabled">
						<h3>
							{t(module.label)} <span className="badge badge-muted">{t("common.comingSoon")}</span>
						</h3>
						<p className="muted">{t(module.description)}</p>
					</li>
				))}
			</ul>
		</section>
	);
}
