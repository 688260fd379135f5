import type { mailReasonsJa } from "./mail-reasons.ja.ts";

/** Why the sanitising gateway treated an attachment as it did, in English. */
export const mailReasonsEn: Record<keyof typeof mailReasonsJa, string> = {
	"mail.reason.type_detection_failed": "The file type could not be determined; held.",
	"mail.reason.category_never": "{category} is never delivered; removed.",
	"mail.reason.policy_removes": "The sanitising settings remove {category}; removed.",
	"mail.reason.policy_holds": "The sanitising settings hold {category}; held.",
	"mail.reason.policy_passes": "The sanitising settings pass {category} unchanged.",
	"mail.reason.sanitiser_failed": "Sanitising failed; held.",
	"mail.reason.no_sanitiser": "There is no way to sanitise {category}; held.",
	"mail.reason.worker_timeout": "Sanitising did not finish within the time limit; held.",
	"mail.reason.worker_crashed": "Sanitising stopped (out of memory or crashed); held.",
	"mail.reason.office_text_no_conversion":
		"The Office document written as text has no text conversion; removed.",
	"mail.reason.office_text_active": "Its text is itself active content; removed.",
	"mail.reason.office_text_converted":
		"Converted to plain text (.txt); fields, formulas, macros and embedded objects dropped.",
	"mail.reason.text_active":
		"Active content was found in the text (or its name would run it); removed.",
	"mail.reason.text_passed": "Plain text, delivered unchanged.",
	"mail.reason.text_rewritten":
		"Delivered as text (rewritten as UTF-8; {cells} formula cells neutralised).",
	"mail.reason.pdf_analysis_limits": "PDF analysis ran out of time or memory; held.",
	"mail.reason.pdf_password": "The PDF needs a password to open, so it cannot be inspected; held.",
	"mail.reason.pdf_unreadable": "The PDF cannot be read; held.",
	"mail.reason.pdf_too_many_pages":
		"The PDF has {pages} pages, more than the limit of {max}; held.",
	"mail.reason.pdf_page_too_large": "Page {page} of the PDF is too large to render; held.",
	"mail.reason.pdf_render_limits": "PDF rendering ran out of time or memory; held.",
	"mail.reason.pdf_render_failed": "The PDF's pages cannot be rendered; held.",
	"mail.reason.pdf_rebuilt": "Rebuilt from {pages} page images at {dpi} dpi.",
	"mail.reason.gzip_too_large": "The gzip expands past the archive limits; held.",
	"mail.reason.gzip_corrupt": "The gzip data is corrupt; held.",
	"mail.reason.archive_member_held": "The member “{member}” was held, so the archive is held.",
	"mail.reason.archive_only_member_removed": "The only member “{member}” was removed; held.",
	"mail.reason.gzip_unpacked": "Unpacked from gzip and sanitised.",
	"mail.reason.archive_too_deep": "Archives are nested more than {max} deep; held.",
	"mail.reason.archive_type_unsupported": "Archives of this type cannot be unpacked; held.",
	"mail.reason.archive_unreadable": "The archive cannot be read; held.",
	"mail.reason.archive_member_unreadable": "The member “{member}” cannot be read; held.",
	"mail.reason.archive_member_ratio":
		"The member “{member}” expands more than {max}× its size (a ZIP bomb?); held.",
	"mail.reason.archive_too_large": "The archive expands past the limit of {limit}; held.",
	"mail.reason.archive_ratio": "The archive expands more than {max}× its size (a ZIP bomb?); held.",
	"mail.reason.archive_rebuilt": "Rebuilt from sanitised members.",
	"mail.reason.archive_rebuilt_removed": "Rebuilt without {count} removed members.",
	"mail.reason.ooxml_ratio": "The document expands more than {max}× its size; held.",
	"mail.reason.ooxml_unreadable": "The Office document cannot be read; held.",
	"mail.reason.ooxml_xlsb": "Binary workbooks (xlsb) cannot be sanitised; held.",
	"mail.reason.ooxml_not_office": "Not a Word, Excel or PowerPoint document; held.",
	"mail.reason.ooxml_rebuilt_removed": "Rebuilt without active content; removed {count} items.",
	"mail.reason.ooxml_rebuilt": "Rebuilt; no active content found.",
	"mail.reason.image_too_large": "The image has more pixels than the limit; held.",
	"mail.reason.image_unreadable": "The image does not decode; held.",
	"mail.reason.image_reencoded": "Re-encoded from pixels without metadata.",
	"mail.reason.embedded_message": "The attached message was sanitised like the message itself.",
	"mail.held.time_limit": "Sanitising did not finish within the time limit; the message is held.",
	"mail.held.eicar_found": "The EICAR anti-malware test signature was found; the message is held.",
	"mail.held.attachment_without_output":
		"The attachment “{filename}” came back without output; the message is held.",
	"mail.held.attachment_never_delivered":
		"The attachment “{filename}” may never be delivered; the message is held.",
	"mail.held.message_too_large": "The message is larger than the limit of {limit}; held.",
	"mail.held.mime_too_many_parts": "The message has more than {max} parts; held.",
	"mail.held.mime_too_deep": "The message is nested more than {max} deep; held.",
	"mail.held.mime_header_too_large": "A header block of the message is too large; held.",
	"mail.held.mime_conflicting_types": "One part has conflicting Content-Type headers; held.",
	"mail.held.mime_no_boundary": "A multipart part has no boundary; held.",
	"mail.held.encrypted_content": "Encrypted content cannot be inspected; held.",
	"mail.held.message_partial": "A fragment of a split message cannot be inspected alone; held.",
	"mail.held.sanitiser_count_mismatch":
		"The attachment sanitisers answered for a different number of files; held.",
	"mail.held.attachment_held": "The attachment “{filename}” was held, so the message is held.",
	"mail.held.embedded_message_held":
		"An attached message had to be held, so the whole message is held.",
	"mail.held.sanitise_failed": "Sanitising failed; the message is held.",
	"mail.held.original_gone": "The original is no longer held in quarantine; held.",
} as const;
