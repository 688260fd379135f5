import { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Codes whose server detail says something the catalogue message cannot (which, how long). */
const SHOW_DETAIL = new Set(["validation_failed", "conflict", "login_throttled", "forbidden"]);

/** An error announced to screen readers: the catalogue message, then server details. */
export function ErrorAlert({ error }: { error: unknown }) {
	const { label, t } = useI18n();
	if (!error) return null;
	const problem =
		error instanceof ApiError
			? error.problem
			: { code: "unknown", detail: String(error), status: 0, issues: undefined };
	const message = label("error", problem.code);
	const text = message === problem.code ? t("error.unknown", { code: problem.code }) : message;
	const issues = problem.issues ?? [];
	return (
		<div className="alert alert-error" role="alert">
			<p className="alert-title">{text}</p>
			{SHOW_DETAIL.has(problem.code) && issues.length === 0 && (
				<p className="alert-detail">
					{t("common.errorDetail")}: {problem.detail}
				</p>
			)}
			{issues.length > 0 && (
				<ul className="alert-issues">
					{issues.map((issue) => {
						// An issue with a code is told from the catalogue, never in the server's words.
						const coded = issue.code ? label("fileIssue", issue.code, issue.params) : null;
						const known = coded !== null && coded !== issue.code;
						return (
							<li key={`${issue.path}:${issue.message}`}>
								{issue.path && !known ? <code>{issue.path}</code> : null}{" "}
								{known ? coded : issue.message}
							</li>
						);
					})}
				</ul>
			)}
		</div>
	);
}

/** A quiet confirmation ("saved"), read out politely. */
export function StatusMessage({ children }: { children: string | null }) {
	return (
		<p className={children ? "alert alert-success" : "visually-hidden"} role="status">
			{children}
		</p>
	);
}
