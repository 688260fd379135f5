import type {
	HeldReasonCode,
	SanitizeReasonCode,
} from "../../../modules/sanitize/sanitize.contract.ts";

type ReasonTexts = { [Code in SanitizeReasonCode as `mail.reason.${Code}`]: string } & {
	[Code in HeldReasonCode as `mail.held.${Code}`]: string;
};

/**
 * Why the sanitising gateway removed, held, rebuilt or passed an attachment
 * (src/modules/sanitize/sanitize.contract.ts SANITIZE_REASON_CODES), in Japanese.
 * `{category}` is shown by its label (画像, PDF…).
 */
export const mailReasonsJa = {
	"mail.reason.type_detection_failed": "ファイルの種類を判定できなかったため、保留しました。",
	"mail.reason.category_never": "{category}は、どの設定でも届けない種類のため削除しました。",
	"mail.reason.policy_removes": "無害化の設定により、{category}を削除しました。",
	"mail.reason.policy_holds": "無害化の設定により、{category}を保留しました。",
	"mail.reason.policy_passes": "無害化の設定により、{category}を元のまま届けました。",
	"mail.reason.sanitiser_failed": "無害化の処理に失敗したため、保留しました。",
	"mail.reason.no_sanitiser": "{category}を無害化する方法がないため、保留しました。",
	"mail.reason.worker_timeout": "無害化が制限時間内に終わらなかったため、保留しました。",
	"mail.reason.worker_crashed":
		"無害化の処理が途中で止まった（メモリ不足など）ため、保留しました。",
	"mail.reason.office_text_no_conversion":
		"テキスト形式のOffice文書をテキストに変換できなかったため、削除しました。",
	"mail.reason.office_text_active":
		"テキストに変換した内容自体が実行されうる形式だったため、削除しました。",
	"mail.reason.office_text_converted":
		"テキスト（.txt）に変換して届けました。フィールド・数式・マクロ・埋め込みオブジェクトは取り除いています。",
	"mail.reason.text_active":
		"テキストの中に実行されうる形式が見つかった（またはファイル名で実行されうる）ため、削除しました。",
	"mail.reason.text_passed": "テキストファイルのため、元のまま届けました。",
	"mail.reason.text_rewritten":
		"テキストとして届けました（文字コードを UTF-8 に統一し、数式として動くセル{cells}個を無効化）。",
	"mail.reason.pdf_analysis_limits":
		"PDFの解析が時間またはメモリの上限を超えたため、保留しました。",
	"mail.reason.pdf_password": "パスワードが必要なPDFのため、中身を確認できず保留しました。",
	"mail.reason.pdf_unreadable": "PDFを読み取れなかったため、保留しました。",
	"mail.reason.pdf_too_many_pages":
		"PDFが{pages}ページあり、上限の{max}ページを超えるため保留しました。",
	"mail.reason.pdf_page_too_large":
		"PDFの{page}ページ目が大きすぎて画像化できないため、保留しました。",
	"mail.reason.pdf_render_limits":
		"PDFの画像化が時間またはメモリの上限を超えたため、保留しました。",
	"mail.reason.pdf_render_failed": "PDFのページを画像化できなかったため、保留しました。",
	"mail.reason.pdf_rebuilt": "PDFを{pages}ページの画像（{dpi} dpi）から作り直して届けました。",
	"mail.reason.gzip_too_large": "gzip を展開すると上限を超えるため、保留しました。",
	"mail.reason.gzip_corrupt": "gzip のデータが壊れているため、保留しました。",
	"mail.reason.archive_member_held":
		"圧縮ファイル内の「{member}」が保留となったため、全体を保留しました。",
	"mail.reason.archive_only_member_removed":
		"圧縮ファイル内のただ1つのファイル「{member}」が削除されたため、保留しました。",
	"mail.reason.gzip_unpacked": "gzip を展開し、中身を無害化して届けました。",
	"mail.reason.archive_too_deep": "圧縮ファイルの入れ子が上限の{max}段を超えるため、保留しました。",
	"mail.reason.archive_type_unsupported":
		"この形式の圧縮ファイルは展開できないため、保留しました。",
	"mail.reason.archive_unreadable": "圧縮ファイルを読み取れなかったため、保留しました。",
	"mail.reason.archive_member_unreadable":
		"圧縮ファイル内の「{member}」を読み取れなかったため、保留しました。",
	"mail.reason.archive_member_ratio":
		"圧縮ファイル内の「{member}」の圧縮率が上限の{max}倍を超える（ZIP爆弾の疑い）ため、保留しました。",
	"mail.reason.archive_too_large":
		"圧縮ファイルを展開すると上限の {limit} を超えるため、保留しました。",
	"mail.reason.archive_ratio":
		"圧縮ファイルの圧縮率が上限の{max}倍を超える（ZIP爆弾の疑い）ため、保留しました。",
	"mail.reason.archive_rebuilt": "圧縮ファイルを無害化した中身で作り直して届けました。",
	"mail.reason.archive_rebuilt_removed":
		"圧縮ファイルを作り直して届けました（{count}個のファイルを削除）。",
	"mail.reason.ooxml_ratio": "文書の圧縮率が上限の{max}倍を超えるため、保留しました。",
	"mail.reason.ooxml_unreadable": "Office文書を読み取れなかったため、保留しました。",
	"mail.reason.ooxml_xlsb": "バイナリ形式のブック（xlsb）は無害化できないため、保留しました。",
	"mail.reason.ooxml_not_office":
		"Word・Excel・PowerPoint の文書として読めなかったため、保留しました。",
	"mail.reason.ooxml_rebuilt_removed":
		"実行されうる内容（{count}件）を取り除いて文書を作り直し、届けました。",
	"mail.reason.ooxml_rebuilt":
		"文書を作り直して届けました（実行されうる内容は見つかりませんでした）。",
	"mail.reason.image_too_large": "画像の画素数が上限を超えるため、保留しました。",
	"mail.reason.image_unreadable": "画像を読み取れなかったため、保留しました。",
	"mail.reason.image_reencoded": "画像を画素から作り直し（付帯情報を除去）、届けました。",
	"mail.reason.embedded_message": "添付されたメールを、本体と同じように無害化して届けました。",
	"mail.held.time_limit": "無害化が制限時間内に終わらなかったため、メール全体を保留しました。",
	"mail.held.eicar_found":
		"ウイルス対策の試験用の文字列（EICAR）が見つかったため、メール全体を保留しました。",
	"mail.held.attachment_without_output":
		"添付ファイル「{filename}」の無害化結果がなかったため、メール全体を保留しました。",
	"mail.held.attachment_never_delivered":
		"添付ファイル「{filename}」が届けてはならない形式だったため、メール全体を保留しました。",
	"mail.held.message_too_large": "メールが上限の {limit} を超えるため、保留しました。",
	"mail.held.mime_too_many_parts": "メールの部品数が上限の{max}を超えるため、保留しました。",
	"mail.held.mime_too_deep": "メールの入れ子が上限の{max}段を超えるため、保留しました。",
	"mail.held.mime_header_too_large": "メールのヘッダーが大きすぎるため、保留しました。",
	"mail.held.mime_conflicting_types":
		"1つの部品に食い違う Content-Type が書かれているため、保留しました。",
	"mail.held.mime_no_boundary": "区切りのない複合パートがあるため、保留しました。",
	"mail.held.encrypted_content": "暗号化された内容は確認できないため、保留しました。",
	"mail.held.message_partial": "分割されたメールの一部は単独で確認できないため、保留しました。",
	"mail.held.sanitiser_count_mismatch":
		"添付ファイルの無害化結果の数が合わないため、メール全体を保留しました。",
	"mail.held.attachment_held":
		"添付ファイル「{filename}」が保留となったため、メール全体を保留しました。",
	"mail.held.embedded_message_held":
		"添付されたメールの中に保留の理由があったため、メール全体を保留しました。",
	"mail.held.sanitise_failed": "無害化の処理に失敗したため、保留しました。",
	"mail.held.original_gone": "原本が隔離領域に残っていないため、保留しました。",
} as const satisfies ReasonTexts;
