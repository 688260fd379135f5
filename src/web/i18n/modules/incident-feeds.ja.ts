/**
 * Japanese messages of what incident response feeds to the rest, and is fed: the tenant's days for
 * 速報, the statistics card, the review's incident input, risks raised from a case, and the mail
 * gateway's cases for held malware.
 */
export const incidentFeedsJa = {
	"settings.incidentDays": "インシデント: 個人情報保護委員会への速報",
	"settings.incidentDays.label": "速報の目安（知った日から何日目まで）",
	"settings.incidentDays.hint":
		"法令上は「速やかに」です。空欄のときはポリシーパックの目安（{days}日目）で期限を示します。",
	"settings.incidentDays.hintNoAim":
		"法令上は「速やかに」です。空欄のときはポリシーパックの期限のとおりです。",
	"issue.field.riskId": "リスク",
	"issue.field.incidentPreliminaryDays": "速報の目安日数",

	"audit.type.incident.stats_exported": "インシデント統計の書き出し",
	"audit.type.incident.risk_linked": "インシデントからのリスク登録・再評価",
	"issue.risk_threat_required":
		"この事案の区分はポリシーの脅威にありません。リスクの脅威を選んでください。",
	"issue.risk_unit_required":
		"事案の所属に、あなたがリスクを登録できる所属がありません。リスクの所管を選んでください。",

	"issue.field.malwareIncidents": "マルウェア検知時のインシデント起票",
	"mail.settings.malwareIncidents": "マルウェアを検知して保留したメールからインシデントを起票する",
	"mail.settings.malwareIncidentsHint":
		"保留したメール1通につき1件、インシデント対応に「無害化ゲートウェイ」からの報告として事案を開きます。CSIRTがトリアージします。",

	"incidents.raiseRisk.action": "リスクとして登録",
	"incidents.raiseRisk.title": "この事案からリスクを登録",
	"incidents.raiseRisk.hint":
		"説明には事案の「何が起きたか」、対応計画には再発防止策、関連資産には事案の資産を引き継ぎます。登録後の記入と見直しは所管の管理者がリスク台帳で行います。",
	"incidents.raiseRisk.choose": "選んでください",
	"incidents.raiseRisk.submit": "リスクを登録する",
	"incidents.raiseRisk.done": "リスク「{title}」を台帳に登録しました。",
	"incidents.raiseRisk.open": "リスクを開く",
	"incidents.timeline.kind.risk_raised": "リスクとして登録",
	"incidents.timeline.kind.risk_rescored": "リスクの再評価",
	"incidents.timeline.risk": "リスク：{title}",
	"incidents.timeline.riskRatings":
		"固有リスク {inherentBefore} → {inherentAfter}、残留リスク {residualBefore} → {residualAfter}",
	"incidents.linkedRisks.title": "この事案に関連するリスク",
	"incidents.rescoreRisk.action": "再評価",
	"incidents.rescoreRisk.actionFor": "「{title}」を再評価",
	"incidents.rescoreRisk.title": "この事案を踏まえてリスクを再評価",
	"incidents.rescoreRisk.hint":
		"リスク「{title}」の発生可能性と影響度を、この事案を踏まえて見直します。台帳の現在の評価から始まります。",
	"incidents.rescoreRisk.reason": "再評価の理由",
	"incidents.rescoreRisk.reasonHint": "事案の経過に記録されます。",
	"incidents.rescoreRisk.submit": "再評価を記録する",

	"incidentStats.title": "インシデントの状況",
	"incidentStats.recalculating":
		"再計算中：報告ルール（ポリシーパック、速報の日数、休日）が変わったため、報告期限を計算し直しています。一覧の期限は新しいルールによるものですが、件数と集計は終わるまで変更前のものです。",
	"incidentStats.open.none": "提出していない法定報告はありません。",
	"incidentStats.open.count": "提出していない法定報告が {count} 件あります。",
	"incidentStats.open.due": "期限 {date}",
	"incidentStats.open.overdue": "期限超過",
	"incidentStats.year": "年度",
	"incidentStats.caption": "{year}のインシデントの集計",
	"incidentStats.total": "報告された事案",
	"incidentStats.byCategory": "区分（多い順）",
	"incidentStats.byUnit": "所属（多い順）",
	"incidentStats.uncategorised": "未分類",
	"incidentStats.noUnit": "所属なし",
	"incidentStats.toTriage": "トリアージまで（中央値・平均）",
	"incidentStats.toClose": "完了まで（中央値・平均）",
	"incidentStats.duration": "{median}・{mean}",
	"incidentStats.hours": "{value}時間",
	"incidentStats.days": "{value}日",
	"incidentStats.none": "なし",
	"incidentStats.stage.preliminary": "速報（期限内・期限後・未提出）",
	"incidentStats.stage.final": "確報（期限内・期限後・未提出）",
	"incidentStats.reporting": "{onTime}件・{late}件・{unfiled}件",
	"incidentStats.exportXlsx": "集計を Excel で書き出す",
	"incidentStats.exportCsv": "集計を CSV で書き出す",

	"review.incidentInput.title": "インシデント（対象期間に完了した事案）",
	"review.incidentInput.period": "対象期間: {from}〜{to}。",
	"review.incidentInput.hint":
		"前回の見直しの決定（初回は前年度の4月1日）以降に完了した事案です。インシデント対応の記録から自動で集めます。",
	"review.incidentInput.counts": "完了した事案 {closed} 件、うち再発防止策の記録 {prevention} 件。",
	"review.incidentInput.none": "この期間に完了したインシデントはありません。",
	"review.incidentInput.uncategorised": "未分類",
	"review.incidentInput.more": "重大度の高い順に {shown} 件を表示しています（全 {total} 件）。",
	"review.incidentInput.noPrevention": "（記録なし）",
	"review.incidentInput.col.case": "事案",
	"review.incidentInput.col.category": "区分",
	"review.incidentInput.col.severity": "重大度",
	"review.incidentInput.col.units": "所属",
	"review.incidentInput.col.closed": "完了日",
	"review.incidentInput.col.prevention": "再発防止策",
} as const;
