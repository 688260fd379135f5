import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import type { DrillOptions } from "./types.ts";

/** The units and accounts the drill forms choose from; fetched only for those who manage drills. */
export function useDrillOptions(enabled: boolean) {
	const [options, setOptions] = useState<DrillOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	useEffect(() => {
		if (!enabled) return;
		call(api.GET("/api/drills/options")).then(setOptions, setError);
	}, [enabled]);
	return { options, error };
}
