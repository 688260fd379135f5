import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { CheckboxField, Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import {
	type CloudService,
	type CloudServiceOptions,
	ISMAP,
	ismapKey,
	KINDS,
	kindKey,
	LOCATIONS,
	locationKey,
	strictKey,
	strictRequirements,
} from "./types.ts";

interface Props {
	options: CloudServiceOptions;
	/** The service to edit; absent: register a new one. */
	service?: CloudService;
	onClose(saved?: CloudService): void;
}

/**
 * Register a service, or edit one: what it is and who keeps it, the data it stores and its class,
 * ISMAP, where the data lives, the SLA, and the next review date.
 */
export function ServiceFormDialog({ options, service, onClose }: Props) {
	const { t, lang } = useI18n();
	const [form, setForm] = useState({
		code: service?.code ?? "",
		name: service?.name ?? "",
		provider: service?.provider ?? "",
		kind: service?.kind ?? "saas",
		orgUnitId: service?.unit.id ?? options.units[0]?.id ?? "",
		purpose: service?.purpose ?? "",
		dataDescription: service?.dataDescription ?? "",
		dataLevel: service?.dataLevel ?? options.levels.at(-1)?.code ?? "",
		ismap: service?.ismap ?? "none",
		dataLocation: service?.dataLocation ?? "japan",
		locationDetail: service?.locationDetail ?? "",
		slaUptime: service?.slaUptime ?? "",
		slaRecovery: service?.slaRecovery ?? "",
		backups: service?.backups ?? false,
		notes: service?.notes ?? "",
		nextReviewOn: service?.nextReviewOn ?? options.defaultReviewOn,
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const body = {
			...form,
			kind: form.kind as CloudService["kind"],
			ismap: form.ismap as CloudService["ismap"],
			dataLocation: form.dataLocation as CloudService["dataLocation"],
			code: form.code.trim(),
			name: form.name.trim(),
			provider: form.provider.trim(),
		};
		try {
			const saved = service
				? await call(
						api.PATCH("/api/cloud-services/{id}", {
							params: { path: { id: service.id } },
							body: { ...body, version: service.version },
						}),
					)
				: await call(api.POST("/api/cloud-services", { body }));
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const input = (
		key: "code" | "name" | "provider" | "locationDetail" | "slaUptime" | "slaRecovery",
		label: string,
		required = false,
		max = 200,
	) => (
		<Field label={label} required={required}>
			{(id) => (
				<input
					id={id}
					name={key}
					required={required}
					maxLength={max}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);
	const select = (
		key: "kind" | "ismap" | "dataLocation",
		label: string,
		values: readonly string[],
		labelOf: (value: string) => string,
	) => (
		<Field label={label} required>
			{(id) => (
				<select
					id={id}
					name={key}
					required
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				>
					{values.map((value) => (
						<option key={value} value={value}>
							{labelOf(value)}
						</option>
					))}
				</select>
			)}
		</Field>
	);
	const strictLevels = options.levels
		.filter((level) => level.strict)
		.map((level) => level.label[lang]);
	const needs = strictRequirements(options);
	const hint =
		strictLevels.length > 0 && needs.length > 0
			? t("cloudServices.form.strictHint", {
					levels: strictLevels.join("・"),
					requirements: needs.map((need) => t(strictKey(need))).join("、"),
				})
			: undefined;

	return (
		<Dialog
			title={
				service
					? t("cloudServices.form.editTitle", { code: service.code })
					: t("cloudServices.form.title")
			}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				{input("code", t("cloudServices.form.code"), true, 40)}
				{input("name", t("cloudServices.form.name"), true)}
				{input("provider", t("cloudServices.form.provider"), true)}
				{select("kind", t("cloudServices.form.kind"), KINDS, (value) => t(kindKey(value)))}
				{form.kind === "free_mail" && options.freeMail === "prohibited" ? (
					<p className="muted">{t("cloudServices.form.freeMailProhibited")}</p>
				) : null}
				<Field label={t("cloudServices.form.unit")} required>
					{(id) => (
						<select
							id={id}
							name="orgUnitId"
							required
							value={form.orgUnitId}
							onChange={(event) => set("orgUnitId")(event.target.value)}
						>
							{options.units.map((unit) => (
								<option key={unit.id} value={unit.id}>
									{unit.name}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("cloudServices.form.purpose")}>
					{(id) => (
						<textarea
							id={id}
							name="purpose"
							rows={2}
							maxLength={2000}
							value={form.purpose}
							onChange={(event) => set("purpose")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("cloudServices.form.dataDescription")}>
					{(id) => (
						<textarea
							id={id}
							name="dataDescription"
							rows={2}
							maxLength={2000}
							value={form.dataDescription}
							onChange={(event) => set("dataDescription")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("cloudServices.form.dataLevel")} hint={hint} required>
					{(id, describedBy) => (
						<select
							id={id}
							name="dataLevel"
							required
							aria-describedby={describedBy}
							value={form.dataLevel}
							onChange={(event) => set("dataLevel")(event.target.value)}
						>
							{options.levels.map((level) => (
								<option key={level.code} value={level.code}>
									{level.label[lang]}（{level.code}）
								</option>
							))}
						</select>
					)}
				</Field>
				{select("ismap", t("cloudServices.form.ismap"), ISMAP, (value) => t(ismapKey(value)))}
				{select("dataLocation", t("cloudServices.form.dataLocation"), LOCATIONS, (value) =>
					t(locationKey(value)),
				)}
				{input("locationDetail", t("cloudServices.form.locationDetail"))}
				{input("slaUptime", t("cloudServices.form.slaUptime"))}
				{input("slaRecovery", t("cloudServices.form.slaRecovery"))}
				<CheckboxField
					label={t("cloudServices.form.backups")}
					checked={form.backups}
					onChange={(checked) => setForm({ ...form, backups: checked })}
				/>
				<Field label={t("cloudServices.form.nextReviewOn")} required>
					{(id) => (
						<input
							id={id}
							name="nextReviewOn"
							type="date"
							required
							value={form.nextReviewOn}
							onChange={(event) => set("nextReviewOn")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("cloudServices.form.notes")}>
					{(id) => (
						<textarea
							id={id}
							name="notes"
							rows={2}
							maxLength={4000}
							value={form.notes}
							onChange={(event) => set("notes")(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t(service ? "cloudServices.form.save" : "cloudServices.form.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("cloudServices.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
