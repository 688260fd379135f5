import { type FormEvent, useState } from "react";
import { type Account, api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { AccountDetailsFields } from "./AccountDetailsFields.tsx";

/** Change an account's name, mail address and My Number flag. */
export function AccountEditDialog({
	account,
	onClose,
}: {
	account: Account;
	onClose(updated: Account | null): void;
}) {
	const { t } = useI18n();
	const [displayName, setDisplayName] = useState(account.displayName);
	const [email, setEmail] = useState(account.email ?? "");
	const [worksInMynumber, setWorksInMynumber] = useState(account.worksInMynumber);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				displayName: displayName.trim(),
				email: email.trim() || null,
				worksInMynumber,
			};
			onClose(
				await call(api.PATCH("/api/accounts/{id}", { params: { path: { id: account.id } }, body })),
			);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("accounts.editTitle")} onClose={() => onClose(null)}>
			<form className="form" onSubmit={submit} aria-busy={busy}>
				<ErrorAlert error={error} />
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
						{t("common.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose(null)}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
