import { useCallback, useEffect, useState } from "react";

/**
 * A list a case section shows beside the case (its tasks, its evidence files): loaded when the
 * section opens, with the section's error and status line. `changed` reads the list and the case
 * (for its timeline) afresh after a change, then says what happened.
 *
 * @example
 * const { list, changed } = useCaseList(incident.id, reload, (id) => call(api.GET(...)));
 */
export function useCaseList<T>(
	incidentId: string,
	reloadCase: () => Promise<void>,
	fetchList: (incidentId: string) => Promise<T>,
) {
	const [list, setList] = useState<T | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);

	// biome-ignore lint/correctness/useExhaustiveDependencies: the fetcher is a per-render closure over the case id only
	const load = useCallback(async () => {
		try {
			setList(await fetchList(incidentId));
		} catch (failure) {
			setError(failure);
		}
	}, [incidentId]);

	useEffect(() => {
		void load();
	}, [load]);

	const changed = useCallback(
		async (message: string) => {
			setError(null);
			await Promise.all([load(), reloadCase()]);
			setStatus(message);
		},
		[load, reloadCase],
	);

	return { list, error, setError, status, changed };
}
