import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { MODULES, type ModuleEntry, NAV_GROUPS, type NavGroup, UPCOMING } from "./modules.ts";

function matches(path: string, entry: string): boolean {
	return entry === "/" ? path === "/" : path === entry || path.startsWith(`${entry}/`);
}

/** The menu entry of the current page: the longest that matches (`/incidents/mine` over `/incidents`). */
function currentEntry(path: string, entries: readonly string[]): string | null {
	const found = entries.filter((entry) => matches(path, entry));
	return found.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The modules the caller's roles may open, by group, in the menu's order; empty groups are left out. */
export function visibleGroups(
	can: (action: string) => boolean,
): { group: NavGroup; modules: ModuleEntry[] }[] {
	return NAV_GROUPS.map((group) => ({
		group,
		modules: MODULES.filter((module) => module.group === group && can(module.permission)),
	})).filter((entry) => entry.modules.length > 0);
}

function NavLink({
	path,
	current,
	label,
}: {
	path: string;
	current: string | null;
	label: string;
}) {
	return (
		<li>
			<Link
				to={path}
				className="side-nav-link"
				aria-current={current === path ? "page" : undefined}
			>
				{label}
			</Link>
		</li>
	);
}

/** The module menu, grouped, following the caller's permissions; modules to come are shown disabled. */
export function SideNav({ path }: { path: string }) {
	const { t } = useI18n();
	const can = useCan();
	const groups = visibleGroups(can);
	const current = currentEntry(path, [
		"/",
		...groups.flatMap((group) => group.modules.map((module) => module.path)),
	]);
	return (
		<nav className="side-nav" aria-label={t("shell.mainNav")}>
			<ul className="side-nav-list">
				<NavLink path="/" current={current} label={t("nav.home")} />
			</ul>
			{groups.map(({ group, modules }) => (
				<div key={group} className="side-nav-group">
					<h2 className="side-nav-heading" id={`nav-group-${group}`}>
						{t(`nav.group.${group}` as MessageKey)}
					</h2>
					<ul className="side-nav-list" aria-labelledby={`nav-group-${group}`}>
						{modules.map((module) => (
							<NavLink
								key={module.path}
								path={module.path}
								current={current}
								label={t(module.label)}
							/>
						))}
					</ul>
				</div>
			))}
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
