import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";
import { Link } from "../../router.tsx";
import { DisposalPanel } from "./DisposalPanel.tsx";
import { TakeOutPanel } from "./TakeOutPanel.tsx";
import type { Asset } from "./types.ts";

/** `/assets/{id}/custody`: an asset's take-outs and disposal, with its current state. */
export function AssetCustodyPage({ id }: { id: string }) {
	const { t } = useI18n();
	const [asset, setAsset] = useState<Asset | null>(null);
	const [error, setError] = useState<unknown>(null);
	const load = useCallback(async () => {
		try {
			setAsset(await call(api.GET("/api/assets/{id}", { params: { path: { id } } })));
		} catch (failure) {
			setError(failure);
		}
	}, [id]);
	useEffect(() => {
		void load();
	}, [load]);

	if (!asset) {
		return (
			<section className="page">
				<ErrorAlert error={error} />
			</section>
		);
	}
	return (
		<section className="page">
			<p>
				<Link to={`/assets/${encodeURIComponent(asset.id)}`}>← {asset.name}</Link>
			</p>
			<div className="page-header">
				<h1>{t("custody.page.title", { code: asset.code, name: asset.name })}</h1>
			</div>
			<p className="lead" data-testid="asset-lifecycle">
				{t("custody.page.state")}:{" "}
				<strong>{t(`custody.lifecycle.${asset.lifecycle}` as MessageKey)}</strong>
			</p>
			<TakeOutPanel asset={asset} onChanged={() => void load()} />
			<DisposalPanel asset={asset} onChanged={() => void load()} />
		</section>
	);
}
