import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Drill } from "./types.ts";

interface Props {
	drill: Drill;
	onClose(saved?: Drill): void;
}

/** Cancel a planned drill, with the reason. */
export function CancelDrillDialog({ drill, onClose }: Props) {
	const { t } = useI18n();
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/drills/{id}/cancel", {
					params: { path: { id: drill.id } },
					body: { version: drill.version, reason: reason.trim() },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("drills.cancelTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>{drill.title}</p>
				<Field label={t("drills.field.reason")} required>
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
					<button type="submit" className="button button-danger" disabled={busy}>
						{t("drills.cancel")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
