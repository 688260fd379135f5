import { useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import type { FindingOptions } from "./types.ts";

/** The units and accounts the findings forms choose from, and today in Japan (once `enabled`). */
export function useFindingOptions(enabled = true) {
	const [options, setOptions] = useState<FindingOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		if (!enabled) return;
		let current = true;
		call(api.GET("/api/findings/options")).then(
			(result) => {
				if (current) setOptions(result);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [enabled]);
	return { options, error };
}
