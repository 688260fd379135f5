import { useCallback, useEffect, useMemo, useState } from "react";
import { api, call, type OrgUnit } from "../api/client.ts";

/** The tenant's org units, a lookup by id, and a reload for after changes. */
export function useOrgUnits() {
	const [units, setUnits] = useState<OrgUnit[]>([]);
	const [error, setError] = useState<unknown>(null);

	const reload = useCallback(async () => {
		try {
			const { items } = await call(api.GET("/api/org-units"));
			setUnits(items);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);

	useEffect(() => {
		void reload();
	}, [reload]);

	const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
	return { units, byId, error, reload };
}

/** Units in tree order (parents before children) with their depth, for lists and selects. */
export function inTreeOrder(units: OrgUnit[]): { unit: OrgUnit; depth: number }[] {
	const children = new Map<string | null, OrgUnit[]>();
	const ids = new Set(units.map((unit) => unit.id));
	for (const unit of units) {
		const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
		children.set(parent, [...(children.get(parent) ?? []), unit]);
	}
	const ordered: { unit: OrgUnit; depth: number }[] = [];
	const visit = (parent: string | null, depth: number) => {
		// The city's order (行政組織規則 order), then the code, as the server sorts.
		const list = [...(children.get(parent) ?? [])].sort(
			(a, b) => a.displayOrder - b.displayOrder || a.code.localeCompare(b.code),
		);
		for (const unit of list) {
			ordered.push({ unit, depth });
			visit(unit.id, depth + 1);
		}
	};
	visit(null, 0);
	return ordered;
}
