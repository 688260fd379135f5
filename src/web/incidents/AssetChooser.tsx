import { useEffect, useId, useState } from "react";
import { api, call } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** An asset as the chooser shows it; the unit is known for search results. */
export interface ChosenAsset {
	id: string;
	code: string;
	name: string;
	unitName?: string;
}

interface Props {
	legend: string;
	hint: string;
	value: readonly ChosenAsset[];
	onChange(next: ChosenAsset[]): void;
	/** Leave the whole field out when the caller can name no asset at all (a short form stays short). */
	hideWhenNone?: boolean;
}

/**
 * Choose ledger assets a case concerns: those chosen stay ticked at the top; typing an asset ID
 * or name finds more (the server offers a short list, within the caller's reach).
 */
export function AssetChooser({ legend, hint, value, onChange, hideWhenNone = false }: Props) {
	const { t } = useI18n();
	const id = useId();
	const [q, setQ] = useState("");
	const [found, setFound] = useState<ChosenAsset[] | null>(null);
	const [anyAtAll, setAnyAtAll] = useState<boolean | null>(null);

	useEffect(() => {
		let current = true;
		const query = q.trim() ? { q: q.trim() } : {};
		call(api.GET("/api/incidents/reportable-assets", { params: { query } })).then(
			(result) => {
				if (!current) return;
				setFound(result.items);
				if (!query.q) setAnyAtAll((known) => known ?? result.items.length > 0);
			},
			() => {
				if (current) setFound([]);
			},
		);
		return () => {
			current = false;
		};
	}, [q]);

	if (hideWhenNone && anyAtAll === false && value.length === 0) return null;
	const chosenIds = new Set(value.map((asset) => asset.id));
	const more = (found ?? []).filter((asset) => !chosenIds.has(asset.id));
	const labelOf = (asset: ChosenAsset) =>
		asset.unitName
			? `${asset.code} ${asset.name}（${asset.unitName}）`
			: `${asset.code} ${asset.name}`;

	return (
		<fieldset className="incident-fieldset" aria-describedby={`${id}-hint`}>
			<legend>{legend}</legend>
			<p className="field-hint" id={`${id}-hint`}>
				{hint}
			</p>
			{value.length > 0 ? (
				<ul className="incident-choices" aria-label={t("incidents.report.assetsChosen")}>
					{value.map((asset) => (
						<li key={asset.id} className="field-checkbox">
							<input
								id={`${id}-${asset.id}`}
								type="checkbox"
								checked
								onChange={() => onChange(value.filter((other) => other.id !== asset.id))}
							/>
							<label htmlFor={`${id}-${asset.id}`}>{labelOf(asset)}</label>
						</li>
					))}
				</ul>
			) : null}
			<div className="field">
				<label htmlFor={`${id}-q`}>{t("incidents.report.assetSearch")}</label>
				<input
					id={`${id}-q`}
					type="search"
					autoComplete="off"
					value={q}
					onChange={(event) => setQ(event.target.value)}
					onKeyDown={(event) => {
						// Enter searches as typed; it must not send the form around the field.
						if (event.key === "Enter") event.preventDefault();
					}}
				/>
			</div>
			{found === null ? null : more.length === 0 ? (
				<p className="muted">{t("incidents.report.assetNone")}</p>
			) : (
				<ul className="incident-choices" aria-label={t("incidents.report.assetResults")}>
					{more.map((asset) => (
						<li key={asset.id} className="field-checkbox">
							<input
								id={`${id}-${asset.id}`}
								type="checkbox"
								checked={false}
								onChange={() => onChange([...value, asset])}
							/>
							<label htmlFor={`${id}-${asset.id}`}>{labelOf(asset)}</label>
						</li>
					))}
				</ul>
			)}
		</fieldset>
	);
}
