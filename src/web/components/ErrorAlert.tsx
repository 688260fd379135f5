import { ApiError, type ProblemIssue } from "../api/client.ts";
import { type I18n, useI18n } from "../i18n/i18n.tsx";
import { ForbiddenRoles } from "./RequiredRoles.tsx";

/** Codes whose server detail says something the catalogue message cannot (which, how long). */
const SHOW_DETAIL = new Set(["validation_failed", "conflict", "login_throttled", "forbidden"]);

/** The catalogue text of an issue with a code (validator wording never reaches a person). */
function issueText(issue: ProblemIssue, label: I18n["label"]): string | null {
	if (!issue.code) return null;
	const vars = { ...issue.params };
	if (typeof vars.field === "string") vars.field = label("issue.field", vars.field);
	// Password and form issues are in "issue", file and workbook issues in "fileIssue".
	for (const namespace of ["issue", "fileIssue"] as const) {
		const text = label(namespace, issue.code, vars);
		if (text !== issue.code) return text;
	}
	return null;
}

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
			<ForbiddenRoles problem={problem} />
			{SHOW_DETAIL.has(problem.code) && issues.length === 0 && (
				<p className="alert-detail">
					{t("common.errorDetail")}: {problem.detail}
				</p>
			)}
			{issues.length > 0 && (
				<ul className="alert-issues">
					{issues.map((issue) => {
						const text = issueText(issue, label);
						return (
							<li key={`${issue.path}:${issue.code ?? issue.message}`}>
								{text ?? (
									<>
										{issue.path ? <code>{issue.path}</code> : null} {issue.message}
									</>
								)}
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
