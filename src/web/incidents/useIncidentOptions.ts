import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import type { IncidentOptions } from "./labels.ts";

/**
 * The pack's categories and severity scale, priorities, data kinds and units, for those who
 * oversee cases (`enabled`); a reporter does without them.
 */
export function useIncidentOptions(enabled = true): {
	options: IncidentOptions | null;
	error: unknown;
} {
	const [options, setOptions] = useState<IncidentOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		if (!enabled) return;
		let current = true;
		call(api.GET("/api/incidents/options")).then(
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
