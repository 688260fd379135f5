import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import {
	type Deadline,
	type FilingStage,
	type Incident,
	japanToday,
	localized,
	type Obligation,
} from "./labels.ts";

interface Props {
	incident: Incident;
	obligation: Obligation;
	stage: FilingStage;
	deadline: Deadline;
	onClose(saved?: Incident): void;
}

/** Record that a legal report (速報 / 確報) was filed with its authority: the day and a reference. */
export function FilingDialog({ incident, obligation, stage, deadline, onClose }: Props) {
	const { t, lang } = useI18n();
	const [filedOn, setFiledOn] = useState(japanToday);
	const [reference, setReference] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const names = {
		authority: localized(obligation.authority, lang),
		label: localized(deadline.label, lang),
	};

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				obligation: obligation.code,
				stage,
				filedOn,
				...(reference.trim() ? { reference: reference.trim() } : {}),
			};
			onClose(
				await call(
					api.POST("/api/incidents/{id}/filings", { params: { path: { id: incident.id } }, body }),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("incidents.filing.title", names)} onClose={() => onClose()}>
			<div className="incident-dialog">
				<form className="form" onSubmit={submit}>
					<ErrorAlert
						error={error}
						fields={{
							filedOn: t("incidents.filing.filedOn"),
							reference: t("incidents.filing.reference"),
						}}
					/>
					<Field label={t("incidents.filing.filedOn")} required>
						{(id) => (
							<input
								id={id}
								name="filedOn"
								type="date"
								required
								max={japanToday()}
								value={filedOn}
								onChange={(event) => setFiledOn(event.target.value)}
							/>
						)}
					</Field>
					<Field label={`${t("incidents.filing.reference")}${t("common.optional")}`}>
						{(id) => (
							<input
								id={id}
								name="reference"
								maxLength={200}
								value={reference}
								onChange={(event) => setReference(event.target.value)}
							/>
						)}
					</Field>
					<div className="form-row-actions">
						<button type="submit" className="button button-primary" disabled={busy}>
							{t("incidents.filing.submit")}
						</button>
						<button type="button" className="button" onClick={() => onClose()}>
							{t("common.cancel")}
						</button>
					</div>
				</form>
			</div>
		</Dialog>
	);
}
