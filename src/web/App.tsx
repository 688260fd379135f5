import { useState } from "react";
import { LoginPage } from "./auth/LoginPage.tsx";
import { MfaVerifyPage } from "./auth/MfaVerifyPage.tsx";
import { PasswordChangePage } from "./auth/PasswordChangePage.tsx";
import { RecoveryCodesPage } from "./auth/RecoveryCodesPage.tsx";
import { TotpEnrollPage } from "./auth/TotpEnrollPage.tsx";
import { ErrorAlert } from "./components/ErrorAlert.tsx";
import { ScrollHints } from "./components/ScrollHints.tsx";
import { I18nProvider, useI18n } from "./i18n/i18n.tsx";
import { SessionProvider, useSession } from "./session.tsx";
import { Shell } from "./shell/Shell.tsx";

/** The whole UI: language and session state, then the screen the session's stage calls for. */
export function App() {
	return (
		<I18nProvider>
			<ScrollHints />
			<SessionProvider>
				<Screens />
			</SessionProvider>
		</I18nProvider>
	);
}

function Screens() {
	const { t } = useI18n();
	const { session, loadError, refresh } = useSession();
	const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

	if (session === undefined) {
		return (
			<main id="main" className="loading-screen">
				{loadError ? (
					<ErrorAlert error={loadError} />
				) : (
					<p aria-live="polite">{t("app.loading")}</p>
				)}
			</main>
		);
	}
	if (recoveryCodes) {
		return (
			<RecoveryCodesPage
				codes={recoveryCodes}
				onContinue={async () => {
					// The session is active now; read it before leaving so no stale step shows.
					await refresh();
					setRecoveryCodes(null);
				}}
			/>
		);
	}
	if (!session) return <LoginPage />;
	switch (session.stage) {
		case "mfa_verify":
			return <MfaVerifyPage />;
		case "password_change":
			return <PasswordChangePage />;
		case "mfa_enroll":
			return (
				<TotpEnrollPage
					onEnrolled={(codes) => {
						setRecoveryCodes(codes);
						void refresh();
					}}
				/>
			);
		case "active":
			return <Shell />;
	}
}
