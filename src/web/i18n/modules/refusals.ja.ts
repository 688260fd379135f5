import type { RefusalIssueCode } from "../../../shared/issues.ts";

type RefusalTexts = { [Code in RefusalIssueCode as `issue.${Code}`]: string };

/**
 * Why the server refused a request as a whole (src/shared/issues.ts REFUSAL_ISSUE_CODES), in
 * Japanese: what stands in the way and what to do instead. Placeholders are the refusal's
 * parameters; state codes (`{lifecycle}`, `{documentStatus}`) are shown by their own labels.
 */
export const refusalsJa = {
	"issue.stale_version": "ほかの人が先に変更しました。再読み込みしてください。",
	"issue.created_meanwhile":
		"同じ時刻にほかの操作が同じ記録を作成しました。再読み込みして確認してください。",
	"issue.read_only_scope": "閲覧はできますが、担当の範囲外のため変更できません。",
	"issue.already_decided": "既に決定済みです。再読み込みして結果を確認してください。",
	"issue.file_too_large": "ファイルが大きすぎます。上限は {limit} です。",
	"issue.login_step_done": "このログインの手順は既に済んでいます。画面を再読み込みしてください。",
	"issue.totp_already_enrolled": "このアカウントには既に二要素認証が登録されています。",
	"issue.login_steps_pending":
		"先にログインの手順（パスワードの変更など）を済ませてから、二要素認証を登録してください。",
	"issue.totp_enrolment_not_started":
		"二要素認証の登録が始まっていません。登録を最初からやり直してください。",
	"issue.second_factor_not_pending":
		"いまは確認コードを入力する段階ではありません。もう一度ログインしてください。",
	"issue.release_not_approved": "この申請は承認されていないため、送付できません。",
	"issue.release_already_sent": "このファイルは既に送付されています。",
	"issue.release_category_never":
		"「{category}」のファイルは、原本でも無害化した形でも受信者に届けられません。",
	"issue.original_not_in_quarantine":
		"原本が隔離領域に残っていないため送付できません。送信者に再送を依頼してください。",
	"issue.release_cannot_sanitize": "このファイルは無害化できません。申請を却下してください。",
	"issue.release_decider_only":
		"この申請を決定できるのは、申請者の所属の情報セキュリティ管理者または統括情報セキュリティ責任者です。",
	"issue.release_recipient_only": "原本の送付を申請できるのは、このメールの受信者だけです。",
	"issue.attachment_delivered_unchanged":
		"この添付ファイルは元のまま届いているため、申請の必要はありません。",
	"issue.original_purged": "原本は保存期間を過ぎて削除されたため、送付できません。",
	"issue.release_already_requested": "この添付ファイルは既に申請済み（または承認済み）です。",
	"issue.roster_passwords_gone":
		"初期パスワードは既に表示またはダウンロード済みか、発行されていません。必要ならパスワードを再設定してください。",
	"issue.roster_stale":
		"確認の後に職員・アカウント・役割・組織が変更されました。名簿をもう一度取り込んでください。",
	"issue.roster_settled": "この名簿の取込みは既に「{rosterStatus}」です。",
	"issue.roster_row_invalid":
		"名簿の{row}行目（{column}）に誤りがあります。確認画面で内容を確かめ、修正してから取り込み直してください。",
	"issue.roster_preview_only": "名簿は取込み前の確認画面で検査します。",
	"issue.asset_not_disposable": "この情報資産は「{lifecycle}」のため、いまは廃棄できません。",
	"issue.disposal_already_open": "この情報資産には、完了していない廃棄の記録が既にあります。",
	"issue.disposal_closed": "この廃棄の記録は完了しているため、変更できません。",
	"issue.import_codes_taken":
		"取込み中に、ファイルの資産番号がほかの人によって登録されました。何も取り込んでいません。確認し直してから取り込んでください。",
	"issue.take_out_decider_only":
		"この持ち出しを決定できるのは、情報資産の所管課の情報セキュリティ管理者（またはその上位の者）です。",
	"issue.own_request_decide": "自分の申請は自分で決定できません。",
	"issue.asset_not_at_hand": "この情報資産は「{lifecycle}」のため、持ち出せません。",
	"issue.take_out_return_only": "返却を記録できるのは、申請者または情報資産の管理者です。",
	"issue.take_out_not_out": "この持ち出しは「{takeOutStatus}」のため、返却を記録できません。",
	"issue.take_out_not_own_asset":
		"持ち出しを申請できるのは、自分の所属の情報資産か、自分が管理する情報資産だけです。",
	"issue.take_out_already_open": "この情報資産には、既に持ち出しの申請が出ています。",
	"issue.no_published_basic_policy":
		"公開済みの基本方針がありません。基本方針を公開するか、本文のテキストを取り込んでください。",
	"issue.no_basic_policy_document": "改定の対象となる基本方針の文書がありません。",
	"issue.review_exists": "{fiscalYear}年度の見直しは既にあります。",
	"issue.policy_text_too_long": "本文が長すぎます。上限は{max}文字です。",
	"issue.version_status_wrong":
		"この版は「{documentStatus}」のため、この操作はできません。再読み込みしてください。",
	"issue.version_not_published": "公開されていない版です。",
	"issue.version_not_published_to_you": "この版はあなたに周知されていません。",
	"issue.version_not_draft": "編集できるのは下書きだけです。この版は「{documentStatus}」です。",
	"issue.draft_open":
		"この文書には「{documentStatus}」の第{number}版があります。その版を仕上げるか編集してください。",
	"issue.model_revision_stale":
		"開いた後（第{base}版）に、ほかの人がネットワーク構成を第{current}版として保存しました。再読み込みしてから変更し直してください。",
	"issue.risk_closed": "完了したリスクは受容できません。",
	"issue.instance_admin_grant":
		"システム全体管理者の役割を与えられるのは、システム全体管理者だけです。",
	"issue.instance_admin_account":
		"システム全体管理者のアカウントを変更できるのは、システム全体管理者だけです。",
	"issue.assignment_ended": "この役割の割当ては既に終了しています。",
	"issue.own_tenant_admin_revoke": "自分の団体管理者の役割は取り消せません。",
	"issue.local_password_off":
		"この団体ではMamoriのパスワードによるサインインは停止されています。庁内ディレクトリでサインインしてください。",
	"issue.not_in_roster":
		"ディレクトリのアカウントが職員名簿にありません（職員番号が一致しません）。情報政策担当課にお問い合わせください。",
	"issue.oidc_state_invalid":
		"このサインインは有効期限切れか、すでに使用済みです。ログイン画面からサインインをやり直してください。",
	"issue.oidc_token_invalid":
		"ID プロバイダーからの応答を検証できなかったため、サインインを拒否しました。やり直すか、情報政策担当課にお問い合わせください。",
	"issue.oidc_provider_refused":
		"ID プロバイダーでサインインが完了しませんでした。やり直すか、情報政策担当課にお問い合わせください。",
} as const satisfies RefusalTexts;
