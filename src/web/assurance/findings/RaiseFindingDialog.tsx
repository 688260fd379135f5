import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { FINDING_SEVERITIES, type Finding, type FindingOptions, severityKey } from "./types.ts";

interface Props {
	options: FindingOptions;
	onClose(saved?: Finding): void;
}

/** Raise a finding by hand: what was found, the clause, the owner unit, severity, a due date. */
export function RaiseFindingDialog({ options, onClose }: Props) {
	const { t } = useI18n();
	const [form, setForm] = useState({
		title: "",
		description: "",
		clause: "",
		ownerUnitId: "",
		severity: "moderate" as (typeof FINDING_SEVERITIES)[number],
		dueOn: "",
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/findings", {
					body: {
						title: form.title.trim(),
						description: form.description.trim(),
						clause: form.clause.trim(),
						ownerUnitId: form.ownerUnitId,
						severity: form.severity,
						dueOn: form.dueOn || null,
					},
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("findings.raiseTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert
					error={error}
					fields={{
						title: t("findings.field.title"),
						clause: t("findings.field.clause"),
						ownerUnitId: t("findings.field.ownerUnit"),
						dueOn: t("findings.field.dueOn"),
					}}
				/>
				<Field label={t("findings.field.title")} required>
					{(id) => (
						<input
							id={id}
							name="title"
							required
							maxLength={200}
							value={form.title}
							onChange={(event) => set({ title: event.target.value })}
						/>
					)}
				</Field>
				<Field label={`${t("findings.field.description")}${t("common.optional")}`}>
					{(id) => (
						<textarea
							id={id}
							name="description"
							rows={3}
							maxLength={4000}
							value={form.description}
							onChange={(event) => set({ description: event.target.value })}
						/>
					)}
				</Field>
				<Field label={t("findings.field.clause")} hint={t("findings.field.clauseHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							name="clause"
							required
							maxLength={100}
							aria-describedby={describedBy}
							value={form.clause}
							onChange={(event) => set({ clause: event.target.value })}
						/>
					)}
				</Field>
				<div className="form-row">
					<Field label={t("findings.field.ownerUnit")} required>
						{(id) => (
							<select
								id={id}
								name="ownerUnitId"
								required
								value={form.ownerUnitId}
								onChange={(event) => set({ ownerUnitId: event.target.value })}
							>
								<option value="">{t("findings.chooseUnit")}</option>
								{options.units.map((unit) => (
									<option key={unit.id} value={unit.id}>
										{unit.name}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("findings.field.severity")} required>
						{(id) => (
							<select
								id={id}
								name="severity"
								required
								value={form.severity}
								onChange={(event) =>
									set({ severity: event.target.value as (typeof FINDING_SEVERITIES)[number] })
								}
							>
								{FINDING_SEVERITIES.map((severity) => (
									<option key={severity} value={severity}>
										{t(severityKey(severity))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={`${t("findings.field.dueOn")}${t("common.optional")}`}>
						{(id) => (
							<input
								id={id}
								name="dueOn"
								type="date"
								min={options.today}
								value={form.dueOn}
								onChange={(event) => set({ dueOn: event.target.value })}
							/>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("findings.raise")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
