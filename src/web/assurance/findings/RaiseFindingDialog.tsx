import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { Finding, FindingOptions, FindingSeverity } from "./types.ts";
import { UnitSeverityDue } from "./UnitSeverityDue.tsx";

interface Props {
	options: FindingOptions;
	/** Raised as a corrective action of this policy review's decision, in its name. */
	reviewId?: string;
	onClose(saved?: Pick<Finding, "id" | "reference">): void;
}

/**
 * Raise a finding by hand: what was found, the clause, the owner unit, severity, a due date; or,
 * given a review, as a corrective action (是正処置) its decision opens.
 */
export function RaiseFindingDialog({ options, reviewId, onClose }: Props) {
	const { t } = useI18n();
	const [form, setForm] = useState({
		title: "",
		description: "",
		clause: "",
		ownerUnitId: "",
		severity: "moderate" as FindingSeverity,
		dueOn: "",
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const body = {
				title: form.title.trim(),
				description: form.description.trim(),
				clause: form.clause.trim(),
				ownerUnitId: form.ownerUnitId,
				severity: form.severity,
				dueOn: form.dueOn || null,
			};
			const saved = await call(
				reviewId
					? api.POST("/api/policy-reviews/{id}/findings", {
							params: { path: { id: reviewId } },
							body,
						})
					: api.POST("/api/findings", { body }),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={t(reviewId ? "reviewAssurance.raiseTitle" : "findings.raiseTitle")}
			onClose={() => onClose()}
		>
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
				<UnitSeverityDue options={options} form={form} set={set} />
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
