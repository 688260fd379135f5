import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import type { RiskOptions } from "./labels.ts";

/** The tenant's threats, matrix, units and people for the register's screens. */
export function useRiskOptions(): { options: RiskOptions | null; error: unknown } {
	const [options, setOptions] = useState<RiskOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		let current = true;
		call(api.GET("/api/risks/options")).then(
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
