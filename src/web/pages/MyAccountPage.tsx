import { useState } from "react";
import { PasswordChangeForm } from "../auth/PasswordChangePage.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useActiveSession, useSession } from "../session.tsx";

/** One's own account: sign-in security at a glance, and a routine password change. */
export function MyAccountPage() {
	const { t, label } = useI18n();
	const { refresh } = useSession();
	const session = useActiveSession();
	const [changed, setChanged] = useState(false);
	const { account } = session;
	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("myAccount.title")}</h1>
			</div>
			<dl className="details">
				<dt>{t("myAccount.user")}</dt>
				<dd>
					{account.displayName} ({account.username})
				</dd>
				<dt>{t("myAccount.roles")}</dt>
				<dd>{session.roles.map((r) => label("role", r.role)).join("、") || t("common.none")}</dd>
				<dt>{t("myAccount.mfa")}</dt>
				<dd>
					{account.mfaEnrolled
						? t("myAccount.mfaOn", { count: String(account.recoveryCodesLeft) })
						: t("myAccount.mfaOff")}
				</dd>
			</dl>
			<h2>{t("password.title")}</h2>
			<p className="lead">{t("myAccount.passwordLead")}</p>
			{changed ? (
				<div className="alert alert-success" role="status">
					<p className="alert-title">{t("myAccount.changed")}</p>
				</div>
			) : null}
			<PasswordChangeForm
				onChanged={async () => {
					setChanged(true);
					await refresh();
				}}
			/>
		</section>
	);
}
