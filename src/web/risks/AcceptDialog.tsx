import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { bandKey, type Risk } from "./labels.ts";

interface Props {
	risk: Risk;
	onClose(saved?: Risk): void;
}

/** Accept a risk at its residual level, with the reason (CISO or the pack's delegate only). */
export function AcceptDialog({ risk, onClose }: Props) {
	const { t } = useI18n();
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/risks/{id}/acceptance", {
					params: { path: { id: risk.id } },
					body: { reason: reason.trim(), version: risk.version },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("risks.acceptTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>
					{t("risks.acceptLead", {
						title: risk.title,
						score: risk.residual.score,
						band: t(bandKey(risk.residual.band)),
					})}
				</p>
				<Field label={t("risks.acceptReason")} required>
					{(id) => (
						<textarea
							id={id}
							name="reason"
							rows={3}
							required
							maxLength={1000}
							value={reason}
							onChange={(event) => setReason(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("risks.accept")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
