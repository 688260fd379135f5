import { FILE_ISSUE_TEXT, type FileIssueCode } from "../../../shared/file-issues.ts";

/** Why an uploaded file cannot be read: one catalogue shared with the CLI (src/shared/file-issues.ts). */
type FileIssueMessages = { [Code in FileIssueCode as `fileIssue.${Code}`]: string };

function messages(lang: "ja" | "en"): FileIssueMessages {
	return Object.fromEntries(
		Object.entries(FILE_ISSUE_TEXT).map(([code, text]) => [`fileIssue.${code}`, text[lang]]),
	) as FileIssueMessages;
}

export const fileIssuesJa = messages("ja");
export const fileIssuesEn = messages("en");
