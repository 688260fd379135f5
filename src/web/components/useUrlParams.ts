import { useCallback, useMemo } from "react";
import { navigate, useSearch } from "../router.tsx";
import { readParams, type UrlValues, writeParams } from "./url-params.ts";

/**
 * State kept in the page's address: reload, back/forward and a shared link all restore it. Each
 * change is a new history entry, so Back returns to the previous filter.
 *
 * @example
 * const [params, setParams] = useUrlParams({ status: "", offset: "0" });
 * setParams({ status: "held", offset: "0" });
 */
export function useUrlParams<T extends UrlValues>(defaults: T): [T, (changes: Partial<T>) => void] {
	const search = useSearch();
	const key = JSON.stringify(defaults);
	// biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the defaults' content
	const values = useMemo(() => readParams(search, defaults), [search, key]);
	const set = useCallback(
		(changes: Partial<T>) => {
			const next = writeParams(window.location.search, JSON.parse(key) as T, changes);
			navigate(`${window.location.pathname}${next}`);
		},
		[key],
	);
	return [values, set];
}

/**
 * A list's applied filter and page offset, kept in the address. Applying a filter returns to
 * page one. `filter` stays the same object while the address says the same.
 *
 * @example
 * const list = useUrlFilter({ status: "" });
 * list.apply({ status: "held" }); // → ?status=held
 */
export function useUrlFilter<F extends Record<keyof F, string>>(empty: F) {
	const [params, setParams] = useUrlParams<UrlValues>({ ...(empty as UrlValues), offset: "0" });
	const { offset: at, ...rest } = params;
	const key = JSON.stringify(rest);
	const filter = useMemo(() => JSON.parse(key) as F, [key]);
	const offset = Math.max(0, Number.parseInt(at ?? "0", 10) || 0);
	const apply = useCallback(
		(next: F) => setParams({ ...(next as UrlValues), offset: "0" }),
		[setParams],
	);
	const setOffset = useCallback((next: number) => setParams({ offset: String(next) }), [setParams]);
	return { filter, offset, apply, setOffset, key };
}
