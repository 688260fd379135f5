/**
 * Japanese messages of what incident response feeds to the rest: the tenant's days for 速報, the
 * statistics card, the review's incident input and risks raised from a case.
 */
export const incidentFeedsJa = {
	"settings.incidentDays": "インシデント: 個人情報保護委員会への速報",
	"settings.incidentDays.label": "速報の目安（知った日から何日目まで）",
	"settings.incidentDays.hint":
		"法令上は「速やかに」です。空欄のときはポリシーパックの目安（{days}日目）で期限を示します。",
	"settings.incidentDays.hintNoAim":
		"法令上は「速やかに」です。空欄のときはポリシーパックの期限のとおりです。",
	"issue.field.incidentPreliminaryDays": "速報の目安日数",

	"audit.type.incident.stats_exported": "インシデント統計の書き出し",
	"audit.type.incident.risk_linked": "インシデントからのリスク登録・再評価",
	"issue.risk_threat_required":
		"この事案の区分はポリシーの脅威にありません。リスクの脅威を選んでください。",
	"issue.risk_unit_required":
		"事案の所属に、あなたが管理する所属がありません。リスクの所管課を選んでください。",
} as const;
