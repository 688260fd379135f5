import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Incident } from "./labels.ts";

export type CaseAction = "contain" | "recover" | "close" | "reject";

interface Props {
	incident: Incident;
	action: CaseAction;
	onClose(saved?: Incident): void;
}

/**
 * Confirm moving a case on (none of it can be undone): contain, recover, close, or reject it as
 * not an incident with the reason. Closing asks for 再発防止 while none is recorded; for a case of
 * the top severity the server refuses to close without it, and its reason is shown here.
 */
export function TransitionDialog({ incident, action, onClose }: Props) {
	const { t } = useI18n();
	const [reason, setReason] = useState("");
	const [prevention, setPrevention] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const askPrevention = action === "close" && !incident.prevention;
	const preventionNeeded = askPrevention && incident.severity?.severe === true;
	const reject = action === "reject";

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				version: incident.version,
				action,
				...(reason.trim() ? { reason: reason.trim() } : {}),
				...(askPrevention && prevention.trim() ? { prevention: prevention.trim() } : {}),
			};
			onClose(
				await call(
					api.POST("/api/incidents/{id}/transitions", {
						params: { path: { id: incident.id } },
						body,
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t(`incidents.action.${action}`)} onClose={() => onClose()}>
			<div className="incident-dialog">
				<form className="form" onSubmit={submit}>
					<p>{t(`incidents.transition.${action}.message`, { reference: incident.reference })}</p>
					{preventionNeeded ? (
						<p className="alert alert-warning">{t("incidents.detail.preventionNeeded")}</p>
					) : null}
					<ErrorAlert
						error={error}
						fields={{
							reason: t(
								reject ? "incidents.transition.rejectReason" : "incidents.transition.reason",
							),
							prevention: t("incidents.field.prevention"),
						}}
					/>
					{askPrevention ? (
						<Field label={t("incidents.field.prevention")} required={preventionNeeded}>
							{(id) => (
								// Not `required`: an empty one is sent, so the refusal and its reason are the server's.
								<textarea
									id={id}
									name="prevention"
									aria-required={preventionNeeded}
									rows={4}
									maxLength={4000}
									value={prevention}
									onChange={(event) => setPrevention(event.target.value)}
								/>
							)}
						</Field>
					) : null}
					<Field
						label={t(reject ? "incidents.transition.rejectReason" : "incidents.transition.reason")}
						required={reject}
					>
						{(id) => (
							<textarea
								id={id}
								name="reason"
								required={reject}
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
							className={reject ? "button button-danger" : "button button-primary"}
							disabled={busy}
						>
							{t(`incidents.action.${action}`)}
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
