import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
	DISPOSAL_METHODS,
	type Disposal,
	type DisposalMethod,
	japanToday,
	methodKey,
} from "./types.ts";

/**
 * Record a disposal or lease return: method, date, witness, contractor, serial numbers. A class
 * that requires irrecoverable disposal is offered no plain deletion (the server refuses it too).
 */
export function DisposalForm({
	assetId,
	irrecoverable,
	onRecorded,
}: {
	assetId: string;
	irrecoverable: boolean;
	onRecorded(disposal: Disposal): void;
}) {
	const { t } = useI18n();
	const methods = DISPOSAL_METHODS.filter((m) => !irrecoverable || m !== "deletion");
	const [method, setMethod] = useState<DisposalMethod>("physical_destruction");
	const [performedOn, setPerformedOn] = useState(japanToday);
	const [witness, setWitness] = useState("");
	const [contractor, setContractor] = useState("");
	const [serials, setSerials] = useState("");
	const [notes, setNotes] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const needsContractor = method === "contractor_erasure" || method === "lease_return";

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				method,
				performedOn,
				witness: witness.trim(),
				contractor: contractor.trim() || null,
				serialNumbers: serials
					.split(/[\n,、\s]+/)
					.map((s) => s.trim())
					.filter((s) => s !== ""),
				notes: notes.trim() || null,
			};
			onRecorded(
				await call(
					api.POST("/api/assets/{id}/disposals", { params: { path: { id: assetId } }, body }),
				),
			);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form" onSubmit={submit} aria-label={t("custody.disposal.recordTitle")}>
			<ErrorAlert error={error} />
			{irrecoverable ? (
				<p className="field-hint">{t("custody.disposal.irrecoverableHint")}</p>
			) : null}
			<Field label={t("custody.disposal.method")} required>
				{(id, describedBy) => (
					<select
						id={id}
						aria-describedby={describedBy}
						required
						value={method}
						onChange={(event) => setMethod(event.target.value as DisposalMethod)}
					>
						{methods.map((m) => (
							<option key={m} value={m}>
								{t(methodKey(m))}
							</option>
						))}
					</select>
				)}
			</Field>
			<div className="form-row">
				<Field label={t("custody.disposal.performedOn")} required>
					{(id, describedBy) => (
						<input
							id={id}
							type="date"
							aria-describedby={describedBy}
							required
							value={performedOn}
							onChange={(event) => setPerformedOn(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("custody.disposal.witness")} required>
					{(id, describedBy) => (
						<input
							id={id}
							aria-describedby={describedBy}
							required
							maxLength={200}
							value={witness}
							onChange={(event) => setWitness(event.target.value)}
						/>
					)}
				</Field>
			</div>
			<Field
				label={t("custody.disposal.contractor")}
				hint={t("custody.disposal.contractorHint")}
				required={needsContractor}
			>
				{(id, describedBy) => (
					<input
						id={id}
						aria-describedby={describedBy}
						required={needsContractor}
						maxLength={200}
						value={contractor}
						onChange={(event) => setContractor(event.target.value)}
					/>
				)}
			</Field>
			<Field label={t("custody.disposal.serials")} hint={t("custody.disposal.serialsHint")}>
				{(id, describedBy) => (
					<textarea
						id={id}
						aria-describedby={describedBy}
						rows={2}
						value={serials}
						onChange={(event) => setSerials(event.target.value)}
					/>
				)}
			</Field>
			<Field label={t("custody.disposal.notes")}>
				{(id, describedBy) => (
					<textarea
						id={id}
						aria-describedby={describedBy}
						rows={2}
						maxLength={2000}
						value={notes}
						onChange={(event) => setNotes(event.target.value)}
					/>
				)}
			</Field>
			<div className="form-actions">
				<button type="submit" className="button button-primary" disabled={busy}>
					{t("custody.disposal.record")}
				</button>
			</div>
		</form>
	);
}
