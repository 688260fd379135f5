import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useUrlParams } from "../components/useUrlParams.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { HeatMap } from "./HeatMap.tsx";
import { BASES, basisKey, type RiskHeatMap } from "./labels.ts";
import { RiskTabs } from "./RiskTabs.tsx";
import { useRiskOptions } from "./useRiskOptions.ts";
import "./risks.css";

/** The heat map of the caller's risks that are not closed, on the inherent or residual rating. */
export function HeatMapPage() {
	const { t } = useI18n();
	const { options, error: optionsError } = useRiskOptions();
	// The basis and the closed risks' switch live in the address, like the register's filters.
	const [params, setParams] = useUrlParams({ basis: "residual", closed: "" });
	const basis = BASES.find((value) => value === params.basis) ?? "residual";
	const includeClosed = params.closed === "1";
	const [map, setMap] = useState<RiskHeatMap | null>(null);
	const [error, setError] = useState<unknown>(null);
	const status = includeClosed ? undefined : ("active" as const);

	useEffect(() => {
		let current = true;
		call(
			api.GET("/api/risks/heat-map", {
				params: { query: { basis, ...(status ? { status } : {}) } },
			}),
		).then(
			(result) => {
				if (current) setMap(result);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [basis, status]);

	return (
		<section className="page risks-page">
			<div className="page-header">
				<h1>{t("risks.heatMapTitle")}</h1>
			</div>
			<RiskTabs current="/risks/heat-map" />
			<p className="lead">{t("risks.heatMapLead")}</p>
			<div className="toolbar">
				<label className="filter">
					<span>{t("risks.filter.basis")}</span>
					<select
						name="basis"
						value={basis}
						onChange={(event) => setParams({ basis: event.target.value })}
					>
						{BASES.map((value) => (
							<option key={value} value={value}>
								{t(basisKey(value))}
							</option>
						))}
					</select>
				</label>
				<label className="checkbox">
					<input
						type="checkbox"
						checked={includeClosed}
						onChange={(event) => setParams({ closed: event.target.checked ? "1" : "" })}
					/>{" "}
					{t("risks.includeClosed")}
				</label>
			</div>
			<ErrorAlert error={error ?? optionsError} />
			{map && options ? (
				<>
					<HeatMap map={map} matrix={options.matrix} linkQuery={status ? { status } : {}} />
					<p className="muted">
						{t("risks.heatMapTotal", { count: map.total })}
						{map.outside > 0 ? ` ${t("risks.heatMapOutside", { count: map.outside })}` : ""}
					</p>
				</>
			) : null}
		</section>
	);
}
