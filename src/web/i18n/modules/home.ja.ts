/** Japanese messages of Home (first steps, what waits for me), the grouped menu and dead ends. */
export const homeJa = {
	"docs.notification.backup_failed":
		"定期バックアップが失敗しました。ホームで状況を確認してください。",
	"docs.notification.backup_drill_failed":
		"復元訓練が失敗しました。ホームで状況を確認してください。",
	"home.backup.title": "バックアップ",
	"home.backup.lastBackup": "最後に成功したバックアップ: {at}",
	"home.backup.noBackup": "成功したバックアップはまだありません。",
	"home.backup.lastDrill": "最後に成功した復元訓練: {at}",
	"home.backup.noDrill": "成功した復元訓練はまだありません。",
	"home.backup.backupOverdue":
		"26時間以上、成功したバックアップがありません。スケジュール（MAMORI_BACKUP_DIR）と鍵の設定を確認してください。",
	"home.backup.drillOverdue":
		"8日以上、成功した復元訓練がありません。「mamori backup verify」で最新のバックアップを確認してください。",
	"home.backup.backupFailed": "{at} のバックアップが失敗しました:",
	"home.backup.drillFailed": "{at} の復元訓練が失敗しました:",
	"home.setup.title": "はじめに: 導入の手順",
	"home.setup.lead":
		"次の順に進めると、この団体で使い始められます。済んだ手順には自動で印が付きます。",
	"home.setup.progress": "{total} 手順中 {done} 手順が完了",
	"home.setup.done": "完了",
	"home.setup.todo": "未完了",
	"home.setup.step.organisation": "組織（部局・課）を登録する",
	"home.setup.step.staff": "職員名簿を取り込む",
	"home.setup.step.roles": "組織体制の役割を割り当てる",
	"home.setup.step.policy": "情報セキュリティポリシーを取り込み、公開する",
	"home.setup.step.assets": "情報資産管理台帳に資産を登録する",
	"home.setup.step.network": "三層分離のネットワーク構成を登録する",
	"home.setup.step.mail": "無害化通信（メール）の設定を確認して保存する",
	"home.setup.count.organisation": "登録済みの部局・課など: {count} 件",
	"home.setup.count.staff": "在籍中の職員: {count} 名",
	"home.setup.count.roles": "役割を持つ職員: {count} 名",
	"home.setup.count.policy": "公開済みの文書: {count} 件",
	"home.setup.count.assets": "登録済みの情報資産: {count} 件",
	"home.setup.count.network": "構成上の機器: {count} 台",
	"home.setup.count.mail": "{count} 件の設定を保存済み",
	"home.setup.hint.organisation":
		"ポリシーパックの部局は最初からあります。その下の部局・課を登録すると完了します。",
	"home.setup.hint.staff": "名簿（Excel）を取り込むと完了します。",
	"home.setup.hint.roles": "最高情報セキュリティ責任者（CISO）を任命すると完了します。",
	"home.setup.hint.policy": "基本方針を公開すると完了します。",
	"home.setup.hint.assets": "1 件以上登録すると完了します。",
	"home.setup.hint.network": "構成を一度保存すると完了します。",
	"home.setup.hint.mail": "既定値のままでよければ、そのまま保存すると完了します。",

	"home.work.title": "あなたを待っている作業",
	"home.work.none": "いま、あなたを待っている作業はありません。",
	"home.work.kind.take_out_decisions": "承認待ちの持ち出し申請: {count} 件",
	"home.work.kind.policy_approvals": "決裁待ちのポリシーの版: {count} 件",
	"home.work.kind.policy_publications": "承認済みで公開待ちのポリシーの版: {count} 件",
	"home.work.kind.acknowledgements": "確認が必要なポリシー文書: {count} 件",
	"home.work.kind.mail_release_decisions": "判断待ちの添付ファイル原本の提供依頼: {count} 件",

	"nav.group.organisation": "体制",
	"nav.group.policy": "ポリシー",
	"nav.group.assets": "情報資産",
	"nav.group.technical": "技術的対策",
	"nav.group.review": "点検・改善",
	"nav.group.admin": "管理",

	"deadEnd.requiresRoles": "この操作には{roles}の役割が必要です。",
	"deadEnd.rolesJoin": "、",
	"deadEnd.rolesOr": "または",
	"deadEnd.askRoles": "{roles}の役割を持つ職員が行います。",
	"recovery.download": "テキストファイルで保存",
	"recovery.print": "印刷",
	"recovery.copy": "コピー",
	"recovery.copied": "リカバリーコードをクリップボードにコピーしました。",
	"recovery.copyFailed":
		"コピーできませんでした。コードを選択してコピーするか、保存・印刷してください。",
	"recovery.fileName": "Mamori_リカバリーコード_{tenant}_{user}.txt",
	"recovery.fileHeader":
		"Mamori リカバリーコード（{tenant} / {user}）。各コードは一度だけ使えます。",
	"recovery.confirm": "リカバリーコードを保存・印刷またはコピーして、安全な場所に保管しました",
	"recovery.confirmHint": "保管したことを確認すると、次へ進めます。",
	"enroll.secretGroups": "4 文字ずつ区切って表示しています。空白は入力しなくてもかまいません。",
	"deadEnd.disposalStart":
		"廃棄・返却は、情報資産管理台帳で対象の資産を開き、「{button}」から記録を始めます。",
	"deadEnd.openLedger": "情報資産管理台帳を開く",
	"deadEnd.networkNotSetUp": "まだ構成が登録されていません",
	"deadEnd.networkNotSetUpLead":
		"三層分離の構成（機器・経路）を登録すると、ポリシーに適合しているかを確認します。下の取込みか編集から始めてください。",
	"deadEnd.startVersion":
		"上の「{upload}」で今のポリシーのテキストを取り込むか、改定案を新しく作成して始めます。",
	"deadEnd.confirmCloseTitle": "記録を完了しますか",
	"deadEnd.confirmClose":
		"完了すると資産は廃棄済み（返却済み）になり、この記録に証明書や写真を追加できなくなります。元に戻すことはできません。",
} as const;
