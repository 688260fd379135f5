import { useState } from "react";
import { type Account, api, call } from "../api/client.ts";
import { ConfirmDialog, Dialog } from "../components/Dialog.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { AccountEditDialog } from "./AccountEditDialog.tsx";
import { OneTimePassword } from "./OneTimePassword.tsx";

type Pending = "edit" | "toggle" | "resetPassword" | "resetMfa" | null;

interface Props {
	account: Account;
	onChanged(account: Account, message: string | null): void;
}

/** The buttons for what the caller may do to an account, each behind a confirmation. */
export function AccountActions({ account, onChanged }: Props) {
	const { t } = useI18n();
	const [pending, setPending] = useState<Pending>(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [oneTime, setOneTime] = useState<string | null>(null);
	const allowed = (action: string) => account.allowedActions.includes(action);
	const name = account.displayName;
	const path = { params: { path: { id: account.id } } };

	function open(next: Pending) {
		setError(null);
		setPending(next);
	}

	async function run(action: () => Promise<void>) {
		setBusy(true);
		setError(null);
		try {
			await action();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	const confirmations = {
		toggle: {
			title: t(account.disabled ? "accounts.enable" : "accounts.disable"),
			message: t(account.disabled ? "accounts.confirmEnable" : "accounts.confirmDisable", { name }),
			danger: !account.disabled,
			action: async () => {
				const body = { disabled: !account.disabled };
				onChanged(
					await call(api.PATCH("/api/accounts/{id}", { ...path, body })),
					t("accounts.saved"),
				);
				setPending(null);
			},
		},
		resetPassword: {
			title: t("accounts.resetPassword"),
			message: t("accounts.confirmResetPassword", { name }),
			danger: true,
			action: async () => {
				const result = await call(api.POST("/api/accounts/{id}/password-reset", path));
				onChanged(result.account, null);
				setPending(null);
				setOneTime(result.oneTimePassword);
			},
		},
		resetMfa: {
			title: t("accounts.resetMfa"),
			message: t("accounts.confirmResetMfa", { name }),
			danger: true,
			action: async () => {
				onChanged(
					await call(api.POST("/api/accounts/{id}/mfa-reset", path)),
					t("accounts.mfaReset"),
				);
				setPending(null);
			},
		},
	};
	const confirmation = pending && pending !== "edit" ? confirmations[pending] : null;

	return (
		<div className="button-row">
			{allowed("account.update") ? (
				<>
					<button type="button" className="button" onClick={() => open("edit")}>
						{t("accounts.edit")}
					</button>
					<button type="button" className="button" onClick={() => open("toggle")}>
						{t(account.disabled ? "accounts.enable" : "accounts.disable")}
					</button>
				</>
			) : null}
			{allowed("account.reset_password") ? (
				<button type="button" className="button" onClick={() => open("resetPassword")}>
					{t("accounts.resetPassword")}
				</button>
			) : null}
			{allowed("account.reset_mfa") && account.mfaEnrolled ? (
				<button type="button" className="button" onClick={() => open("resetMfa")}>
					{t("accounts.resetMfa")}
				</button>
			) : null}

			{pending === "edit" ? (
				<AccountEditDialog
					account={account}
					onClose={(updated) => {
						setPending(null);
						if (updated) onChanged(updated, t("accounts.saved"));
					}}
				/>
			) : null}
			{confirmation ? (
				<ConfirmDialog
					title={confirmation.title}
					message={confirmation.message}
					confirmLabel={confirmation.title}
					danger={confirmation.danger}
					busy={busy}
					error={error}
					onConfirm={() => void run(confirmation.action)}
					onClose={() => setPending(null)}
				/>
			) : null}
			{oneTime ? (
				<Dialog title={t("accounts.oneTimeTitle")} onClose={() => setOneTime(null)}>
					<OneTimePassword name={name} password={oneTime} />
					<div className="form-actions">
						<button
							type="button"
							className="button button-primary"
							onClick={() => setOneTime(null)}
						>
							{t("common.close")}
						</button>
					</div>
				</Dialog>
			) : null}
		</div>
	);
}
