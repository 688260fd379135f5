import {
	createContext,
	type ReactNode,
	useCallback,
	useContext,
	useEffect,
	useMemo,
	useState,
} from "react";
import { en } from "./en.ts";
import { ja, type MessageKey, type Messages } from "./ja.ts";

export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];
const CATALOGUES: Record<Lang, Messages> = { ja, en };
const STORAGE_KEY = "mamori.lang";

export type Vars = Record<string, string | number>;

export interface I18n {
	lang: Lang;
	setLang(lang: Lang): void;
	/** The message for a key, with `{name}` placeholders filled in. */
	t(key: MessageKey, vars?: Vars): string;
	/** The label of a stable code (role, event type, error) under a prefix, or the code itself. */
	label(prefix: string, code: string, vars?: Vars): string;
}

function storedLang(): Lang {
	try {
		const value = localStorage.getItem(STORAGE_KEY);
		return value === "en" ? "en" : "ja";
	} catch {
		return "ja"; // storage may be blocked; Japanese is the default
	}
}

function fill(text: string, vars: Vars | undefined): string {
	if (!vars) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole,
	);
}

function isKey(messages: Messages, key: string): key is MessageKey {
	return Object.hasOwn(messages, key);
}

const I18nContext = createContext<I18n | null>(null);

/** Language state for the whole UI: Japanese by default, the choice kept in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
	const [lang, setLangState] = useState<Lang>(storedLang);

	useEffect(() => {
		document.documentElement.lang = lang;
		document.title = `${CATALOGUES[lang]["app.name"]} | ${CATALOGUES[lang]["app.tagline"]}`;
	}, [lang]);

	const setLang = useCallback((next: Lang) => {
		try {
			localStorage.setItem(STORAGE_KEY, next);
		} catch {
			// not remembered, but still switched
		}
		setLangState(next);
	}, []);

	const value = useMemo<I18n>(() => {
		const messages = CATALOGUES[lang];
		return {
			lang,
			setLang,
			t: (key, vars) => fill(messages[key], vars),
			label: (prefix, code, vars) => {
				const key = `${prefix}.${code}`;
				return isKey(messages, key) ? fill(messages[key], vars) : code;
			},
		};
	}, [lang, setLang]);

	return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its messages. */
export function useI18n(): I18n {
	const value = useContext(I18nContext);
	if (!value) throw new Error("useI18n outside I18nProvider");
	return value;
}
