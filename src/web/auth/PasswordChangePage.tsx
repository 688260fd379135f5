import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { useActiveSession, useSession } from "../session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

/**
 * What can be told before sending: length and a matching confirmation. The rest of the rule
 * (common passwords, names, patterns) is the server's, explained from its issue codes.
 */
function localProblem(next: string, confirm: string): MessageKey | null {
	if ([...next].length < 12) return "password.tooShort";
	if (next !== confirm) return "password.mismatch";
	return null;
}

/** Replace the one-time password (first login, or after a reset). */
export function PasswordChangePage() {
	const { t } = useI18n();
	const { refresh } = useSession();
	return (
		<AuthLayout title={t("password.title")} lead={t("password.lead")} canLogout>
			<PasswordChangeForm onChanged={refresh} />
		</AuthLayout>
	);
}

/**
 * The password form itself: on the first-login screen, and on "my account" for a routine change
 * (which ends the person's other sessions).
 */
export function PasswordChangeForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
	const { t } = useI18n();
	const session = useActiveSession();
	const [current, setCurrent] = useState("");
	const [next, setNext] = useState("");
	const [confirm, setConfirm] = useState("");
	const [busy, setBusy] = useState(false);
	const [localError, setLocalError] = useState<MessageKey | null>(null);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setError(null);
		const problem = localProblem(next, confirm);
		setLocalError(problem);
		if (problem) return;
		setBusy(true);
		try {
			await call(
				api.POST("/api/auth/password", { body: { currentPassword: current, newPassword: next } }),
			);
			setCurrent("");
			setNext("");
			setConfirm("");
			await onChanged();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form" onSubmit={submit} aria-busy={busy} noValidate>
			{localError ? (
				<div className="alert alert-error" role="alert">
					<p className="alert-title">{t(localError)}</p>
				</div>
			) : null}
			<ErrorAlert error={error} />
			<input
				type="text"
				name="username"
				autoComplete="username"
				value={session.account.username}
				readOnly
				hidden
			/>
			<Field label={t("password.current")} required>
				{(id) => (
					<input
						id={id}
						name="current-password"
						type="password"
						autoComplete="current-password"
						required
						value={current}
						onChange={(event) => setCurrent(event.target.value)}
					/>
				)}
			</Field>
			<Field label={t("password.new")} hint={t("password.rules")} required>
				{(id, describedBy) => (
					<input
						id={id}
						name="new-password"
						type="password"
						autoComplete="new-password"
						required
						minLength={12}
						aria-describedby={describedBy}
						aria-invalid={localError === "password.tooShort"}
						value={next}
						onChange={(event) => setNext(event.target.value)}
					/>
				)}
			</Field>
			<Field label={t("password.confirm")} required>
				{(id) => (
					<input
						id={id}
						name="confirm-password"
						type="password"
						autoComplete="new-password"
						required
						aria-invalid={localError === "password.mismatch"}
						value={confirm}
						onChange={(event) => setConfirm(event.target.value)}
					/>
				)}
			</Field>
			<div className="form-actions">
				<button type="submit" className="button button-primary button-wide" disabled={busy}>
					{t("password.submit")}
				</button>
			</div>
		</form>
	);
}
