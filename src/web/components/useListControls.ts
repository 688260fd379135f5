import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { UrlValues } from "./url-params.ts";
import { useUrlParams } from "./useUrlParams.ts";

export type SortOrder = "asc" | "desc";

/**
 * The state of a server-side list: the filter being typed (`draft`), and the filter applied, the
 * sort and the page offset, which live in the address (reload, back and a shared link keep them).
 * Applying a filter, resetting it or changing the sort returns to page one. Clicking the sorted
 * column again flips its order; a new column starts at `firstOrder`.
 *
 * @example
 * const list = useListControls({ q: "" }, { by: "code", order: "asc" }, "asc");
 * <form onSubmit={list.submit}>…</form>
 */
export function useListControls<
	F extends { q: string } & Record<keyof F, string>,
	S extends string,
>(emptyFilter: F, defaultSort: { by: S; order: SortOrder }, firstOrder: SortOrder) {
	const [params, setParams] = useUrlParams<UrlValues>({
		...(emptyFilter as UrlValues),
		sort: defaultSort.by,
		order: defaultSort.order,
		offset: "0",
	});
	const { sort: by, order, offset: at, ...rest } = params;
	const filterKey = JSON.stringify(rest);
	// The same objects while the address says the same, so that loaders keyed on them run once.
	const filter = useMemo(() => JSON.parse(filterKey) as F, [filterKey]);
	const [draft, setDraft] = useState<F>(filter);
	// Back, forward or a link changed the applied filter: show it in the form too.
	useEffect(() => setDraft(filter), [filter]);

	const sort = useMemo(
		() => ({ by: by as S, order: (order === "desc" ? "desc" : "asc") as SortOrder }),
		[by, order],
	);
	const offset = Math.max(0, Number.parseInt(at ?? "0", 10) || 0);

	function submit(event: FormEvent) {
		event.preventDefault();
		setParams({ ...(draft as UrlValues), q: draft.q.trim(), offset: "0" });
	}

	function reset() {
		setDraft(emptyFilter);
		setParams({ ...(emptyFilter as UrlValues), offset: "0" });
	}

	function sortBy(column: S) {
		const flipped: SortOrder = firstOrder === "asc" ? "desc" : "asc";
		const next = sort.by === column && sort.order === firstOrder ? flipped : firstOrder;
		setParams({ sort: column, order: next, offset: "0" });
	}

	function setOffset(next: number) {
		setParams({ offset: String(next) });
	}

	return { draft, setDraft, filter, sort, offset, setOffset, submit, reset, sortBy };
}
