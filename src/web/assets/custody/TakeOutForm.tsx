import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { japanToday, type TakeOut, type TakeOutChoice } from "./types.ts";

/**
 * A take-out request (持ち出し申請): purpose, destination, period and protection. Assets of the
 * マイナンバー利用事務系 and classes that prohibit take-out get an explanation instead of a form.
 */
export function TakeOutForm({
	choice,
	onRequested,
}: {
	choice: TakeOutChoice;
	onRequested(takeOut: TakeOut): void;
}) {
	const { t } = useI18n();
	const [purpose, setPurpose] = useState("");
	const [destination, setDestination] = useState("");
	const [from, setFrom] = useState(japanToday);
	const [until, setUntil] = useState(japanToday);
	const [encrypted, setEncrypted] = useState(false);
	const [lockedCase, setLockedCase] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	if (choice.zone === "mynumber") {
		return <p className="alert alert-warning">{t("custody.takeOut.mynumber")}</p>;
	}
	if (choice.takeOut === "prohibited") {
		return <p className="alert alert-warning">{t("custody.takeOut.prohibited")}</p>;
	}
	const protect = choice.protectWhenCarried;

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				assetId: choice.id,
				purpose: purpose.trim(),
				destination: destination.trim(),
				from,
				until,
				encrypted,
				lockedCase,
			};
			onRequested(await call(api.POST("/api/take-outs", { body })));
			setPurpose("");
			setDestination("");
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form" onSubmit={submit} aria-label={t("custody.takeOut.requestTitle")}>
			<ErrorAlert error={error} />
			<Field label={t("custody.takeOut.purpose")} required>
				{(id, describedBy) => (
					<input
						id={id}
						aria-describedby={describedBy}
						required
						maxLength={500}
						value={purpose}
						onChange={(event) => setPurpose(event.target.value)}
					/>
				)}
			</Field>
			<Field label={t("custody.takeOut.destination")} required>
				{(id, describedBy) => (
					<input
						id={id}
						aria-describedby={describedBy}
						required
						maxLength={200}
						value={destination}
						onChange={(event) => setDestination(event.target.value)}
					/>
				)}
			</Field>
			<div className="form-row">
				<Field label={t("custody.takeOut.from")} required>
					{(id, describedBy) => (
						<input
							id={id}
							type="date"
							aria-describedby={describedBy}
							required
							value={from}
							onChange={(event) => setFrom(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("custody.takeOut.until")} required>
					{(id, describedBy) => (
						<input
							id={id}
							type="date"
							aria-describedby={describedBy}
							required
							min={from}
							value={until}
							onChange={(event) => setUntil(event.target.value)}
						/>
					)}
				</Field>
			</div>
			<fieldset className="fieldset">
				<legend>{t("custody.takeOut.protection")}</legend>
				{protect ? <p className="field-hint">{t("custody.takeOut.protectionRequired")}</p> : null}
				<div className="field-checkbox">
					<label>
						<input
							type="checkbox"
							checked={encrypted}
							required={protect}
							onChange={(event) => setEncrypted(event.target.checked)}
						/>{" "}
						{t("custody.takeOut.encrypted")}
					</label>
				</div>
				<div className="field-checkbox">
					<label>
						<input
							type="checkbox"
							checked={lockedCase}
							required={protect}
							onChange={(event) => setLockedCase(event.target.checked)}
						/>{" "}
						{t("custody.takeOut.lockedCase")}
					</label>
				</div>
			</fieldset>
			<div className="form-actions">
				<button type="submit" className="button button-primary" disabled={busy}>
					{t("custody.takeOut.submit")}
				</button>
			</div>
		</form>
	);
}
