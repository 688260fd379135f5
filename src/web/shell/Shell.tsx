import { lazy, type ReactElement, Suspense, useEffect, useRef } from "react";
import { AccountDetailPage } from "../accounts/AccountDetailPage.tsx";
import { AccountsPage } from "../accounts/AccountsPage.tsx";
import { ApiTokensPage } from "../api-tokens/ApiTokensPage.tsx";
import { assuranceAuditsPage } from "../assurance/audits/routes.tsx";
import { campaignsPage } from "../assurance/campaigns/routes.tsx";
import { checklistsPage } from "../assurance/checklists/routes.tsx";
import { findingsPage } from "../assurance/findings/routes.tsx";
import {
	STATUS_REPORT_PATH,
	StatusReportPage,
} from "../assurance/status-report/StatusReportPage.tsx";
import { cloudServicesPage } from "../cloud-services/routes.tsx";
import { Brand } from "../components/Brand.tsx";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { contractsPage } from "../contracts/routes.tsx";
import { DirectorySettingsPage } from "../directory/DirectorySettingsPage.tsx";
import { drillsPage } from "../drills/routes.tsx";
import { exceptionsPage } from "../exceptions/routes.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { incidentsPage } from "../incidents/routes.tsx";
import { mailPage } from "../mail/routes.tsx";
import { myNumberPage } from "../my-number/routes.tsx";
import { OrgUnitsPage } from "../org/OrgUnitsPage.tsx";
import { StaffPage } from "../org/StaffPage.tsx";
import { PolicyPackPage } from "../pack/PolicyPackPage.tsx";
import { DashboardPage } from "../pages/DashboardPage.tsx";
import { MyAccountPage } from "../pages/MyAccountPage.tsx";
import { ForbiddenPage, NotFoundPage } from "../pages/StatusPages.tsx";
import { policiesPage } from "../policies/routes.tsx";
import { risksPage } from "../risks/routes.tsx";
import { Link, usePath } from "../router.tsx";
import { secureAreasPage } from "../secure-areas/routes.tsx";
import { useActiveSession, useCan, useSession } from "../session.tsx";
import { TenantSettingsPage } from "../settings/TenantSettingsPage.tsx";
import { socialMediaPage } from "../social-media/routes.tsx";
import { trainingPage } from "../training/routes.tsx";
import { WebhooksPage } from "../webhooks/WebhooksPage.tsx";
import { SideNav } from "./SideNav.tsx";

// Larger pages load on first visit, so the first screen (sign-in, dashboard) stays small.
const AssetDetailPage = lazy(() =>
	import("../assets/AssetDetailPage.tsx").then((m) => ({ default: m.AssetDetailPage })),
);
const AssetsPage = lazy(() =>
	import("../assets/AssetsPage.tsx").then((m) => ({ default: m.AssetsPage })),
);
const AssetCustodyPage = lazy(() =>
	import("../assets/custody/AssetCustodyPage.tsx").then((m) => ({ default: m.AssetCustodyPage })),
);
const DisposalsPage = lazy(() =>
	import("../assets/custody/DisposalsPage.tsx").then((m) => ({ default: m.DisposalsPage })),
);
const TakeOutsPage = lazy(() =>
	import("../assets/custody/TakeOutsPage.tsx").then((m) => ({ default: m.TakeOutsPage })),
);
const AuditPage = lazy(() =>
	import("../audit-log/AuditPage.tsx").then((m) => ({ default: m.AuditPage })),
);
const NetworkPage = lazy(() =>
	import("../network/NetworkPage.tsx").then((m) => ({ default: m.NetworkPage })),
);
const RosterPage = lazy(() =>
	import("../org/RosterPage.tsx").then((m) => ({ default: m.RosterPage })),
);
const GapAnalysisPage = lazy(() =>
	import("../pack/GapAnalysisPage.tsx").then((m) => ({ default: m.GapAnalysisPage })),
);
const ReviewsPage = lazy(() =>
	import("../pack/ReviewsPage.tsx").then((m) => ({ default: m.ReviewsPage })),
);

