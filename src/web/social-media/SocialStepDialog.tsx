import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import type { SocialAccount } from "./types.ts";

export type SocialStep = "approve" | "refuse" | "review" | "suspend" | "close";

interface Props {
	account: SocialAccount;
	step: SocialStep;
	today: string;
	onClose(saved?: SocialAccount): void;
}

const TITLES: Record<SocialStep, MessageKey> = {
	approve: "socialMedia.action.approve",
	refuse: "socialMedia.action.refuse",
	review: "socialMedia.review.title",
	suspend: "socialMedia.action.suspend",
	close: "socialMedia.action.close",
};
const SUBMITS: Record<SocialStep, MessageKey> = {
	approve: "socialMedia.decide.submitApprove",
	refuse: "socialMedia.decide.submitRefuse",
	review: "socialMedia.review.submit",
	suspend: "socialMedia.end.submitSuspend",
	close: "socialMedia.end.submitClose",
};

/**
 * One decision or record on an account: approve or refuse (a refusal says why), a review (its
 * date and what was checked), a suspension or closure (with the reason).
 */
export function SocialStepDialog({ account, step, today, onClose }: Props) {
	const { t } = useI18n();
	const [text, setText] = useState("");
	const [day, setDay] = useState(today);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const needsText = step !== "approve";

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const path = { params: { path: { id: account.id } } };
			const reasoned = { ...path, body: { version: account.version, reason: text.trim() } };
			const saved = await call(
				step === "approve"
					? api.POST("/api/social-media/accounts/{id}/approve", reasoned)
					: step === "refuse"
						? api.POST("/api/social-media/accounts/{id}/refuse", reasoned)
						: step === "suspend"
							? api.POST("/api/social-media/accounts/{id}/suspend", reasoned)
							: step === "close"
								? api.POST("/api/social-media/accounts/{id}/close", reasoned)
								: api.POST("/api/social-media/accounts/{id}/review", {
										...path,
										body: { version: account.version, reviewedOn: day, note: text.trim() },
									}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const label =
		step === "review"
			? t("socialMedia.review.note")
			: step === "approve" || step === "refuse"
				? t("socialMedia.decide.reason")
				: t("socialMedia.end.reason");

	return (
		<Dialog
			title={`${account.service} ${account.handle}: ${t(TITLES[step])}`}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				{step === "review" ? (
					<Field label={t("socialMedia.review.date")} required>
						{(id) => (
							<input
								id={id}
								name="reviewedOn"
								type="date"
								required
								max={today}
								value={day}
								onChange={(event) => setDay(event.target.value)}
							/>
						)}
					</Field>
				) : null}
				<Field label={label} required={needsText}>
					{(id) => (
						<textarea
							id={id}
							name={step === "review" ? "note" : "reason"}
							rows={3}
							maxLength={2000}
							required={needsText}
							value={text}
							onChange={(event) => setText(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button
						type="submit"
						className={
							step === "approve" || step === "review"
								? "button button-primary"
								: "button button-danger"
						}
						disabled={busy}
					>
						{t(SUBMITS[step])}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("socialMedia.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
