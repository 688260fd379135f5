/**
 * Empty list pages that are no dead end: what is missing, what to do, and confirmations of
 * actions that cannot be undone.
 */
export const emptyJa = {
	"empty.filtered": "条件に合うものはありません。条件を変えるか、条件をクリアしてください。",
	"empty.assets.title": "まだ情報資産が登録されていません",
	"empty.assets.guidance":
		"「{create}」で一件ずつ登録するか、「{import}」で Excel の台帳をまとめて取り込みます。",
	"empty.staff.title": "まだ職員が登録されていません",
	"empty.staff.guidance": "職員名簿（Excel）を取り込むと、職員と所属がまとめて登録されます。",
	"empty.staff.action": "職員名簿を取り込む",
	"empty.orgUnits.title": "まだ所属が登録されていません",
	"empty.orgUnits.guidance":
		"下の「{create}」で部局から順に登録するか、職員名簿の取込みで所属もまとめて登録します。",
	"empty.takeOuts.guidance":
		"持ち出しは情報資産管理台帳に登録された資産について申請します。まず台帳に資産を登録してください。",
	"empty.takeOuts.action": "情報資産管理台帳を開く",
	"empty.risks.title": "まだリスクが登録されていません",
	"empty.risks.guidance":
		"「{create}」で、情報資産に対する脅威と、その発生可能性・影響度を登録します。",
	"empty.mail.title": "まだメールを受信していません",
	"empty.mail.guidance":
		"受信したメールは無害化されてここに表示されます。受信と無害化の設定は、このページの「{settings}」で行います。",
	"empty.mail.action": "設定へ移動",
	"empty.accounts.title": "まだアカウントがありません",
	"empty.accounts.guidance": "「{create}」で作成するか、職員名簿の取込みでまとめて作成します。",
	"empty.audit.title": "まだ記録された操作はありません",
	"empty.audit.guidance": "ログインや登録・変更などの操作は、行われるとここに記録されます。",
	"confirm.approve.title": "この版を承認しますか",
	"confirm.approve.message":
		"承認すると版の内容は確定し、編集できなくなります。元に戻すことはできません。",
	"confirm.publishIrreversible": "公開（施行）は取り消せません。公開した版は以後変更できません。",
	"confirm.release.approveTitle": "添付ファイルの原本を渡しますか",
	"confirm.release.approveMessage":
		"承認すると、無害化前の原本が申請者に送られます。この決定は取り消せません。",
	"confirm.release.refuseTitle": "原本の受け渡しを却下しますか",
	"confirm.release.refuseMessage": "却下すると申請者に通知されます。この決定は取り消せません。",
} as const;
