/** Japanese messages of the review's assurance inputs (findings, audits), merged into ja.ts. */
export const assuranceReviewJa = {
	"reviewAssurance.findings.title": "指摘事項（{year}）",
	"reviewAssurance.findings.hidden": "指摘事項の集計を見る権限がありません。",
	"reviewAssurance.findings.total":
		"指摘 {count} 件（前年度比 {change}）、うち是正期限超過 {overdue} 件（前年度比 {overdueChange}）",
	"reviewAssurance.findings.caption": "指摘事項の内訳と前年度比",
	"reviewAssurance.col.item": "区分",
	"reviewAssurance.col.thisYear": "当年度",
	"reviewAssurance.col.lastYear": "前年度",
	"reviewAssurance.col.change": "増減",
	"reviewAssurance.group.source": "発生源",
	"reviewAssurance.group.severity": "重大度",
	"reviewAssurance.group.state": "状態",
	"reviewAssurance.openMajor": "未完了の重大な指摘",
	"reviewAssurance.openMajor.none": "未完了の重大な指摘はありません。",
	"reviewAssurance.audits.title": "監査（{year}）",
	"reviewAssurance.audits.hidden": "監査の実績を見る権限がありません。",
	"reviewAssurance.audits.none": "この年度の監査はありません。",
	"reviewAssurance.audits.coverage":
		"年度監査計画の対象 {planned} 部署のうち、監査済み {audited} 部署",
	"reviewAssurance.audits.notAudited": "未監査: {units}",
	"reviewAssurance.audits.noPlan": "この年度の年度監査計画はありません。",
	"reviewAssurance.audits.period": "{start}〜{end}",
	"reviewAssurance.campaigns.title": "自己点検（{year}）",
	"reviewAssurance.campaigns.hidden": "自己点検の実績を見る権限がありません。",
	"reviewAssurance.campaigns.none": "この年度の自己点検はありません。",
	"reviewAssurance.campaigns.rates":
		"自己点検 {count} 件、回答率 {response}（前年度比 {responseChange} ポイント）、遵守率 {compliance}（前年度比 {complianceChange} ポイント）",
	"reviewAssurance.campaigns.one": "期限 {due}、回答率 {response}、遵守率 {compliance}",
	"reviewAssurance.raise": "是正処置を起票",
	"reviewAssurance.raiseTitle": "見直しの決定から是正処置を起票",
	"reviewAssurance.raised": "指摘 {reference} を起票しました。",
} as const;