function Page({ path }: { path: string }) {
	const can = useCan();
	const guard = (permission: string, page: ReactElement) =>
		can(permission) ? page : <ForbiddenPage />;
	if (path === "/") return <DashboardPage />;
	if (path === "/account") return <MyAccountPage />;
	if (path === "/accounts") return guard("account.read", <AccountsPage />);
	const account = /^\/accounts\/([^/]+)$/.exec(path);
	if (account?.[1]) {
		const id = decodeURIComponent(account[1]);
		return guard("account.read", <AccountDetailPage key={id} id={id} />);
	}
	if (path === "/org-units") return guard("org_unit.read", <OrgUnitsPage />);
	if (path === "/staff") return guard("staff.read", <StaffPage />);
	if (path === "/roster") return guard("roster.import", <RosterPage />);
	if (path === "/audit-log") return guard("audit-log.read", <AuditPage />);
	if (path === "/assets") return guard("asset.read", <AssetsPage />);
	if (path === "/take-outs") return guard("take_out.read", <TakeOutsPage />);
	if (path === "/disposals") return guard("disposal.read", <DisposalsPage />);
	const custody = /^\/assets\/([^/]+)\/custody$/.exec(path);
	if (custody?.[1]) {
		const id = decodeURIComponent(custody[1]);
		return guard("asset.read", <AssetCustodyPage key={id} id={id} />);
	}
	const asset = /^\/assets\/([^/]+)$/.exec(path);
	if (asset?.[1]) {
		const id = decodeURIComponent(asset[1]);
		return guard("asset.read", <AssetDetailPage key={id} id={id} />);
	}
	if (path === "/network") return guard("network.read", <NetworkPage />);
	if (path === "/policy-pack") return guard("policy_pack.read", <PolicyPackPage />);
	if (path === "/policy-gap") return guard("policy_gap.analyse", <GapAnalysisPage />);
	if (path === "/policy-reviews") return guard("policy_review.read", <ReviewsPage />);
	if (path === "/settings") return guard("tenant.settings_read", <TenantSettingsPage />);
	if (path === "/settings/webhooks") return guard("webhook.read", <WebhooksPage />);
	if (path === "/settings/api-tokens") return guard("api_token.manage", <ApiTokensPage />);
	if (path === "/directory") return guard("directory.configure", <DirectorySettingsPage />);
	const mail = mailPage(path);
	if (mail) return guard("mail.read", mail);
	const policies = policiesPage(path);
	if (policies) return guard("policy_document.read", policies);
	const risks = risksPage(path);
	if (risks) return guard("risk.read", risks);
	const incidents = incidentsPage(path);
	if (incidents) return guard(incidents.permission, incidents.page);
	const drills = drillsPage(path);
	if (drills) return guard("drill.read", drills);
	const exceptions = exceptionsPage(path);
	if (exceptions) return guard("exception.read", exceptions);
	const socialMedia = socialMediaPage(path);
	// Absent from the session where the pack has no social-media provision: no such page there.
	if (socialMedia) return can("social_media.read") ? socialMedia : <NotFoundPage />;
	const myNumber = myNumberPage(path);
	// Absent from the session where the pack has no 特定個人情報 provision or the caller has no
	// affair in charge: no such page there.
	if (myNumber) return can("my_number.read") ? myNumber : <NotFoundPage />;
	const secureAreas = secureAreasPage(path);
	if (secureAreas) return guard("secure_area.read", secureAreas);
	const training = trainingPage(path);
	if (training) return guard(training.action, training.page);
	const cloudServices = cloudServicesPage(path);
	if (cloudServices) return guard("cloud_service.read", cloudServices);
	const contracts = contractsPage(path);
	if (contracts) return guard("contract.read", contracts);
	const campaigns = campaignsPage(path);
	if (campaigns) return guard("assurance_campaign.list", campaigns);
	const checklists = checklistsPage(path);
	if (checklists) return guard("assurance_checklist.read", checklists);
	const findings = findingsPage(path);
	if (findings) return guard("finding.read", findings);
	if (path === STATUS_REPORT_PATH) {
		return guard("assurance_status_report.read", <StatusReportPage />);
	}
	const audits = assuranceAuditsPage(path);
	if (audits) return guard(audits.permission, audits.page);
	return <NotFoundPage />;
}

/** The logged-in frame: header, side navigation, and the page of the current path. */
export function Shell() {
	const { t } = useI18n();
	const session = useActiveSession();
	const { logout } = useSession();
	const path = usePath();
	const mainRef = useRef<HTMLElement>(null);
	const firstPath = useRef(path);

	// After in-app navigation, move focus to the new page's heading so it is announced.
	useEffect(() => {
		if (path === firstPath.current) return;
		firstPath.current = "";
		const heading = mainRef.current?.querySelector("h1");
		if (heading instanceof HTMLElement) {
			heading.tabIndex = -1;
			heading.focus();
		}
	}, [path]);

	return (
		<div className="app">
			<a className="skip-link" href="#main">
				{t("app.skipToContent")}
			</a>
			<header className="app-header">
				<div className="app-header-start">
					<Brand inverse />
					<span className="app-tenant">
						<span className="visually-hidden">{t("shell.tenant")}: </span>
						{session.tenant.name}
					</span>
				</div>
				<div className="app-header-end">
					<LanguageSwitch />
					<Link to="/account" className="app-user" title={t("myAccount.title")}>
						<span className="visually-hidden">{t("shell.user")}: </span>
						{session.account.displayName}
						<span className="app-username">({session.account.username})</span>
					</Link>
					<button type="button" className="button button-header" onClick={() => void logout()}>
						{t("shell.logout")}
					</button>
				</div>
			</header>
			<div className="app-body">
				<SideNav path={path} />
				<main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
					<Suspense fallback={<p className="page">{t("app.loading")}</p>}>
						<Page path={path} />
					</Suspense>
				</main>
			</div>
		</div>
	);
}
