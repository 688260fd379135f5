/** Japanese messages of incident response, merged into the main catalogue (ja.ts). */
export const incidentsJa = {
	"audit.type.incident.reported": "インシデント報告",
	"audit.type.incident.triaged": "インシデントのトリアージ",
	"audit.type.incident.transitioned": "インシデントの状態変更",
	"audit.type.incident.note_added": "インシデントへのメモ追加",
	"audit.type.incident.filing_recorded": "法定報告の提出記録",

	"issue.prevention_required": "重大度の高い事案は、再発防止策を記入してから完了してください。",
	"issue.reason_required": "インシデントではないと判断した理由を記入してください。",
	"issue.unknown_category": "ポリシーにない区分です。選べる区分: {known}",
	"issue.severity_out_of_scale": "重大度は 1〜{max} の段階で選んでください。",
	"issue.unit_not_found": "この組織は見つかりません。",
	"issue.asset_not_found": "この情報資産は見つからないか、選べる範囲にありません。",
	"issue.unknown_obligation": "この報告義務は規則にありません。選べるもの: {known}",
	"issue.already_filed": "この報告の提出はすでに記録されています。",
	"issue.case_not_open": "対応を終えた事案は変更できません。",
	"issue.case_rejected": "インシデントではないと判断された事案です。",
	"issue.transition_not_allowed": "現在の状態ではこの操作を行えません。",
	"issue.stale_version": "ほかの人が先に変更しました。再読み込みしてください。",
	"issue.in_future": "未来の日付は指定できません（今日は {today}）。",
	"issue.required": "入力してください。",
} as const;
