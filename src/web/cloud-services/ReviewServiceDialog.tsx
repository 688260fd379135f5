import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { CloudService } from "./types.ts";

/** Record that the service was reviewed today, and when it is reviewed next. */
export function ReviewServiceDialog({
	service,
	onClose,
}: {
	service: CloudService;
	onClose(saved?: CloudService): void;
}) {
	const { t } = useI18n();
	const [next, setNext] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/cloud-services/{id}/review", {
					params: { path: { id: service.id } },
					body: { version: service.version, ...(next ? { nextReviewOn: next } : {}) },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={`${service.code}: ${t("cloudServices.action.review")}`}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("cloudServices.review.nextReviewOn")}>
					{(id) => (
						<input
							id={id}
							name="nextReviewOn"
							type="date"
							value={next}
							onChange={(event) => setNext(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("cloudServices.review.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("cloudServices.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
