import { useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import type { AuditOptions } from "./types.ts";

/** The units, accounts and yearly plans the audit forms choose from; only for those who manage. */
export function useAuditOptions(enabled: boolean) {
	const [options, setOptions] = useState<AuditOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		if (!enabled) return;
		call(api.GET("/api/assurance/audits/options")).then(setOptions, setError);
	}, [enabled]);
	return { options, error };
}
