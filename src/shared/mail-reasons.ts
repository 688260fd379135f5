import type { HeldReasonCode, SanitizeReasonCode } from "../modules/sanitize/sanitize.contract.ts";
import { term, type VocabularyLang } from "./vocabulary.ts";

/**
 * Why the sanitising gateway removed, held, rebuilt or passed an attachment
 * (`SANITIZE_REASON_CODES`), and why it held a whole message (`HELD_REASON_CODES`): one catalogue
 * for the screens (`mail.reason.<code>`, `mail.held.<code>`) and the notice written into a
 * delivered mail (`sanitize/notice.ts`). `{category}` is a type category, worded by the
 * vocabulary (`mailCategory`).
 */
export const SANITIZE_REASON_TEXT = {
	type_detection_failed: {
		ja: "ファイルの種類を判定できなかったため、保留しました。",
		en: "The file type could not be determined; held.",
	},
	category_never: {
		ja: "{category}は、どの設定でも届けない種類のため削除しました。",
		en: "{category}: never delivered; removed.",
	},
	policy_removes: {
		ja: "無害化の設定により、{category}を削除しました。",
		en: "The sanitising settings remove {category}; removed.",
	},
	policy_holds: {
		ja: "無害化の設定により、{category}を保留しました。",
		en: "The sanitising settings hold {category}; held.",
	},
	policy_passes: {
		ja: "無害化の設定により、{category}を元のまま届けました。",
		en: "The sanitising settings pass {category} unchanged.",
	},
	sanitiser_failed: {
		ja: "無害化の処理に失敗したため、保留しました。",
		en: "Sanitising failed; held.",
	},
	no_sanitiser: {
		ja: "{category}を無害化する方法がないため、保留しました。",
		en: "There is no way to sanitise {category}; held.",
	},
	worker_timeout: {
		ja: "無害化が制限時間内に終わらなかったため、保留しました。",
		en: "Sanitising did not finish within the time limit; held.",
	},
	worker_crashed: {
		ja: "無害化の処理が途中で止まった（メモリ不足など）ため、保留しました。",
		en: "Sanitising stopped (out of memory or crashed); held.",
	},
	office_text_no_conversion: {
		ja: "テキスト形式のOffice文書をテキストに変換できなかったため、削除しました。",
		en: "The Office document written as text has no text conversion; removed.",
	},
	office_text_active: {
		ja: "テキストに変換した内容自体が実行されうる形式だったため、削除しました。",
		en: "Its text is itself active content; removed.",
	},
	office_text_converted: {
		ja: "テキスト（.txt）に変換して届けました。フィールド・数式・マクロ・埋め込みオブジェクトは取り除いています。",
		en: "Converted to plain text (.txt); fields, formulas, macros and embedded objects dropped.",
	},
	text_active: {
		ja: "テキストの中に実行されうる形式が見つかった（またはファイル名で実行されうる）ため、削除しました。",
		en: "Active content was found in the text (or its name would run it); removed.",
	},
	text_passed: {
		ja: "テキストファイルのため、元のまま届けました。",
		en: "Plain text, delivered unchanged.",
	},
	text_rewritten: {
		ja: "テキストとして届けました（文字コードを UTF-8 に統一し、数式として動くセル{cells}個を無効化）。",
		en: "Delivered as text (rewritten as UTF-8; {cells} formula cells neutralised).",
	},
	pdf_analysis_limits: {
		ja: "PDFの解析が時間またはメモリの上限を超えたため、保留しました。",
		en: "PDF analysis ran out of time or memory; held.",
	},
	pdf_password: {
		ja: "パスワードが必要なPDFのため、中身を確認できず保留しました。",
		en: "The PDF needs a password to open, so it cannot be inspected; held.",
	},
	pdf_unreadable: {
		ja: "PDFを読み取れなかったため、保留しました。",
		en: "The PDF cannot be read; held.",
	},
	pdf_too_many_pages: {
		ja: "PDFが{pages}ページあり、上限の{max}ページを超えるため保留しました。",
		en: "The PDF has {pages} pages, more than the limit of {max}; held.",
	},
	pdf_page_too_large: {
		ja: "PDFの{page}ページ目が大きすぎて画像化できないため、保留しました。",
		en: "Page {page} of the PDF is too large to render; held.",
	},
	pdf_render_limits: {
		ja: "PDFの画像化が時間またはメモリの上限を超えたため、保留しました。",
		en: "PDF rendering ran out of time or memory; held.",
	},
	pdf_render_failed: {
		ja: "PDFのページを画像化できなかったため、保留しました。",
		en: "The PDF's pages cannot be rendered; held.",
	},
	pdf_rebuilt: {
		ja: "PDFを{pages}ページの画像（{dpi} dpi）から作り直して届けました。",
		en: "Rebuilt from {pages} page images at {dpi} dpi.",
	},
	gzip_too_large: {
		ja: "gzip を展開すると上限を超えるため、保留しました。",
		en: "The gzip expands past the archive limits; held.",
	},
	gzip_corrupt: {
		ja: "gzip のデータが壊れているため、保留しました。",
		en: "The gzip data is corrupt; held.",
	},
	archive_member_held: {
		ja: "圧縮ファイル内の「{member}」が保留となったため、全体を保留しました。",
		en: "The member “{member}” was held, so the archive is held.",
	},
	archive_only_member_removed: {
		ja: "圧縮ファイル内のただ1つのファイル「{member}」が削除されたため、保留しました。",
		en: "The only member “{member}” was removed; held.",
	},
	gzip_unpacked: {
		ja: "gzip を展開し、中身を無害化して届けました。",
		en: "Unpacked from gzip and sanitised.",
	},
	archive_too_deep: {
		ja: "圧縮ファイルの入れ子が上限の{max}段を超えるため、保留しました。",
		en: "Archives are nested more than {max} deep; held.",
	},
	archive_type_unsupported: {
		ja: "この形式の圧縮ファイルは展開できないため、保留しました。",
		en: "Archives of this type cannot be unpacked; held.",
	},
	archive_unreadable: {
		ja: "圧縮ファイルを読み取れなかったため、保留しました。",
		en: "The archive cannot be read; held.",
	},
	archive_member_unreadable: {
		ja: "圧縮ファイル内の「{member}」を読み取れなかったため、保留しました。",
		en: "The member “{member}” cannot be read; held.",
	},
	archive_member_ratio: {
		ja: "圧縮ファイル内の「{member}」の圧縮率が上限の{max}倍を超える（ZIP爆弾の疑い）ため、保留しました。",
		en: "The member “{member}” expands more than {max}× its size (a ZIP bomb?); held.",
	},
	archive_too_large: {
		ja: "圧縮ファイルを展開すると上限の {limit} を超えるため、保留しました。",
		en: "The archive expands past the limit of {limit}; held.",
	},
	archive_ratio: {
		ja: "圧縮ファイルの圧縮率が上限の{max}倍を超える（ZIP爆弾の疑い）ため、保留しました。",
		en: "The archive expands more than {max}× its size (a ZIP bomb?); held.",
	},
	archive_rebuilt: {
		ja: "圧縮ファイルを無害化した中身で作り直して届けました。",
		en: "Rebuilt from sanitised members.",
	},
	archive_rebuilt_removed: {
		ja: "圧縮ファイルを作り直して届けました（{count}個のファイルを削除）。",
		en: "Rebuilt without {count} removed members.",
	},
	ooxml_ratio: {
		ja: "文書の圧縮率が上限の{max}倍を超えるため、保留しました。",
		en: "The document expands more than {max}× its size; held.",
	},
	ooxml_unreadable: {
		ja: "Office文書を読み取れなかったため、保留しました。",
		en: "The Office document cannot be read; held.",
	},
	ooxml_xlsb: {
		ja: "バイナリ形式のブック（xlsb）は無害化できないため、保留しました。",
		en: "Binary workbooks (xlsb) cannot be sanitised; held.",
	},
	ooxml_not_office: {
		ja: "Word・Excel・PowerPoint の文書として読めなかったため、保留しました。",
		en: "Not a Word, Excel or PowerPoint document; held.",
	},
	ooxml_rebuilt_removed: {
		ja: "実行されうる内容（{count}件）を取り除いて文書を作り直し、届けました。",
		en: "Rebuilt without active content; removed {count} items.",
	},
	ooxml_rebuilt: {
		ja: "文書を作り直して届けました（実行されうる内容は見つかりませんでした）。",
		en: "Rebuilt; no active content found.",
	},
	image_too_large: {
		ja: "画像の画素数が上限を超えるため、保留しました。",
		en: "The image has more pixels than the limit; held.",
	},
	image_unreadable: {
		ja: "画像を読み取れなかったため、保留しました。",
		en: "The image does not decode; held.",
	},
	image_reencoded: {
		ja: "画像を画素から作り直し（付帯情報を除去）、届けました。",
		en: "Re-encoded from pixels without metadata.",
	},
	embedded_message: {
		ja: "添付されたメールを、本体と同じように無害化して届けました。",
		en: "The attached message was sanitised like the message itself.",
	},
} as const satisfies Record<SanitizeReasonCode, Record<VocabularyLang, string>>;

