/** Japanese messages of the emergency response plan as a policy document, merged into ja.ts. */
export const emergencyPlanJa = {
	"docs.kind.emergency_plan": "緊急時対応計画",
	"docs.fromTemplate": "計画の構成から作成",
	"docs.planLead":
		"侵害が起きたときの連絡体制、被害拡大の防止、復旧、再発防止、訓練を定める計画です。訓練の記録は「訓練」にあります。",
	"docs.planDrills": "訓練の記録を開く",
	"issue.emergency_plan_exists": "緊急時対応計画はすでにあります。今ある計画を改定してください。",
	"issue.document_has_no_template": "構成からの作成は緊急時対応計画だけで使えます。",
} as const;
