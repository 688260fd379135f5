import { type FormEvent, useState } from "react";

export type SortOrder = "asc" | "desc";

/**
 * The state of a server-side list: the filter being typed (`draft`), the filter applied, the sort
 * and the page offset. Applying a filter, resetting it or changing the sort returns to page one.
 * Clicking the sorted column again flips its order; a new column starts at `firstOrder`.
 *
 * @example
 * const list = useListControls({ q: "" }, { by: "code", order: "asc" }, "asc");
 * <form onSubmit={list.submit}>…</form>
 */
export function useListControls<F extends { q: string }, S extends string>(
	initialFilter: F,
	initialSort: { by: S; order: SortOrder },
	firstOrder: SortOrder,
	emptyFilter: F = initialFilter,
) {
	const [draft, setDraft] = useState<F>(initialFilter);
	const [filter, setFilter] = useState<F>(initialFilter);
	const [sort, setSort] = useState(initialSort);
	const [offset, setOffset] = useState(0);

	function submit(event: FormEvent) {
		event.preventDefault();
		setOffset(0);
		setFilter({ ...draft, q: draft.q.trim() });
	}

	function reset() {
		setDraft(emptyFilter);
		setFilter(emptyFilter);
		setOffset(0);
	}

	function sortBy(by: S) {
		setOffset(0);
		const flipped: SortOrder = firstOrder === "asc" ? "desc" : "asc";
		setSort((current) => ({
			by,
			order: current.by === by && current.order === firstOrder ? flipped : firstOrder,
		}));
	}

	return { draft, setDraft, filter, sort, offset, setOffset, submit, reset, sortBy };
}
