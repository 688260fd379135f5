/** Japanese messages of the tenant's settings (団体の設定). */
export const settingsJa = {
	"settings.nav": "団体の設定",
	"issue.field.dateStyle": "日付の書き方",
	"settings.navDesc": "日付の書き方（和暦・西暦）など、団体全体に効く設定を確認・変更します。",
	"settings.title": "団体の設定",
	"settings.lead":
		"ここでの設定は、団体のすべての利用者の画面と、Excel・CSV・PDF の書き出しに効きます。",
	"settings.dateStyle": "日付の書き方",
	"settings.dateStyle.wareki": "和暦",
	"settings.dateStyle.seireki": "西暦",
	"settings.dateStyle.example": "例: {example}",
	"settings.dateStyle.hint":
		"例規や基本方針と同じ書き方を選んでください。画面・書き出し・PDF のすべての日付がこの書き方になります。",
	"settings.save": "保存",
	"settings.saved": "設定を保存しました。",
	"settings.readOnly": "この設定を変更できるのは団体管理者です。",

	"audit.type.tenant.settings_changed": "団体の設定の変更",
} as const;
