/**
 * The Japanese message catalogue: the reference for every other language. Placeholders are
 * written `{name}`. Role, audit event and error labels are keyed by their stable codes.
 */
import { adoptionJa } from "./modules/adoption.ja.ts";
import { apiTokensJa } from "./modules/api-tokens.ja.ts";
import { assetsJa } from "./modules/assets.ja.ts";
import { assuranceAuditsJa } from "./modules/assurance-audits.ja.ts";
import { assuranceCampaignsJa } from "./modules/assurance-campaigns.ja.ts";
import { assuranceChecklistsJa } from "./modules/assurance-checklists.ja.ts";
import { assuranceFindingsJa } from "./modules/assurance-findings.ja.ts";
import { assuranceReviewJa } from "./modules/assurance-review.ja.ts";
import { assuranceStatusReportJa } from "./modules/assurance-status-report.ja.ts";
import { cloudServicesJa } from "./modules/cloud-services.ja.ts";
import { contractsJa } from "./modules/contracts.ja.ts";
import { custodyJa } from "./modules/custody.ja.ts";
import { directoryJa } from "./modules/directory.ja.ts";
import { documentsJa } from "./modules/documents.ja.ts";
import { drillsJa } from "./modules/drills.ja.ts";
import { emergencyPlanJa } from "./modules/emergency-plan.ja.ts";
import { emptyJa } from "./modules/empty.ja.ts";
import { exceptionsJa } from "./modules/exceptions.ja.ts";
import { fileIssuesJa } from "./modules/file-issues.ts";
import { homeJa } from "./modules/home.ja.ts";
import { importMappingJa } from "./modules/import-mapping.ja.ts";
import { incidentCaseworkJa } from "./modules/incident-casework.ja.ts";
import { incidentChainJa } from "./modules/incident-chain.ja.ts";
import { incidentFeedsJa } from "./modules/incident-feeds.ja.ts";
import { incidentsJa } from "./modules/incidents.ja.ts";
import { issuesJa } from "./modules/issues.ja.ts";
import { layoutJa } from "./modules/layout.ja.ts";
import { mailJa } from "./modules/mail.ja.ts";
import { mailReasonsJa } from "./modules/mail-reasons.ts";
import { myNumberJa } from "./modules/my-number.ja.ts";
import { networkJa } from "./modules/network.ja.ts";
import { networkFindingsJa } from "./modules/network-findings.ts";
import { networkIssuesJa } from "./modules/network-issues.ts";
import { networkTermsJa } from "./modules/network-terms.ja.ts";
import { orgJa } from "./modules/org.ja.ts";
import { packJa } from "./modules/pack.ja.ts";
import { refusalsJa } from "./modules/refusals.ja.ts";
import { risksJa } from "./modules/risks.ja.ts";
import { secureAreasJa } from "./modules/secure-areas.ja.ts";
import { settingsJa } from "./modules/settings.ja.ts";
import { socialMediaJa } from "./modules/social-media.ja.ts";
import { trainingJa } from "./modules/training.ja.ts";
import { vocabularyJa } from "./modules/vocabulary.ts";
import { webhooksJa } from "./modules/webhooks.ja.ts";

