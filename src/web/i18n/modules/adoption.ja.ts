/**
 * Japanese messages of how a city runs its policy (決裁, 施行日, 確認状況) and keeps its own
 * codes (所属コード, 表示順) and tools (pdftoppm), merged into the main catalogue (ja.ts).
 */
export const adoptionJa = {
	"adoption.effectiveOn": "施行日",
	"adoption.decisionNumber": "決裁番号",
	"adoption.committeeDecidedOn": "委員会決定日",
	"adoption.decisionNumberHint": "起案文書の決裁番号（例: 情政第12号）。",
	"adoption.committeeDecidedOnHint": "情報セキュリティ委員会で決定した日。",
	"adoption.decision": "決裁",
	"adoption.drafterMayNotDecide":
		"この版はあなたが起案したため、承認・公開は別の方が行います（起案者と決裁者を分ける定めによる）。",
	"adoption.allAcknowledged": "全員が確認済みです。督促の必要はありません。",
	"adoption.displayOrder": "表示順",
	"adoption.displayOrderHint":
		"同じ階層の中での並び順（行政組織規則の順）。小さい数ほど上に表示します。空欄なら最後に加えます。",
	"adoption.pdfTools.missing":
		"PDF 添付は無害化できないため保留されます（このサーバーに {tools} がありません）。",
	"adoption.pdfTools.install": "{package} をインストールし、Mamori を再起動してください:",
	"issue.drafter_may_not_decide":
		"起案者は自分の起案を承認・公開できません。別の決裁権者に依頼してください。",
	"issue.decision_required": "{field}を入力してください。",
	"issue.field.effectiveOn": "施行日",
	"issue.field.decisionNumber": "決裁番号",
	"issue.field.committeeDecidedOn": "委員会決定日",
	"issue.field.displayOrder": "表示順",
} as const;
