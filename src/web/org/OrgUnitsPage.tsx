import "../styles/org.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api, call, type OrgUnit } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { OrgUnitEditDialog } from "./OrgUnitEditDialog.tsx";
import { OrgUnitForm } from "./OrgUnitForm.tsx";
import type { OrgRoleHolder, OrgTree, OrgTreeNode } from "./types.ts";

function toUnit(node: OrgTreeNode): OrgUnit {
	return {
		id: node.id,
		code: node.code,
		name: node.name,
		kind: node.kind,
		parentId: node.parentId,
		displayOrder: node.displayOrder,
		allowedActions: [],
	};
}

function Holders({ holders }: { holders: OrgRoleHolder[] }) {
	const { t, label } = useI18n();
	const { date } = useDates();
	if (holders.length === 0) return <span className="muted">{t("org.tree.noHolders")}</span>;
	return (
		<ul className="org-holders">
			{holders.map((holder) => (
				<li key={holder.assignmentId}>
					<span className="badge">{label("role", holder.role)}</span> {holder.displayName}
					<span className="muted org-since">
						{t("org.tree.since", { date: date(holder.validFrom) })}
					</span>
				</li>
			))}
		</ul>
	);
}

/**
 * The organisation as a tree: expand and collapse units, see who holds which role for each unit
 * and how many staff it has, add, rename and move units.
 */
export function OrgUnitsPage() {
	const { t, label } = useI18n();
	const can = useCan();
	const [tree, setTree] = useState<OrgTree | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
	const [editing, setEditing] = useState<OrgTreeNode | null>(null);
	const [status, setStatus] = useState<string | null>(null);

	const reload = useCallback(async () => {
		try {
			setTree(await call(api.GET("/api/org-units/tree")));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void reload();
	}, [reload]);

	const items = tree?.items ?? [];
	const units = useMemo(() => items.map(toUnit), [items]);
	const parents = useMemo(() => new Set(items.map((n) => n.parentId).filter(Boolean)), [items]);
	const byId = useMemo(() => new Map(items.map((n) => [n.id, n])), [items]);
	const hidden = (node: OrgTreeNode): boolean => {
		let parent = node.parentId ? byId.get(node.parentId) : undefined;
		while (parent) {
			if (collapsed.has(parent.id)) return true;
			parent = parent.parentId ? byId.get(parent.parentId) : undefined;
		}
		return false;
	};
	const toggle = (id: string) =>
		setCollapsed((current) => {
			const next = new Set(current);
			if (next.has(id)) next.delete(id);
			else next.add(id);
			return next;
		});

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("org.title")}</h1>
			</div>
			<p className="lead">{t("org.tree.lead")}</p>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			<div className="button-row">
				<button
					type="button"
					className="button button-small"
					onClick={() => setCollapsed(new Set())}
				>
					{t("org.tree.expandAll")}
				</button>
				<button
					type="button"
					className="button button-small"
					onClick={() => setCollapsed(new Set([...parents].filter((p): p is string => !!p)))}
				>
					{t("org.tree.collapseAll")}
				</button>
			</div>
			<div className="table-wrap">
				<table className="table org-tree">
					<caption className="visually-hidden">{t("org.tree.title")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("org.name")}</th>
							<th scope="col">{t("org.code")}</th>
							<th scope="col">{t("org.kind")}</th>
							<th scope="col">{t("org.staff.title")}</th>
							<th scope="col">{t("org.roster.roles")}</th>
							{can("org_unit.update") ? (
								<th scope="col">
									<span className="visually-hidden">{t("org.edit")}</span>
								</th>
							) : null}
						</tr>
					</thead>
					<tbody>
						{items
							.filter((node) => !hidden(node))
							.map((node) => (
								<tr key={node.id}>
									<td>
										<span className={`tree-indent tree-depth-${Math.min(node.depth, 5)}`}>
											{parents.has(node.id) ? (
												<button
													type="button"
													className="button-icon org-toggle"
													aria-expanded={!collapsed.has(node.id)}
													aria-label={t(
														collapsed.has(node.id) ? "org.tree.expand" : "org.tree.collapse",
														{ name: node.name },
													)}
													onClick={() => toggle(node.id)}
												>
													{collapsed.has(node.id) ? "▸" : "▾"}
												</button>
											) : (
												<span className="org-toggle-space" aria-hidden="true" />
											)}
											{node.name}
										</span>
									</td>
									<td className="nowrap">
										<code>{node.code}</code>
									</td>
									<td className="nowrap">{label("org.kind", node.kind)}</td>
									<td className="nowrap">{t("org.tree.staffCount", { count: node.staffCount })}</td>
									<td>
										<Holders holders={node.roleHolders} />
									</td>
									{can("org_unit.update") ? (
										<td>
											<button
												type="button"
												className="button button-small"
												aria-label={t("org.editTitle", { name: node.name })}
												onClick={() => setEditing(node)}
											>
												{t("org.edit")}
											</button>
										</td>
									) : null}
								</tr>
							))}
					</tbody>
				</table>
				{tree && items.length === 0 ? (
					<EmptyState
						testId="org-units-empty"
						title={t("org.empty")}
						guidance={t("empty.orgUnits.guidance", { create: t("org.create") })}
						action="org_unit.create"
					>
						{can("roster.import") ? (
							<Link to="/roster" className="button">
								{t("empty.staff.action")}
							</Link>
						) : null}
					</EmptyState>
				) : null}
			</div>
			<section className="card" aria-labelledby="org-tenant-roles">
				<h2 id="org-tenant-roles">{t("org.tree.tenantRoles")}</h2>
				{tree && tree.tenantRoleHolders.length === 0 ? (
					<p className="muted">{t("org.tree.noTenantRoles")}</p>
				) : (
					<Holders holders={tree?.tenantRoleHolders ?? []} />
				)}
			</section>
			{can("org_unit.create") ? <OrgUnitForm units={units} onCreated={reload} /> : null}
			{editing ? (
				<OrgUnitEditDialog
					unit={toUnit(editing)}
					units={units}
					onClose={() => setEditing(null)}
					onSaved={async (name) => {
						setEditing(null);
						setStatus(t("org.updated", { name }));
						await reload();
					}}
				/>
			) : null}
		</section>
	);
}