export const ja = {
	...orgJa,
	...assetsJa,
	...custodyJa,
	...documentsJa,
	...packJa,
	...networkJa,
	...fileIssuesJa,
	...networkIssuesJa,
	...networkFindingsJa,
	...layoutJa,
	...issuesJa,
	...refusalsJa,
	...mailJa,
	...mailReasonsJa,
	...risksJa,
	...homeJa,
	...adoptionJa,
	...incidentsJa,
	...incidentCaseworkJa,
	...incidentChainJa,
	...drillsJa,
	...exceptionsJa,
	...socialMediaJa,
	...webhooksJa,
	...importMappingJa,
	...myNumberJa,
	...directoryJa,
	...secureAreasJa,
	...apiTokensJa,
	...trainingJa,
	...cloudServicesJa,
	...contractsJa,
	...assuranceReviewJa,
	...assuranceStatusReportJa,
	...assuranceChecklistsJa,
	...assuranceCampaignsJa,
	...assuranceFindingsJa,
	...assuranceAuditsJa,
	...emergencyPlanJa,
	...incidentFeedsJa,
	...emptyJa,
	...vocabularyJa,
	...settingsJa,
	...networkTermsJa,
	"app.name": "Mamori",
	"app.tagline": "情報セキュリティ管理システム",
	"app.loading": "読み込み中…",
	"app.skipToContent": "本文へ移動",
	"app.footer": "Mamori 情報セキュリティ管理システム",

	"imports.progress.label": "取込みの進み具合",
	"imports.progress.queued": "取込みの開始を待っています…",
	"imports.progress.rows": "{total} 行中 {checked} 行を検査、{written} 行を書き込みました",
	"imports.skipped.blank": "空行 {count} 行を読み飛ばしました。",
	"imports.skipped.total": "合計行（{rows} 行目）は取り込まずに読み飛ばしました。",

	"lang.label": "表示言語",
	"lang.ja": "日本語",
	"lang.en": "English",

	"common.save": "保存",
	"common.cancel": "キャンセル",
	"common.close": "閉じる",
	"common.search": "検索",
	"common.clear": "クリア",
	"common.optional": "（任意）",
	"common.required": "（必須）",
	"common.yes": "はい",
	"common.no": "いいえ",
	"common.none": "なし",
	"common.actions": "操作",
	"common.comingSoon": "準備中",
	"common.downloading": "書き出し中…",
	"common.previous": "前へ",
	"common.next": "次へ",
	"common.pageRange": "{total}件中 {from}–{to}件を表示",
	"common.noResults": "該当するデータはありません。",
	"common.pagination": "ページ送り",
	"common.errorDetail": "詳細",

	"login.title": "ログイン",
	"login.lead": "所属する団体を選び、ユーザー名とパスワードを入力してください。",
	"login.tenant": "団体",
	"login.tenantChoose": "選択してください",
	"login.username": "ユーザー名",
	"login.password": "パスワード",
	"login.submit": "ログイン",
	"login.sessionEnded": "セッションが終了しました。もう一度ログインしてください。",
	"login.loggedOut": "ログアウトしました。",

	"mfa.title": "二要素認証",
	"mfa.lead": "認証アプリに表示されている6桁のコードを入力してください。",
	"mfa.code": "認証コード",
	"mfa.recoveryHint":
		"認証アプリを使えない場合は、初回登録時に保存したリカバリーコードを入力できます（各コードは1回のみ使用可）。",
	"mfa.submit": "確認",
	"mfa.cancel": "別のアカウントでログイン",

	"myAccount.title": "アカウント設定",
	"myAccount.user": "利用者",
	"myAccount.roles": "役割",
	"myAccount.mfa": "二要素認証",
	"myAccount.mfaOn": "登録済み（リカバリーコード残り {count} 件）",
	"myAccount.mfaOff": "未登録",
	"myAccount.passwordLead": "変更すると、このブラウザー以外でのログインはすべて終了します。",
	"myAccount.changed": "パスワードを変更しました。他の端末のログインは終了しました。",
	"password.title": "パスワードの変更",
	"password.lead":
		"初期パスワードのままでは利用できません。新しいパスワードを設定してください。変更すると、このアカウントの他のセッションはすべて終了します。",
	"password.current": "現在のパスワード",
	"password.new": "新しいパスワード",
	"password.confirm": "新しいパスワード（確認）",
	"password.rules":
		"12文字以上で、氏名・ユーザー名・団体名を含まず、よく使われるパスワードや単純な繰り返し・キーボードの並びでないものにしてください。単語を4つほど並べた長い文章（パスフレーズ）がおすすめです。",
	"password.mismatch": "新しいパスワードと確認用のパスワードが一致しません。",
	"password.tooShort": "新しいパスワードは12文字以上にしてください。",
	"password.submit": "パスワードを変更",

	"enroll.title": "二要素認証（TOTP）の登録",
	"enroll.lead":
		"このアカウントでは二要素認証が必須です。認証アプリ（Google Authenticator、Microsoft Authenticator など）で QR コードを読み取ってください。",
	"enroll.qrAlt": "認証アプリに登録するための QR コード",
	"enroll.secret": "QR コードを読み取れない場合は、次のキーを手入力してください",
	"enroll.code": "認証アプリに表示された6桁のコード",
	"enroll.submit": "登録を完了",
	"enroll.preparing": "登録情報を準備しています…",

	"recovery.title": "リカバリーコード",
	"recovery.lead":
		"認証アプリを使えなくなったときに、次のコードでログインできます。この画面は一度しか表示されません。印刷するか、安全な場所に保管してください。",
	"recovery.listLabel": "リカバリーコード一覧",
	"recovery.saved": "保管しました。次へ進む",

	"shell.mainNav": "メインメニュー",
	"shell.user": "ログイン中",
	"shell.logout": "ログアウト",
	"shell.tenant": "団体",

	"nav.home": "ホーム",
	"nav.accounts": "アカウント",
	"nav.orgUnits": "組織",
	"nav.audit": "監査ログ",
	"nav.upcoming": "今後追加される機能",
	"nav.assets": "情報資産台帳",
	"nav.network": "ネットワーク分離",
	"nav.incidents": "インシデント対応",
	"nav.outsourcing": "外部委託・クラウド",
	"home.incidentsDesc": "CSIRT による報告・初動・再発防止の記録",
	"home.outsourcingDesc": "委託先・クラウドサービスの審査と管理",
	"nav.sanitize": "無害化通信",
	"nav.policies": "ポリシー",

	"home.title": "ホーム",
	"home.welcome": "{name}さん、ようこそ。{tenant}の情報セキュリティ管理システムです。",
	"home.yourRoles": "あなたの役割",
	"home.security": "ログインの安全性",
	"home.mfaOn": "二要素認証: 登録済み",
	"home.mfaOff": "二要素認証: 未登録",
	"home.recoveryLeft": "残りのリカバリーコード: {count}件",
	"home.recoveryLow":
		"リカバリーコードの残りが少なくなっています。管理者に二要素認証の再設定を依頼してください。",
	"home.modules": "機能",
	"home.accountsDesc": "職員のアカウントと役割（組織体制）の管理",
	"home.orgUnitsDesc": "部局・課・システムなど組織の構成",
	"home.auditDesc": "操作の記録の閲覧と CSV 出力",
	"home.assetsDesc": "情報資産の分類・管理",
	"home.networkDesc": "三層分離の構成と例外の管理",
	"home.sanitizeDesc": "メール・ファイルの無害化の記録",
	"home.policiesDesc": "基本方針・対策基準の管理と周知",

	"notFound.title": "ページが見つかりません",
	"notFound.lead": "URL を確認するか、メニューから移動してください。",
	"forbidden.title": "表示する権限がありません",
	"forbidden.lead": "この画面を利用する権限が割り当てられていません。",

	"accounts.title": "アカウント",
	"accounts.searchLabel": "ユーザー名・氏名で検索",
	"accounts.create": "アカウントを作成",
	"accounts.username": "ユーザー名",
	"accounts.displayName": "氏名",
	"accounts.email": "メールアドレス",
	"accounts.worksInMynumber": "マイナンバー利用事務系で業務を行う",
	"accounts.roles": "役割",
	"accounts.mfa": "二要素認証",
	"accounts.status": "状態",
	"accounts.createdAt": "作成日",
	"accounts.statusActive": "有効",
	"accounts.statusDisabled": "無効",
	"accounts.statusMustChange": "初回パスワード未変更",
	"accounts.mfaEnrolled": "登録済み",
	"accounts.mfaNotEnrolled": "未登録",
	"accounts.usernameHint": "半角英数字と . _ - （2〜64文字）",
	"accounts.createTitle": "アカウントの作成",
	"accounts.createSubmit": "作成",
	"accounts.oneTimeTitle": "初期パスワード",
	"accounts.oneTimeLead":
		"{name}の初期パスワードです。この画面を閉じると二度と表示されません。本人に安全な方法で伝えてください。初回ログイン時に変更が求められます。",
	"accounts.detailTitle": "アカウントの詳細",
	"accounts.backToList": "アカウント一覧へ戻る",
	"accounts.edit": "基本情報を変更",
	"accounts.editTitle": "基本情報の変更",
	"accounts.disable": "無効にする",
	"accounts.enable": "有効にする",
	"accounts.resetPassword": "パスワードを再発行",
	"accounts.resetMfa": "二要素認証をリセット",
	"accounts.confirmDisable":
		"{name}を無効にします。ログイン中のセッションも終了します。よろしいですか。",
	"accounts.confirmEnable": "{name}を有効にします。よろしいですか。",
	"accounts.confirmResetPassword":
		"{name}のパスワードを再発行します。現在のパスワードは使えなくなります。よろしいですか。",
	"accounts.confirmResetMfa":
		"{name}の認証アプリの登録とリカバリーコードを削除します。次回ログイン時に再登録が必要です。よろしいですか。",
	"accounts.saved": "保存しました。",
	"accounts.mfaReset": "二要素認証をリセットしました。",

	"roles.title": "役割の割当て",
	"roles.role": "役割",
	"roles.orgUnit": "組織",
	"roles.validFrom": "開始",
	"roles.validTo": "終了",
	"roles.validToInput": "終了日",
	"roles.validToHint": "空欄の場合は無期限です。終了日の終わり（23:59）まで有効です。",
	"roles.state": "状態",
	"roles.inForce": "有効",
	"roles.notInForce": "期間外",
	"roles.wholeTenant": "団体全体",
	"roles.none": "役割は割り当てられていません（全員が「職員」として扱われます）。",
	"roles.assign": "役割を割り当てる",
	"roles.assignTitle": "役割の追加",
	"roles.revoke": "解除",
	"roles.confirmRevoke": "{name}の役割「{role}」を解除します。よろしいですか。",
	"roles.chooseRole": "役割を選択",
	"roles.chooseOrgUnit": "組織を選択",
	"roles.orgUnitRequired": "この役割には組織の指定が必要です。",
	"roles.noOrgUnits": "組織が登録されていません。先に「組織」で登録してください。",

	"role.instance_admin": "システム全体管理者",
	"role.tenant_admin": "団体管理者",
	"role.ciso": "最高情報セキュリティ責任者（CISO）",
	"role.chief_officer": "統括情報セキュリティ責任者",
	"role.department_officer": "情報セキュリティ責任者",
	"role.section_manager": "情報セキュリティ管理者",
	"role.system_admin": "情報システム管理者",
	"role.csirt": "CSIRT",
	"role.committee_member": "情報セキュリティ委員会委員",
	"role.auditor": "情報セキュリティ監査担当",
	"role.staff": "職員",

	"org.title": "組織",
	"org.lead": "部局・課・係・情報システムを登録します。役割の割当てで使われます。",
	"org.code": "組織コード",
	"org.name": "名称",
	"org.kind": "種類",
	"org.parent": "上位組織",
	"org.noParent": "（なし・最上位）",
	"org.create": "組織を追加",
	"org.createSubmit": "追加",
	"org.created": "「{name}」を追加しました。",
	"org.empty": "組織はまだ登録されていません。",
	"org.kind.agency": "機関",
	"org.kind.department": "部局",
	"org.kind.section": "課",
	"org.kind.subsection": "係",
	"org.kind.system": "情報システム",

	"audit.title": "監査ログ",
	"audit.lead":
		"すべての操作は改ざん検知のためハッシュチェーンで記録されています。日時は日本時間です。",
	"audit.filters": "絞り込み",
	"audit.actor": "実行者",
	"audit.type": "種別",
	"audit.allTypes": "すべて",
	"audit.recordId": "対象 ID",
	"audit.from": "開始日",
	"audit.to": "終了日",
	"audit-log.export": "CSV を出力",
	"audit.occurredAt": "日時（日本時間）",
	"audit.record": "対象",
	"audit.summary": "内容",
	"audit.system": "システム",

	"audit.recordType.account": "アカウント",
	"audit.recordType.org_unit": "組織",
	"audit.recordType.tenant": "団体",

	"audit.type.tenant.created": "団体の作成",
	"audit.type.policy_pack.installed": "ポリシーパック適用",
	"audit.type.auth.login_succeeded": "ログイン成功",
	"audit.type.auth.login_failed": "ログイン失敗",
	"audit.type.auth.login_throttled": "ログインの一時停止",
	"audit.type.auth.logout": "ログアウト",
	"audit.type.auth.password_changed": "パスワード変更",
	"audit.type.auth.password_change_failed": "パスワード変更失敗（現在のパスワード誤り）",
	"audit.type.auth.mfa_enrolled": "二要素認証の登録",
	"audit.type.auth.recovery_code_used": "リカバリーコードの使用",
	"audit.type.account.created": "アカウントの作成",
	"audit.type.account.updated": "アカウントの変更",
	"audit.type.account.password_reset": "パスワードの再発行",
	"audit.type.account.mfa_reset": "二要素認証のリセット",
	"audit.type.role.assigned": "役割の割当て",
	"audit.type.role.revoked": "役割の解除",
	"audit.type.org_unit.created": "組織の追加",
	"audit.type.org_unit.updated": "組織の変更",
	"audit.type.staff.created": "職員の登録",
	"audit.type.staff.updated": "職員情報の変更",
	"audit.type.staff.left": "職員の退職・転出",
	"audit.type.roster.previewed": "名簿取込みのプレビュー",
	"audit.type.roster.applied": "名簿取込みの適用",
	"audit.type.roster.discarded": "名簿取込みの破棄",
	"audit.type.roster.passwords_downloaded": "初期パスワードのダウンロード",
	"audit.type.backup.failure_notified": "バックアップ失敗の通知",
	"audit.type.audit.checkpointed": "監査ログの署名付きチェックポイント",
	"audit.type.audit.exported": "監査ログの出力",
	"audit.type.policy.document_created": "ポリシー文書の作成",
	"audit.type.policy.draft_created": "ポリシー改定案の作成",
	"audit.type.policy.draft_edited": "ポリシー改定案の編集",
	"audit.type.policy.version_transitioned": "ポリシー版の状態変更",
	"audit.type.policy.version_published": "ポリシー版の公開",
	"audit.type.policy.procedure_read": "実施手順の閲覧",
	"audit.type.policy.acknowledged": "ポリシーの確認",
	"audit.type.policy.reminders_sent": "確認の督促",
	"audit.type.policy.unacknowledged_exported": "未確認者一覧の出力",
	"audit.type.policy_review.opened": "ポリシー見直しの開始",
	"audit.type.policy_review.inputs_recorded": "見直しの材料・リスク分析の記録",
	"audit.type.policy_review.decided": "見直しの決定",

	"audit.data.method.password": "パスワード",
	"audit.data.method.password_totp": "パスワード + 認証アプリ",
	"audit.data.method.password_recovery_code": "パスワード + リカバリーコード",
	"audit.data.reason.bad_credentials": "ユーザー名またはパスワードの誤り",
	"audit.data.reason.throttled": "試行回数超過",
	"audit.data.reason.bad_second_factor": "認証コードの誤り",
	"audit.data.reason.disabled": "無効なアカウント",
	"audit.data.method": "方式: {method}",
	"audit.data.failed": "ユーザー名 {username}: {reason}",
	"audit.data.throttled": "ユーザー名 {username}、{until}まで停止",
	"audit.data.sessionsRevoked": "終了したセッション: {count}件",
	"audit.data.remaining": "残りのコード: {count}件",
	"audit.data.accountCreated": "{username}（{displayName}）",
	"audit.data.noChange": "変更なし",
	"audit.data.role": "{role}{unit}{until}",
	"audit.data.roleUnit": "（{unit}）",
	"audit.data.roleUntil": "、{date}まで",
	"audit.data.orgUnit": "{code} {name}（{kind}）",
	"audit.data.exported": "{rows}件",
	"audit.data.checkpointed": "連番 {seq}（{hash}…）に署名",
	"audit.checkpoint.title": "署名付きチェックポイント（最新）",
	"audit.checkpoint.none":
		"まだありません。`mamori audit checkpoint` または毎日のジョブで作成されます。",
	"audit.checkpoint.at": "署名日時",
	"audit.checkpoint.seq": "連番",
	"audit.checkpoint.hash": "ハッシュ",
	"audit.checkpoint.verified": "検証",
	"audit.checkpoint.ok": "一致（署名が正しく、記録が残っています）",
	"audit.checkpoint.badSignature": "不一致: 署名が正しくありません",
	"audit.checkpoint.notInChain": "不一致: 署名した記録が監査ログにありません（削除・改ざんの疑い）",
	"audit.data.tenant": "{name}（{slug}）",
	"audit.field.username": "ユーザー名",
	"audit.field.displayName": "氏名",
	"audit.field.email": "メール",
	"audit.field.worksInMynumber": "マイナンバー系",
	"audit.field.disabled": "無効",

	"error.validation_failed": "入力内容を確認してください。",
	"error.malformed_json": "リクエストの形式が正しくありません。",
	"error.unauthenticated": "ログインしてください。",
	"error.invalid_credentials": "ユーザー名またはパスワードが正しくありません。",
	"error.invalid_code": "コードが正しくありません。端末の時刻が正しいか確認してください。",
	"error.csrf_failed": "画面の有効期限が切れました。ページを再読み込みしてください。",
	"error.forbidden": "この操作を行う権限がありません。",
	"error.password_change_required": "先にパスワードを変更してください。",
	"error.mfa_enrollment_required": "先に二要素認証を登録してください。",
	"error.mfa_verification_required": "先に二要素認証のコードを入力してください。",
	"error.not_found": "対象が見つかりません。",
	"error.conflict": "現在の状態ではこの操作を行えません。",
	"error.payload_too_large": "送信データが大きすぎます。",
	"error.unsupported_media_type": "送信データの形式に対応していません。",
	"error.api_token_invalid": "APIトークンが正しくありません。",
	"error.api_token_expired": "APIトークンの有効期限が切れています。",
	"error.api_token_revoked": "APIトークンは失効しています。",
	"error.api_token_scope_missing": "APIトークンのスコープではこの操作を行えません。",
	"error.api_token_not_allowed": "この操作はAPIトークンでは行えません。",
	"error.rate_limited": "リクエストが多すぎます。しばらく待ってから再度お試しください。",
	"error.login_throttled":
		"失敗が続いたため、ログインを一時的に停止しています。しばらく待ってから再度お試しください。",
	"error.internal": "システムエラーが発生しました。管理者に連絡してください。",
	"error.unavailable": "サーバーに接続できません。しばらくしてから再度お試しください。",
	"error.directory_unavailable":
		"庁内ディレクトリ（Active Directory / LDAP）または ID プロバイダー（OpenID Connect）が応答しません。現在サインインできません。しばらくしてから再度お試しいただくか、情報政策担当課にお問い合わせください。",
	"error.database_unavailable":
		"データベースに接続できません。保存されていません。しばらくしてから再度お試しください。",
	"error.database_busy":
		"処理が混み合っています。保存されていません。しばらくしてから再度お試しください。",
	"error.storage_full":
		"サーバーの記憶領域が不足しています。保存されていません。管理者に連絡してください。",
	"error.network": "サーバーに接続できません。ネットワークを確認してください。",
	"error.unknown": "エラーが発生しました（{code}）。",

	"issue.password_too_short": "パスワードは{min}文字以上にしてください。",
	"issue.password_too_long": "パスワードは{max}文字以内にしてください。",
	"issue.password_contains_name": "パスワードに{field}を含めることはできません。",
	"issue.password_low_entropy":
		"推測されやすいパスワードです（同じ文字の繰り返し、空白だけ、単純な並びやキーボードの並びなど）。",
	"issue.password_common":
		"よく使われるパスワードや、辞書の単語・名前を少し変えただけのパスワードは使えません。",
	"issue.password_unchanged": "新しいパスワードは現在のパスワードと違うものにしてください。",
	"issue.field.username": "ユーザー名",
	"issue.field.displayName": "氏名",
	"issue.field.tenant": "団体の識別名",
} as const;

export type MessageKey = keyof typeof ja;
/** What every other catalogue must provide: each key of the Japanese one, as a string. */
export type Messages = Record<MessageKey, string>;
