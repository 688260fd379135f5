import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useSession } from "../session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

/** Second step for enrolled accounts: a TOTP code, or one of the recovery codes. */
export function MfaVerifyPage() {
	const { t } = useI18n();
	const { refresh } = useSession();
	const [code, setCode] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			await call(api.POST("/api/auth/mfa/verify", { body: { code: code.trim() } }));
			await refresh();
		} catch (failure) {
			setError(failure);
			setCode("");
		} finally {
			setBusy(false);
		}
	}

	return (
		<AuthLayout title={t("mfa.title")} lead={t("mfa.lead")} canLogout>
			<form className="form" onSubmit={submit} aria-busy={busy}>
				<ErrorAlert error={error} />
				<Field label={t("mfa.code")} hint={t("mfa.recoveryHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							name="code"
							className="input-code"
							autoComplete="one-time-code"
							autoCapitalize="none"
							spellCheck={false}
							required
							minLength={6}
							maxLength={20}
							aria-describedby={describedBy}
							value={code}
							onChange={(event) => setCode(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button type="submit" className="button button-primary button-wide" disabled={busy}>
						{t("mfa.submit")}
					</button>
				</div>
			</form>
		</AuthLayout>
	);
}
