import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { type CloudService, type CloudServiceOptions, roleKey } from "./types.ts";

interface Props {
	service: CloudService;
	options: CloudServiceOptions;
	decision: "approve" | "refuse";
	onClose(saved?: CloudService): void;
}

/**
 * Approve a requested service up to a class of data, or refuse it with a reason (the server
 * checks both, and refuses an approval below the class the service declares).
 */
export function DecideServiceDialog({ service, options, decision, onClose }: Props) {
	const { t, lang } = useI18n();
	const [reason, setReason] = useState("");
	const [maxLevel, setMaxLevel] = useState(service.dataLevel);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const path = { params: { path: { id: service.id } } };
			const saved = await call(
				decision === "approve"
					? api.POST("/api/cloud-services/{id}/approve", {
							...path,
							body: { version: service.version, maxLevel, reason: reason.trim() },
						})
					: api.POST("/api/cloud-services/{id}/refuse", {
							...path,
							body: { version: service.version, reason: reason.trim() },
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
			title={`${service.code}: ${t(decision === "approve" ? "cloudServices.action.approve" : "cloudServices.action.refuse")}`}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p className="muted">
					{t("cloudServices.decide.deciders", {
						roles: options.deciders.map((role) => t(roleKey(role))).join("、"),
					})}
				</p>
				{decision === "approve" ? (
					<Field label={t("cloudServices.decide.maxLevel")} required>
						{(id) => (
							<select
								id={id}
								name="maxLevel"
								required
								value={maxLevel}
								onChange={(event) => setMaxLevel(event.target.value)}
							>
								{options.levels.map((level) => (
									<option key={level.code} value={level.code}>
										{level.label[lang]}（{level.code}）
									</option>
								))}
							</select>
						)}
					</Field>
				) : null}
				<Field label={t("cloudServices.decide.reason")} required={decision === "refuse"}>
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
								? "cloudServices.decide.submitApprove"
								: "cloudServices.decide.submitRefuse",
						)}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("cloudServices.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
