import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import {
	AFFAIR_KINDS,
	type Affair,
	kindKey,
	type MyNumberOptions,
	PIA_LEVELS,
	PIA_STATUSES,
	piaKey,
	piaStatusKey,
	staffLabel,
} from "./types.ts";

interface Props {
	options: MyNumberOptions;
	/** The affair to change; absent: register a new one. */
	affair?: Affair;
	onClose(saved?: Affair): void;
}

/**
 * Register a My Number affair or change one (CISO, 統括): its name, kind (fixed once registered),
 * legal basis, 事務取扱責任者 and the state of its 特定個人情報保護評価.
 */
export function AffairDialog({ options, affair, onClose }: Props) {
	const { t } = useI18n();
	const [form, setForm] = useState({
		name: affair?.name ?? "",
		kind: affair?.kind ?? "use",
		legalBasis: affair?.legalBasis ?? "",
		responsibleStaffId: affair?.responsible.staffId ?? "",
		piaLevel: affair?.piaLevel ?? "full",
		piaStatus: affair?.piaStatus ?? "not_started",
		piaDoneOn: affair?.piaDoneOn ?? "",
		piaDueOn: affair?.piaDueOn ?? "",
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const fields = {
			name: form.name.trim(),
			legalBasis: form.legalBasis.trim(),
			responsibleStaffId: form.responsibleStaffId,
			piaLevel: form.piaLevel as Affair["piaLevel"],
			piaStatus: form.piaStatus as Affair["piaStatus"],
			piaDoneOn: form.piaDoneOn || null,
			piaDueOn: form.piaDueOn || null,
		};
		try {
			const saved = affair
				? await call(
						api.PUT("/api/my-number/affairs/{id}", {
							params: { path: { id: affair.id } },
							body: { ...fields, version: affair.version },
						}),
					)
				: await call(
						api.POST("/api/my-number/affairs", {
							body: { ...fields, kind: form.kind as Affair["kind"] },
						}),
					);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const choice = (
		key: "kind" | "piaLevel" | "piaStatus",
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
	const day = (key: "piaDoneOn" | "piaDueOn", label: string) => (
		<Field label={label}>
			{(id) => (
				<input
					id={id}
					name={key}
					type="date"
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);

	return (
		<Dialog
			title={affair ? t("myNumber.edit.title", { name: affair.name }) : t("myNumber.create")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("myNumber.form.name")} required>
					{(id) => (
						<input
							id={id}
							name="name"
							required
							maxLength={200}
							value={form.name}
							onChange={(event) => set("name")(event.target.value)}
						/>
					)}
				</Field>
				{affair
					? null
					: choice("kind", t("myNumber.form.kind"), AFFAIR_KINDS, (kind) => t(kindKey(kind)))}
				<Field label={t("myNumber.form.legalBasis")} required>
					{(id) => (
						<textarea
							id={id}
							name="legalBasis"
							required
							rows={2}
							maxLength={500}
							value={form.legalBasis}
							onChange={(event) => set("legalBasis")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("myNumber.form.responsible")} required>
					{(id) => (
						<select
							id={id}
							name="responsibleStaffId"
							required
							value={form.responsibleStaffId}
							onChange={(event) => set("responsibleStaffId")(event.target.value)}
						>
							<option value="">{t("myNumber.form.choose")}</option>
							{options.staff.map((member) => (
								<option key={member.id} value={member.id}>
									{staffLabel(member)}
								</option>
							))}
						</select>
					)}
				</Field>
				{choice("piaLevel", t("myNumber.form.piaLevel"), PIA_LEVELS, (level) => t(piaKey(level)))}
				{choice("piaStatus", t("myNumber.form.piaStatus"), PIA_STATUSES, (status) =>
					t(piaStatusKey(status)),
				)}
				{day("piaDoneOn", t("myNumber.form.piaDoneOn"))}
				{day("piaDueOn", t("myNumber.form.piaDueOn"))}
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t(affair ? "myNumber.form.save" : "myNumber.form.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("myNumber.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
