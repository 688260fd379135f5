import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { MODULES, UPCOMING } from "./modules.ts";

function isCurrent(path: string, entry: string): boolean {
	return entry === "/" ? path === "/" : path === entry || path.startsWith(`${entry}/`);
}

/** The module menu, following the caller's permissions; modules to come are shown disabled. */
export function SideNav({ path }: { path: string }) {
	const { t } = useI18n();
	const can = useCan();
	const entries = [
		{ path: "/", label: t("nav.home") },
		...MODULES.filter((module) => can(module.permission)).map((module) => ({
			path: module.path,
			label: t(module.label),
		})),
	];
	return (
		<nav className="side-nav" aria-label={t("shell.mainNav")}>
			<ul className="side-nav-list">
				{entries.map((entry) => (
					<li key={entry.path}>
						<Link
							to={entry.path}
							className="side-nav-link"
							aria-current={isCurrent(path, entry.path) ? "page" : undefined}
						>
							{entry.label}
						</Link>
					</li>
				))}
			</ul>
			<h2 className="side-nav-heading">{t("nav.upcoming")}</h2>
			<ul className="side-nav-list">
				{UPCOMING.map((entry) => (
					<li key={entry.label}>
						<span className="side-nav-link is-disabled" aria-disabled="true">
							{t(entry.label)}
							<span className="badge badge-muted">{t("common.comingSoon")}</span>
						</span>
					</li>
				))}
			</ul>
		</nav>
	);
}
