import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Exception } from "./types.ts";

interface Props {
	exception: Exception;
	onClose(saved?: Exception): void;
}

/** Request the renewal of an exception for a new period: a new request, decided anew. */
export function RenewExceptionDialog({ exception, onClose }: Props) {
	const { t } = useI18n();
	const [startsOn, setStartsOn] = useState(exception.endsOn);
	const [endsOn, setEndsOn] = useState("");
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/exceptions/{id}/renew", {
					params: { path: { id: exception.id } },
					body: { startsOn, endsOn, reason: reason.trim() },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("exceptions.renew.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>{exception.reference}</p>
				<Field label={t("exceptions.renew.reason")} required>
					{(id) => (
						<textarea
							id={id}
							name="reason"
							rows={3}
							required
							maxLength={4000}
							value={reason}
							onChange={(event) => setReason(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row">
					<Field label={t("exceptions.form.startsOn")} required>
						{(id) => (
							<input
								id={id}
								name="startsOn"
								type="date"
								required
								value={startsOn}
								onChange={(event) => setStartsOn(event.target.value)}
							/>
						)}
					</Field>
					<Field label={t("exceptions.form.endsOn")} required>
						{(id) => (
							<input
								id={id}
								name="endsOn"
								type="date"
								required
								value={endsOn}
								onChange={(event) => setEndsOn(event.target.value)}
							/>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("exceptions.renew.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("exceptions.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
