import { useI18n } from "../i18n/i18n.tsx";

/** The Mamori mark (a shield) and name. */
export function Brand({ inverse = false }: { inverse?: boolean }) {
	const { t } = useI18n();
	return (
		<span className={inverse ? "brand brand-inverse" : "brand"}>
			<svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
				<path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
				<path className="brand-mark-check" d="m8.5 12 2.5 2.5 4.5-5" />
			</svg>
			<span className="brand-name">{t("app.name")}</span>
			<span className="brand-tagline">{t("app.tagline")}</span>
		</span>
	);
}
