import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { LevelPicker } from "./LevelPicker.tsx";
import {
	type Asset,
	KINDS,
	kindKey,
	type LedgerOptions,
	LIFECYCLE,
	lifecycleKey,
	PERSONAL,
	personalKey,
	ZONES,
	zoneKey,
} from "./labels.ts";

interface Props {
	options: LedgerOptions;
	/** The asset to edit; absent to register a new one. */
	asset?: Asset;
	onClose(saved?: Asset): void;
}

type Draft = {
	code: string;
	name: string;
	kind: (typeof KINDS)[number];
	ownerUnitId: string;
	managerName: string;
	location: string;
	zone: (typeof ZONES)[number];
	personalData: (typeof PERSONAL)[number];
	retention: string;
	lifecycle: (typeof LIFECYCLE)[number];
	relatedSystem: string;
	notes: string;
};

function draftOf(asset: Asset | undefined): Draft {
	return {
		code: asset?.code ?? "",
		name: asset?.name ?? "",
		kind: asset?.kind ?? "information",
		ownerUnitId: asset?.ownerUnit.id ?? "",
		managerName: asset?.managerName ?? "",
		location: asset?.location ?? "",
		zone: asset?.zone ?? "lgwan",
		personalData: asset?.personalData ?? "none",
		retention: asset?.retention ?? "",
		lifecycle: asset?.lifecycle ?? "in_use",
		relatedSystem: asset?.relatedSystem ?? "",
		notes: asset?.notes ?? "",
	};
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** Register an asset (with its class) or edit one (its class changes through its own dialog). */
export function AssetFormDialog({ options, asset, onClose }: Props) {
	const { t } = useI18n();
	const [draft, setDraft] = useState<Draft>(() => draftOf(asset));
	const [levels, setLevels] = useState<string[]>(() => options.axes.map(() => ""));
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
		setDraft((current) => ({ ...current, [key]: value }));

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const fields = {
			name: draft.name.trim(),
			kind: draft.kind,
			ownerUnitId: draft.ownerUnitId,
			managerName: orNull(draft.managerName),
			location: orNull(draft.location),
			zone: draft.zone,
			personalData: draft.personalData,
			retention: orNull(draft.retention),
			lifecycle: draft.lifecycle,
			relatedSystem: orNull(draft.relatedSystem),
			notes: orNull(draft.notes),
		};
		try {
			const saved = asset
				? await call(
						api.PATCH("/api/assets/{id}", {
							params: { path: { id: asset.id } },
							body: { ...fields, version: asset.version },
						}),
					)
				: await call(
						api.POST("/api/assets", { body: { ...fields, code: draft.code.trim(), levels } }),
					);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const select = <K extends keyof Draft>(
		id: string,
		key: K,
		values: readonly string[],
		label: (v: string) => string,
	) => (
		<select
			id={id}
			value={draft[key]}
			onChange={(event) => set(key, event.target.value as Draft[K])}
			required
		>
			{values.map((value) => (
				<option key={value} value={value}>
					{label(value)}
				</option>
			))}
		</select>
	);

	return (
		<Dialog
			title={asset ? t("assets.editTitle", { name: asset.name }) : t("assets.createTitle")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert
					error={error}
					fields={{
						code: t("assets.field.code"),
						name: t("assets.field.name"),
						ownerUnitId: t("assets.field.ownerUnit"),
						levels: t("assets.field.classification"),
					}}
				/>
				{asset ? null : (
					<Field label={t("assets.field.code")} required>
						{(id) => (
							<input
								id={id}
								value={draft.code}
								maxLength={40}
								required
								onChange={(event) => set("code", event.target.value)}
							/>
						)}
					</Field>
				)}
				<Field label={t("assets.field.name")} required>
					{(id) => (
						<input
							id={id}
							value={draft.name}
							maxLength={200}
							required
							onChange={(event) => set("name", event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("assets.field.kind")} required>
					{(id) => select(id, "kind", KINDS, (v) => t(kindKey(v)))}
				</Field>
				<Field label={t("assets.field.ownerUnit")} required>
					{(id) =>
						options.units.length === 0 ? (
							<p id={id}>{t("assets.noUnits")}</p>
						) : (
							<select
								id={id}
								value={draft.ownerUnitId}
								required
								onChange={(event) => set("ownerUnitId", event.target.value)}
							>
								<option value="">{t("assets.chooseUnit")}</option>
								{options.units.map((unit) => (
									<option key={unit.id} value={unit.id}>
										{unit.name}（{unit.code}）
									</option>
								))}
							</select>
						)
					}
				</Field>
				{asset ? null : <LevelPicker options={options} levels={levels} onChange={setLevels} />}
				<Field label={t("assets.field.zone")} required>
					{(id) => select(id, "zone", ZONES, (v) => t(zoneKey(v)))}
				</Field>
				<Field label={t("assets.field.personalData")} required>
					{(id) => select(id, "personalData", PERSONAL, (v) => t(personalKey(v)))}
				</Field>
				<Field label={t("assets.field.lifecycle")} required>
					{(id) => select(id, "lifecycle", LIFECYCLE, (v) => t(lifecycleKey(v)))}
				</Field>
				{(
					[
						["managerName", 100],
						["location", 200],
						["retention", 50],
						["relatedSystem", 200],
					] as const
				).map(([key, max]) => (
					<Field key={key} label={t(`assets.field.${key}`)}>
						{(id) => (
							<input
								id={id}
								value={draft[key]}
								maxLength={max}
								onChange={(event) => set(key, event.target.value)}
							/>
						)}
					</Field>
				))}
				<Field label={t("assets.field.notes")}>
					{(id) => (
						<textarea
							id={id}
							value={draft.notes}
							maxLength={2000}
							rows={3}
							onChange={(event) => set("notes", event.target.value)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("assets.save")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
