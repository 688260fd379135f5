import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { AssetFormDialog } from "./AssetFormDialog.tsx";
import { HandlingTable } from "./HandlingTable.tsx";
import { LevelPicker } from "./LevelPicker.tsx";
import {
	type Asset,
	kindKey,
	type LedgerOptions,
	lifecycleKey,
	personalKey,
	zoneKey,
} from "./labels.ts";

type Change = Schemas["AssetClassificationChange"];

/** `II（機密性が高い情報）` or `C3（…）/ I2（…）/ A2（…）`, with the pack's labels when known. */
function classLabel(asset: Asset, options: LedgerOptions | null, lang: "ja" | "en"): string {
	return asset.classification.levels
		.map((code, index) => {
			const level = options?.axes[index]?.levels.find((l) => l.code === code);
			return level ? `${code}（${lang === "ja" ? level.label.ja : level.label.en}）` : code;
		})
		.join(" / ");
}

/** One asset: its fields, the handling its class requires, and who changed its class and why. */
export function AssetDetailPage({ id }: { id: string }) {
	const { t, lang } = useI18n();
	const { date, dateTime } = useDates();
	const [asset, setAsset] = useState<Asset | null>(null);
	const [options, setOptions] = useState<LedgerOptions | null>(null);
	const [history, setHistory] = useState<Change[]>([]);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<"edit" | "reclassify" | null>(null);
	const [notice, setNotice] = useState<string | null>(null);

	const load = useCallback(async () => {
		try {
			const path = { params: { path: { id } } };
			setAsset(await call(api.GET("/api/assets/{id}", path)));
			setHistory((await call(api.GET("/api/assets/{id}/classification-history", path))).items);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [id]);

	useEffect(() => {
		void load();
		call(api.GET("/api/asset-ledger/options")).then(setOptions, setError);
	}, [load]);

	if (!asset) {
		return (
			<section className="page">
				<ErrorAlert error={error} />
			</section>
		);
	}
	const writable = asset.allowedActions.includes("asset.write");
	const rows: [string, string][] = [
		[t("assets.field.code"), asset.code],
		[t("assets.field.kind"), t(kindKey(asset.kind))],
		[t("assets.field.ownerUnit"), `${asset.ownerUnit.name}（${asset.ownerUnit.code}）`],
		[t("assets.field.managerName"), asset.managerName ?? "—"],
		[t("assets.field.location"), asset.location ?? "—"],
		[t("assets.field.zone"), t(zoneKey(asset.zone))],
		[t("assets.field.classification"), classLabel(asset, options, lang)],
		[t("assets.field.personalData"), t(personalKey(asset.personalData))],
		[t("assets.field.retention"), asset.retention ?? "—"],
		[t("assets.field.lifecycle"), t(lifecycleKey(asset.lifecycle))],
		[t("assets.field.relatedSystem"), asset.relatedSystem ?? "—"],
		[t("assets.field.notes"), asset.notes ?? "—"],
		[t("assets.field.updatedAt"), dateTime(asset.updatedAt)],
	];

	return (
		<section className="page">
			<p>
				<Link to="/assets">← {t("assets.back")}</Link>
			</p>
			<div className="page-header">
				<h1>{asset.name}</h1>
				<div className="button-row">
					<Link className="button" to={`/assets/${encodeURIComponent(asset.id)}/custody`}>
						{t("assets.custody")}
					</Link>
				</div>
				{writable && options ? (
					<div className="button-row">
						<button type="button" className="button" onClick={() => setDialog("edit")}>
							{t("assets.edit")}
						</button>
						<button type="button" className="button" onClick={() => setDialog("reclassify")}>
							{t("assets.reclassify")}
						</button>
					</div>
				) : null}
			</div>
			{notice ? (
				<p role="status" className="alert alert-success">
					{notice}
				</p>
			) : null}
			<ErrorAlert error={error} />
			<div className="two-columns">
				<dl className="details" data-testid="asset-details">
					{rows.map(([label, value]) => (
						<div key={label}>
							<dt>{label}</dt>
							<dd>{value}</dd>
						</div>
					))}
				</dl>
				<section aria-labelledby="handling-title">
					<h2 id="handling-title">{t("assets.handling.title")}</h2>
					<p className="field-hint">{t("assets.handling.lead")}</p>
					{asset.handling ? (
						<HandlingTable handling={asset.handling} />
					) : (
						<p>{t("assets.handling.none")}</p>
					)}
				</section>
			</div>

			{asset.secureArea ? (
				<p data-testid="asset-secure-area">
					{t("secureAreas.assetArea")}:{" "}
					<Link to={`/secure-areas/${encodeURIComponent(asset.secureArea.id)}`}>
						{asset.secureArea.code} {asset.secureArea.name}
					</Link>{" "}
					（{t(`secureAreas.level.${asset.secureArea.level}` as const)}）
				</p>
			) : null}
			{asset.exceptions && asset.exceptions.length > 0 ? (
				<section aria-labelledby="asset-exceptions-title">
					<h2 id="asset-exceptions-title">{t("assets.exceptions.title")}</h2>
					<p className="field-hint">{t("assets.exceptions.lead")}</p>
					<table
						className="table table-compact"
						data-testid="asset-exceptions"
						aria-labelledby="asset-exceptions-title"
					>
						<thead>
							<tr>
								<th scope="col">{t("assets.exceptions.reference")}</th>
								<th scope="col">{t("assets.exceptions.clause")}</th>
								<th scope="col">{t("assets.exceptions.period")}</th>
							</tr>
						</thead>
						<tbody>
							{asset.exceptions.map((exception) => (
								<tr key={exception.id}>
									<td className="nowrap">
										<Link to={`/exceptions/${encodeURIComponent(exception.id)}`}>
											{exception.reference}
										</Link>
									</td>
									<td>
										{exception.clause}
										{exception.networkRule
											? `（${t("assets.exceptions.rule", { rule: exception.networkRule })}）`
											: null}
									</td>
									<td className="nowrap">
										{t("exceptions.period", {
											start: date(exception.startsOn),
											end: date(exception.endsOn),
										})}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</section>
			) : null}

			<section aria-labelledby="history-title">
				<h2 id="history-title">{t("assets.history.title")}</h2>
				<table className="table table-compact" data-testid="class-history">
					<thead>
						<tr>
							<th scope="col">{t("assets.history.at")}</th>
							<th scope="col">{t("assets.history.from")}</th>
							<th scope="col">{t("assets.history.to")}</th>
							<th scope="col">{t("assets.history.reason")}</th>
							<th scope="col">{t("assets.history.by")}</th>
						</tr>
					</thead>
					<tbody>
						{history.map((change) => (
							<tr key={change.id}>
								<td className="nowrap">{dateTime(change.changedAt)}</td>
								<td>{change.fromKey ?? t("assets.history.initial")}</td>
								<td>{change.toKey}</td>
								<td>{change.reason || "—"}</td>
								<td>{change.changedBy}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>

			{dialog === "edit" && options ? (
				<AssetFormDialog
					options={options}
					asset={asset}
					onClose={(saved) => {
						setDialog(null);
						if (saved) {
							setAsset(saved);
							setNotice(t("assets.saved", { name: saved.name }));
						}
					}}
				/>
			) : null}
			{dialog === "reclassify" && options ? (
				<ReclassifyDialog
					asset={asset}
					options={options}
					onClose={(saved) => {
						setDialog(null);
						if (saved) {
							setNotice(t("assets.reclassified", { key: saved.classification.key }));
							void load();
						}
					}}
				/>
			) : null}
		</section>
	);
}

function ReclassifyDialog({
	asset,
	options,
	onClose,
}: {
	asset: Asset;
	options: LedgerOptions;
	onClose(saved?: Asset): void;
}) {
	const { t } = useI18n();
	const [levels, setLevels] = useState<string[]>(asset.classification.levels);
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		try {
			onClose(
				await call(
					api.POST("/api/assets/{id}/classification", {
						params: { path: { id: asset.id } },
						body: { levels, reason: reason.trim(), version: asset.version },
					}),
				),
			);
		} catch (failure) {
			setError(failure);
		}
	}

	return (
		<Dialog title={t("assets.reclassifyTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<LevelPicker options={options} levels={levels} onChange={setLevels} />
				<Field label={t("assets.reclassifyReason")} hint={t("assets.reclassifyHint")} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							aria-describedby={describedBy}
							value={reason}
							required
							maxLength={1000}
							rows={3}
							onChange={(event) => setReason(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button type="submit" className="button button-primary">
						{t("assets.reclassify")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
