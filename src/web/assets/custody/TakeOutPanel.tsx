import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert, StatusMessage } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { TakeOutForm } from "./TakeOutForm.tsx";
import { TakeOutTable } from "./TakeOutTable.tsx";
import type { Asset, TakeOut } from "./types.ts";

const AT_HAND = new Set(["in_use", "stored"]);

/**
 * 持ち出し on the asset's page: whether it is out, its requests with their decisions and returns,
 * and a request form while it is at hand. `onChanged` lets the page reload the asset, whose
 * state an approval or a return changes.
 */
export function TakeOutPanel({ asset, onChanged }: { asset: Asset; onChanged?: () => void }) {
	const { t } = useI18n();
	const { date } = useDates();
	const [items, setItems] = useState<TakeOut[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	const [asking, setAsking] = useState(false);
	const [mayAsk, setMayAsk] = useState(false);

	const load = useCallback(async () => {
		try {
			const query = { assetId: asset.id, limit: 50 };
			setItems((await call(api.GET("/api/take-outs", { params: { query } }))).items);
		} catch (failure) {
			setError(failure);
		}
	}, [asset.id]);
	useEffect(() => {
		void load();
	}, [load]);
	// Only those who may ask (their own unit's asset, or one they manage) see the request button.
	useEffect(() => {
		const query = { q: asset.code };
		call(api.GET("/api/take-out-assets", { params: { query } }))
			.then((result) => setMayAsk(result.items.some((item) => item.id === asset.id)))
			.catch(() => setMayAsk(false));
	}, [asset.id, asset.code]);

	const open = items?.find((item) => item.status === "requested" || item.status === "approved");
	const out = items?.find((item) => item.status === "approved");
	const barred = asset.zone === "mynumber" || asset.handling?.takeOut === "prohibited";
	const changed = (message: string) => {
		setStatus(message);
		setAsking(false);
		void load();
		onChanged?.();
	};

	return (
		<section className="card" aria-labelledby="take-out-panel-title" data-testid="take-out-panel">
			<h2 id="take-out-panel-title">{t("custody.takeOut.panelTitle")}</h2>
			{out ? (
				<p className="alert alert-warning" data-testid="take-out-state">
					{t("custody.takeOut.isOut", { until: date(out.until), destination: out.destination })}
					{out.overdue ? ` ${t("custody.takeOut.overdue")}` : ""}
				</p>
			) : null}
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>
			{items ? (
				<TakeOutTable
					items={items}
					showAsset={false}
					label={t("custody.takeOut.panelTitle")}
					onChanged={(takeOut) =>
						changed(t(takeOutMessage(takeOut.status), { code: takeOut.asset.code }))
					}
				/>
			) : null}
			{barred ? (
				<p className="alert alert-warning">
					{t(asset.zone === "mynumber" ? "custody.takeOut.mynumber" : "custody.takeOut.prohibited")}
				</p>
			) : null}
			{mayAsk && !barred && !open && AT_HAND.has(asset.lifecycle) ? (
				asking ? (
					<TakeOutForm
						choice={{
							id: asset.id,
							zone: asset.zone,
							takeOut: asset.handling?.takeOut ?? null,
							protectWhenCarried: asset.handling?.protectWhenCarried ?? true,
						}}
						onRequested={() => changed(t("custody.takeOut.requested"))}
					/>
				) : (
					<button type="button" className="button" onClick={() => setAsking(true)}>
						{t("custody.takeOut.requestTitle")}
					</button>
				)
			) : null}
		</section>
	);
}

export function takeOutMessage(status: string) {
	if (status === "approved") return "custody.takeOut.approvedMessage" as const;
	if (status === "refused") return "custody.takeOut.refusedMessage" as const;
	return "custody.takeOut.returnedMessage" as const;
}
