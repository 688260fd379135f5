import { type FormEvent, useState } from "react";
import { type Account, api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { AccountDetailsFields } from "./AccountDetailsFields.tsx";
import { OneTimePassword } from "./OneTimePassword.tsx";

/** Create an account; its one-time password is shown here once. */
export function AccountCreateDialog({ onClose }: { onClose(created: Account | null): void }) {
	const { t } = useI18n();
	const [username, setUsername] = useState("");
	const [displayName, setDisplayName] = useState("");
	const [email, setEmail] = useState("");
	const [worksInMynumber, setWorksInMynumber] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [created, setCreated] = useState<{ account: Account; oneTimePassword: string } | null>(
		null,
	);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				username: username.trim(),
				displayName: displayName.trim(),
				email: email.trim() || null,
				worksInMynumber,
			};
			setCreated(await call(api.POST("/api/accounts", { body })));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	if (created) {
		return (
			<Dialog title={t("accounts.oneTimeTitle")} onClose={() => onClose(created.account)}>
				<OneTimePassword name={created.account.displayName} password={created.oneTimePassword} />
				<div className="form-actions">
					<button
						type="button"
						className="button button-primary"
						onClick={() => onClose(created.account)}
					>
						{t("common.close")}
					</button>
				</div>
			</Dialog>
		);
	}

	return (
		<Dialog title={t("accounts.createTitle")} onClose={() => onClose(null)}>
			<form className="form" onSubmit={submit} aria-busy={busy}>
				<ErrorAlert error={error} />
				<Field label={t("accounts.username")} hint={t("accounts.usernameHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							required
							minLength={2}
							maxLength={64}
							pattern="[A-Za-z0-9][A-Za-z0-9._\-]*"
							autoCapitalize="none"
							spellCheck={false}
							aria-describedby={describedBy}
							value={username}
							onChange={(event) => setUsername(event.target.value)}
						/>
					)}
				</Field>
				<AccountDetailsFields
					value={{ displayName, email, worksInMynumber }}
					onChange={(next) => {
						setDisplayName(next.displayName);
						setEmail(next.email);
						setWorksInMynumber(next.worksInMynumber);
					}}
				/>
				<div className="form-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("accounts.createSubmit")}
					</button>
					<button type="button" className="button" onClick={() => onClose(null)}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
