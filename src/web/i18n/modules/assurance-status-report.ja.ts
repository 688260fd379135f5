/** Japanese messages of the yearly status report (情報セキュリティ対策の状況報告), merged into ja.ts. */
export const assuranceStatusReportJa = {
	"statusReport.nav": "年次状況報告",
	"statusReport.navDesc":
		"年度ごとの情報セキュリティ対策の状況（ポリシー、職員確認、研修、自己点検、監査、指摘事項、インシデント、持ち出し・廃棄、三層分離）を、委員会報告や総務省の状況調査向けにPDF・Excelで出力します。",
	"statusReport.title": "情報セキュリティ対策の状況報告",
	"statusReport.lead":
		"年度（4月〜翌年3月）を選んで、情報セキュリティ委員会への報告や総務省「地方公共団体における情報セキュリティ対策の状況調査」の回答に使う集計を出力します。数値は出力した時点のものです。",
	"statusReport.year": "対象年度",
	"statusReport.contents": "報告の内容",
	"statusReport.part.policy": "情報セキュリティポリシーの策定・改定（その年度に公表した版）",
	"statusReport.part.acknowledgement": "ポリシーの職員確認（既読）状況",
	"statusReport.part.training": "情報セキュリティ研修（研修の受講率、標的型メール訓練）",
	"statusReport.part.selfInspection": "自己点検の実施状況と回答率・遵守率",
	"statusReport.part.audits": "情報セキュリティ監査の実施状況と年度監査計画の達成",
	"statusReport.part.findings": "指摘事項の件数（未完了・完了）",
	"statusReport.part.incidents": "インシデントの区分別件数",
	"statusReport.part.custody": "情報資産の持ち出し・廃棄の件数",
	"statusReport.part.network": "三層分離チェックの結果",
	"statusReport.downloadPdf": "PDFで出力",
	"statusReport.downloadXlsx": "Excelで出力",
	"audit.type.assurance_status_report.exported": "情報セキュリティ対策の状況報告の出力",
};
