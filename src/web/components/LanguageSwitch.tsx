import { LANGS, useI18n } from "../i18n/i18n.tsx";

/** 日本語 / English, as a pair of toggle buttons; the choice is remembered. */
export function LanguageSwitch() {
	const { lang, setLang, t } = useI18n();
	return (
		<fieldset className="lang-switch">
			<legend className="visually-hidden">{t("lang.label")}</legend>
			{LANGS.map((code) => (
				<button
					key={code}
					type="button"
					lang={code}
					aria-pressed={lang === code}
					className={lang === code ? "lang-option is-current" : "lang-option"}
					onClick={() => setLang(code)}
				>
					{t(code === "ja" ? "lang.ja" : "lang.en")}
				</button>
			))}
		</fieldset>
	);
}
