/** Japanese messages of self-inspection campaigns (自己点検), merged into ja.ts. */
export const assuranceCampaignsJa = {
	"audit.type.assurance_campaign.opened": "自己点検の開始",
	"audit.type.assurance_campaign.answered": "自己点検の回答（下書き）",
	"audit.type.assurance_campaign.submitted": "自己点検の回答の提出",
	"audit.type.assurance_campaign.signed_off": "自己点検の所属確認（管理者）",
	"home.work.kind.campaign_items": "提出していない自己点検の項目: {count} 件",
	"issue.field.includeSubUnits": "下位の組織を含める",
	"issue.field.respondentId": "回答者",
	"issue.field.answer": "回答",
	"issue.field.levelIndex": "段階",
	"issue.field.evidence": "証跡ファイル",
	"issue.field.itemId": "点検項目",
	"issue.campaign_checklist_kind": "自己点検用のチェックリストの版を選んでください。",
	"issue.campaign_unit_unknown": "この組織は見つかりません。",
	"issue.campaign_due_in_past": "期限は今日（{today}）以降の日付にしてください。",
	"issue.campaign_no_respondents": "選んだ組織には回答する職員がいません。",
	"issue.campaign_item_not_assigned": "この項目はあなたの回答する項目ではありません。",
	"issue.campaign_answer_scale": "この項目の選択肢から回答してください。",
	"issue.campaign_submitted": "提出済みの回答は変更できません。",
	"issue.campaign_incomplete":
		"未回答の項目が {open} 件あります。すべて回答してから提出してください。",
	"issue.campaign_not_unit_manager": "所属の確認は、その所属の情報セキュリティ管理者が行います。",
	"issue.campaign_sign_off_note_required":
		"未提出の職員が {unsubmitted} 人います。確認するには、その理由を備考に書いてください。",
	"issue.campaign_unit_signed_off": "この所属は確認済みです。",
	"issue.campaign_closed": "この自己点検は終了しています。",
} as const;
