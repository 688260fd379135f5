import { useI18n } from "../i18n/i18n.tsx";

/** A one-time password, shown once, with what to do with it. */
export function OneTimePassword({ name, password }: { name: string; password: string }) {
	const { t } = useI18n();
	return (
		<div className="one-time">
			<p className="alert alert-warning">{t("accounts.oneTimeLead", { name })}</p>
			<p className="one-time-value">
				<span className="visually-hidden">{t("accounts.oneTimeTitle")}: </span>
				<code data-testid="one-time-password">{password}</code>
			</p>
		</div>
	);
}
