import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { Audit, ChecklistChoices } from "./types.ts";

interface Props {
	audit: Audit;
	onClose(saved?: Audit): void;
}

/** The lead's choice of the audit checklist version, inline in the plan section. */
export function ChecklistPicker({ audit, onClose }: Props) {
	const { t } = useI18n();
	const [choices, setChoices] = useState<ChecklistChoices["items"] | null>(null);
	const [chosen, setChosen] = useState(audit.checklistVersionId ?? "");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	useEffect(() => {
		call(
			api.GET("/api/assurance/audits/{id}/checklist-choices", {
				params: { path: { id: audit.id } },
			}),
		).then((found) => {
			setChoices(found.items);
			setChosen((current) => current || (found.items.find((c) => c.latest)?.versionId ?? ""));
		}, setError);
	}, [audit.id]);

	async function save(event: FormEvent) {
		event.preventDefault();
		if (!chosen) return;
		setBusy(true);
		try {
			onClose(
				await call(
					api.PUT("/api/assurance/audits/{id}/checklist", {
						params: { path: { id: audit.id } },
						body: { version: audit.version, checklistVersionId: chosen },
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<form className="form audit-checklist-picker" onSubmit={save}>
			<ErrorAlert error={error} fields={{ checklistVersionId: t("audits.checklist.pick") }} />
			{choices && choices.length === 0 ? <p>{t("audits.checklist.noChoices")}</p> : null}
			{choices && choices.length > 0 ? (
				<Field label={t("audits.checklist.pick")} hint={t("audits.checklist.pickHint")} required>
					{(id, describedBy) => (
						<select
							id={id}
							required
							aria-describedby={describedBy}
							value={chosen}
							onChange={(event) => setChosen(event.target.value)}
						>
							{choices.map((c) => (
								<option key={c.versionId} value={c.versionId}>
									{t(c.latest ? "audits.checklist.latest" : "audits.checklist.older", {
										title: c.title,
										version: c.version,
										count: c.itemCount,
									})}
								</option>
							))}
						</select>
					)}
				</Field>
			) : null}
			<div className="button-row">
				{choices && choices.length > 0 ? (
					<button type="submit" className="button button-primary" disabled={busy || !chosen}>
						{t("audits.checklist.save")}
					</button>
				) : null}
				<button type="button" className="button" onClick={() => onClose()}>
					{t("audits.checklist.cancel")}
				</button>
			</div>
		</form>
	);
}
