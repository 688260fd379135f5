import { type ReactNode, useId } from "react";
import { Brand } from "../components/Brand.tsx";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useSession } from "../session.tsx";

interface AuthLayoutProps {
	title: string;
	lead?: string;
	/** Offer to log out (on the steps after the password). */
	canLogout?: boolean;
	children: ReactNode;
}

/** The frame of the login steps: brand, language switch, one card. */
export function AuthLayout({ title, lead, canLogout = false, children }: AuthLayoutProps) {
	const { t } = useI18n();
	const { logout } = useSession();
	const titleId = useId();
	return (
		<div className="auth-page">
			<a className="skip-link" href="#main">
				{t("app.skipToContent")}
			</a>
			<header className="auth-header">
				<Brand />
				<LanguageSwitch />
			</header>
			<main id="main" className="auth-main" tabIndex={-1}>
				<section className="auth-card" aria-labelledby={titleId}>
					<h1 id={titleId}>{title}</h1>
					{lead ? <p className="lead">{lead}</p> : null}
					{children}
					{canLogout ? (
						<p className="auth-alt">
							<button type="button" className="button-link" onClick={() => void logout()}>
								{t("mfa.cancel")}
							</button>
						</p>
					) : null}
				</section>
			</main>
			<footer className="auth-footer">{t("app.footer")}</footer>
		</div>
	);
}