export const HELD_REASON_TEXT = {
	time_limit: {
		ja: "無害化が制限時間内に終わらなかったため、メール全体を保留しました。",
		en: "Sanitising did not finish within the time limit; the message is held.",
	},
	eicar_found: {
		ja: "ウイルス対策の試験用の文字列（EICAR）が見つかったため、メール全体を保留しました。",
		en: "The EICAR anti-malware test signature was found; the message is held.",
	},
	attachment_without_output: {
		ja: "添付ファイル「{filename}」の無害化結果がなかったため、メール全体を保留しました。",
		en: "The attachment “{filename}” came back without output; the message is held.",
	},
	attachment_never_delivered: {
		ja: "添付ファイル「{filename}」が届けてはならない形式だったため、メール全体を保留しました。",
		en: "The attachment “{filename}” may never be delivered; the message is held.",
	},
	message_too_large: {
		ja: "メールが上限の {limit} を超えるため、保留しました。",
		en: "The message is larger than the limit of {limit}; held.",
	},
	mime_too_many_parts: {
		ja: "メールの部品数が上限の{max}を超えるため、保留しました。",
		en: "The message has more than {max} parts; held.",
	},
	mime_too_deep: {
		ja: "メールの入れ子が上限の{max}段を超えるため、保留しました。",
		en: "The message is nested more than {max} deep; held.",
	},
	mime_header_too_large: {
		ja: "メールのヘッダーが大きすぎるため、保留しました。",
		en: "A header block of the message is too large; held.",
	},
	mime_conflicting_types: {
		ja: "1つの部品に食い違う Content-Type が書かれているため、保留しました。",
		en: "One part has conflicting Content-Type headers; held.",
	},
	mime_no_boundary: {
		ja: "区切りのない複合パートがあるため、保留しました。",
		en: "A multipart part has no boundary; held.",
	},
	encrypted_content: {
		ja: "暗号化された内容は確認できないため、保留しました。",
		en: "Encrypted content cannot be inspected; held.",
	},
	message_partial: {
		ja: "分割されたメールの一部は単独で確認できないため、保留しました。",
		en: "A fragment of a split message cannot be inspected alone; held.",
	},
	sanitiser_count_mismatch: {
		ja: "添付ファイルの無害化結果の数が合わないため、メール全体を保留しました。",
		en: "The attachment sanitisers answered for a different number of files; held.",
	},
	attachment_held: {
		ja: "添付ファイル「{filename}」が保留となったため、メール全体を保留しました。",
		en: "The attachment “{filename}” was held, so the message is held.",
	},
	embedded_message_held: {
		ja: "添付されたメールの中に保留の理由があったため、メール全体を保留しました。",
		en: "An attached message had to be held, so the whole message is held.",
	},
	sanitise_failed: {
		ja: "無害化の処理に失敗したため、保留しました。",
		en: "Sanitising failed; the message is held.",
	},
	original_gone: {
		ja: "原本が隔離領域に残っていないため、保留しました。",
		en: "The original is no longer held in quarantine; held.",
	},
} as const satisfies Record<HeldReasonCode, Record<VocabularyLang, string>>;

/** Parameters whose values are codes of the vocabulary, by name. */
function worded(params: Record<string, string | number>, lang: VocabularyLang) {
	const words = { ...params };
	if (typeof words.category === "string")
		words.category = term("mailCategory", words.category, lang);
	return words;
}

function fill(template: string, words: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in words ? String(words[name]) : whole,
	);
}

/**
 * The catalogue text of an attachment's reason, its parameters filled in.
 *
 * @example
 * sanitizeReasonText("policy_removes", { category: "pdf" }, "ja"); // 無害化の設定により、PDFを削除しました。
 */
export function sanitizeReasonText(
	code: SanitizeReasonCode,
	params: Record<string, string | number>,
	lang: VocabularyLang,
): string {
	return fill(SANITIZE_REASON_TEXT[code][lang], worded(params, lang));
}

/** The catalogue text of why a whole message is held, its parameters filled in. */
export function heldReasonText(
	code: HeldReasonCode,
	params: Record<string, string | number>,
	lang: VocabularyLang,
): string {
	return fill(HELD_REASON_TEXT[code][lang], worded(params, lang));
}
