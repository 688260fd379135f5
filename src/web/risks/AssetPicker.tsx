import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";

interface AssetChoice {
	id: string;
	code: string;
	name: string;
}

interface Props {
	/** The assets linked now: always offered, even beyond the first page of the ledger. */
	linked: readonly AssetChoice[];
	value: string[];
	onChange(ids: string[]): void;
}

/** Choose the ledger's assets a risk concerns (those the caller can see). */
export function AssetPicker({ linked, value, onChange }: Props) {
	const { t } = useI18n();
	const [assets, setAssets] = useState<AssetChoice[]>([...linked]);

	useEffect(() => {
		let current = true;
		call(api.GET("/api/assets", { params: { query: { limit: 500, sort: "code" } } })).then(
			(page) => {
				if (!current) return;
				const known = new Set(page.items.map((asset) => asset.id));
				setAssets([...page.items, ...linked.filter((asset) => !known.has(asset.id))]);
			},
			() => undefined,
		);
		return () => {
			current = false;
		};
	}, [linked]);

	return (
		<Field label={t("risks.field.assets")} hint={t("risks.assetsHint")}>
			{(id, describedBy) => (
				<select
					id={id}
					name="assetIds"
					multiple
					size={Math.min(6, Math.max(2, assets.length))}
					aria-describedby={describedBy}
					value={value}
					onChange={(event) =>
						onChange([...event.target.selectedOptions].map((option) => option.value))
					}
				>
					{assets.map((asset) => (
						<option key={asset.id} value={asset.id}>
							{asset.code} {asset.name}
						</option>
					))}
				</select>
			)}
		</Field>
	);
}
