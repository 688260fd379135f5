import { useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import type { FindingOptions } from "./types.ts";

/** The units and accounts the findings forms choose from, and today in Japan. */
export function useFindingOptions() {
	const [options, setOptions] = useState<FindingOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
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
	}, []);
	return { options, error };
}
