import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Exception } from "./types.ts";

interface Props {
	exception: Exception;
	decision: "approve" | "refuse";
	onClose(saved?: Exception): void;
}

/** Approve or refuse a requested exception; a refusal needs its reason (the server checks it too). */
export function DecideExceptionDialog({ exception, decision, onClose }: Props) {
	const { t } = useI18n();
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const request = {
				params: { path: { id: exception.id } },
				body: { version: exception.version, reason: reason.trim() },
			};
			const saved = await call(
				decision === "approve"
					? api.POST("/api/exceptions/{id}/approve", request)
					: api.POST("/api/exceptions/{id}/refuse", request),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={`${exception.reference}: ${t(decision === "approve" ? "exceptions.action.approve" : "exceptions.action.refuse")}`}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("exceptions.decide.reason")} required={decision === "refuse"}>
					{(id) => (
						<textarea
							id={id}
							name="reason"
							rows={3}
							maxLength={2000}
							value={reason}
							onChange={(event) => setReason(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button
						type="submit"
						className={decision === "approve" ? "button button-primary" : "button button-danger"}
						disabled={busy}
					>
						{t(
							decision === "approve"
								? "exceptions.decide.submitApprove"
								: "exceptions.decide.submitRefuse",
						)}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("exceptions.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
