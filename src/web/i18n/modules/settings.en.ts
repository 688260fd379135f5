import type { settingsJa } from "./settings.ja.ts";

/** English messages of the tenant's settings. */
export const settingsEn: Record<keyof typeof settingsJa, string> = {
	"settings.nav": "Organisation settings",
	"issue.field.dateStyle": "date style",
	"settings.navDesc":
		"See and change settings for the whole organisation, such as how dates are written.",
	"settings.title": "Organisation settings",
	"settings.lead":
		"These settings apply to every user's screens and to every Excel, CSV and PDF export.",
	"settings.dateStyle": "How dates are written",
	"settings.dateStyle.wareki": "Japanese era (和暦)",
	"settings.dateStyle.seireki": "Gregorian (西暦)",
	"settings.dateStyle.example": "e.g. {example}",
	"settings.dateStyle.hint":
		"Choose the style of your ordinances and basic policy. Every date on screen, in exports and in PDFs follows it (English screens show dates as 8 Dec 2026).",
	"settings.save": "Save",
	"settings.saved": "Settings saved.",
	"settings.readOnly": "Only the organisation's administrator can change this setting.",

	"audit.type.tenant.settings_changed": "Organisation settings changed",
};
