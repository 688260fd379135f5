import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import "../styles/pack.css";
import { PackClassification } from "./PackClassification.tsx";
import { PackNetwork } from "./PackNetwork.tsx";
import { PackOverview } from "./PackOverview.tsx";
import { PackRevisions } from "./PackRevisions.tsx";
import { PackRules } from "./PackRules.tsx";
import type { Localized, TenantPolicyPack } from "./types.ts";

/** The tenant's policy pack, read-only: what every other module of the tenant follows. */
export function PolicyPackPage() {
	const { t, lang } = useI18n();
	const l = (text: Localized) => text[lang];
	const [data, setData] = useState<TenantPolicyPack | null>(null);
	const [error, setError] = useState<unknown>(null);

	useEffect(() => {
		let current = true;
		call(api.GET("/api/policy-pack"))
			.then((result) => {
				if (current) setData(result);
			})
			.catch((failure: unknown) => {
				if (current) setError(failure);
			});
		return () => {
			current = false;
		};
	}, []);

	return (
		<section className="page pack-page">
			<div className="page-header">
				<h1>{t("pack.title")}</h1>
			</div>
			<p className="lead">
				{data ? `${l(data.pack.name)} — ` : null}
				{t("pack.lead")}
			</p>
			<ErrorAlert error={error} />
			{data ? (
				<>
					<PackOverview data={data} />
					<PackClassification pack={data.pack} />
					<PackNetwork pack={data.pack} />
					<PackRules pack={data.pack} />
					<PackRevisions pack={data.pack} />
				</>
			) : error ? null : (
				<p aria-live="polite">{t("pack.loading")}</p>
			)}
		</section>
	);
}
