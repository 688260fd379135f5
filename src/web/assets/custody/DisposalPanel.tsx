import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert, StatusMessage } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { DisposalForm } from "./DisposalForm.tsx";
import { DisposalRecord } from "./DisposalRecord.tsx";
import type { Asset, Disposal } from "./types.ts";

/** States from which an asset may be disposed of: not gone already, not out of the office. */
const GONE_OR_OUT = new Set(["disposed", "returned", "taken_out"]);

/**
 * 廃棄 / 返却 on the asset's page: its disposal records with their evidence, and (for those who
 * manage the asset) recording one. `onChanged` lets the page reload the asset's state.
 */
export function DisposalPanel({ asset, onChanged }: { asset: Asset; onChanged?: () => void }) {
	const { t } = useI18n();
	const [items, setItems] = useState<Disposal[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [recording, setRecording] = useState(false);

	const load = useCallback(async () => {
		try {
			const query = { assetId: asset.id };
			setItems((await call(api.GET("/api/disposals", { params: { query } }))).items);
		} catch (failure) {
			setError(failure);
		}
	}, [asset.id]);
	useEffect(() => {
		void load();
	}, [load]);

	const changed = (message: string) => {
		setStatus(message);
		setRecording(false);
		void load();
		onChanged?.();
	};
	const open = items?.some((item) => item.status === "recorded") ?? true;
	const writable = asset.allowedActions.includes("asset.write");
	const canRecord = writable && !open && !GONE_OR_OUT.has(asset.lifecycle);

	return (
		<section className="card" aria-labelledby="disposal-panel-title" data-testid="disposal-panel">
			<h2 id="disposal-panel-title">{t("custody.disposal.panelTitle")}</h2>
			{asset.kind === "systems" ? (
				<p className="field-hint">{t("custody.disposal.mediaHint")}</p>
			) : null}
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{items?.length === 0 && !canRecord ? (
				<p className="empty">{t("custody.disposal.none")}</p>
			) : null}
			{items?.map((item) => (
				<DisposalRecord key={item.id} disposal={item} onChanged={changed} />
			))}
			{canRecord ? (
				recording ? (
					<DisposalForm
						assetId={asset.id}
						irrecoverable={asset.handling?.disposal !== "standard"}
						onRecorded={() => changed(t("custody.disposal.recorded"))}
					/>
				) : (
					<button type="button" className="button" onClick={() => setRecording(true)}>
						{t("custody.disposal.recordTitle")}
					</button>
				)
			) : null}
		</section>
	);
}
