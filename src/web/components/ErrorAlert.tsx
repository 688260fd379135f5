import { ApiError, type ProblemIssue } from "../api/client.ts";
import { type I18n, useI18n } from "../i18n/i18n.tsx";
import { ForbiddenRoles } from "./RequiredRoles.tsx";

/** Codes whose server detail says something the catalogue message cannot (which, how long). */
const SHOW_DETAIL = new Set(["conflict", "login_throttled", "forbidden"]);

/** Parameters that are codes themselves, shown by their own label (`{kind}` → 課). */
const CODED_PARAMS: Record<string, string> = {
	kind: "org.kind",
	parentKind: "org.kind",
	role: "role",
	category: "mail.category",
	lifecycle: "assets.lifecycle",
	takeOutStatus: "custody.takeOut.status",
	documentStatus: "docs.status",
	rosterStatus: "org.roster.status",
};

/** Parameters that list codes (`"ciso, chief_officer"`), each shown by its label. */
const CODED_LIST_PARAMS: Record<string, string> = { roles: "role" };

/** Labels a form gives its fields, by request field name (`{ code: "所属コード" }`). */
export type FieldLabels = Readonly<Record<string, string>>;

/** The label of a field: the form's own, the catalogue's, or a neutral word. */
function fieldLabel(field: unknown, fields: FieldLabels | undefined, label: I18n["label"]) {
	if (typeof field !== "string" || field === "") return label("issue.field", "fallback");
	const own = fields?.[field];
	if (own) return own;
	const text = label("issue.field", field);
	return text === field ? label("issue.field", "fallback") : text;
}

/**
 * The catalogue text of an issue, naming the field by its label. An issue without a known code
 * still gets catalogue text (「所属コード」の値が正しくありません); validator wording never
 * reaches a person.
 */
export function issueText(issue: ProblemIssue, label: I18n["label"], fields?: FieldLabels): string {
	const params: Record<string, string | number> = { ...issue.params };
	for (const [name, prefix] of Object.entries(CODED_PARAMS)) {
		const value = params[name];
		if (typeof value === "string") params[name] = label(prefix, value);
	}
	for (const [name, prefix] of Object.entries(CODED_LIST_PARAMS)) {
		const value = params[name];
		if (typeof value === "string") {
			params[name] = value
				.split(/,\s*/)
				.map((code) => label(prefix, code))
				.join(label("issue", "listSeparator"));
		}
	}
	const field = issue.params?.field ?? issue.path.split(".").findLast((s) => !/^\d+$/.test(s));
	params.field = fieldLabel(field, fields, label);
	if (issue.code) {
		// Form and rule issues are in "issue", file and workbook issues in "fileIssue", network
		// model and firewall issues in "networkIssue".
		for (const namespace of ["issue", "fileIssue", "networkIssue"] as const) {
			const text = label(namespace, issue.code, params);
			if (text !== issue.code) return text;
		}
	}
	return label("issue", "invalid", params);
}

/**
 * An error announced to screen readers: the catalogue message, then each issue's catalogue text.
 * `fields` names the form's fields as the form labels them.
 */
export function ErrorAlert({ error, fields }: { error: unknown; fields?: FieldLabels }) {
	const { label, t, lang } = useI18n();
	if (!error) return null;
	const problem =
		error instanceof ApiError
			? error.problem
			: { code: "unknown", detail: String(error), status: 0, issues: undefined };
	const message = label("error", problem.code);
	const text = message === problem.code ? t("error.unknown", { code: problem.code }) : message;
	const issues = problem.issues ?? [];
	// The server's detail is developer English: it helps in English, never in Japanese.
	const detail = lang === "en" && SHOW_DETAIL.has(problem.code) && issues.length === 0;
	return (
		<div className="alert alert-error" role="alert">
			<p className="alert-title">{text}</p>
			{issues.length === 0 && <ForbiddenRoles problem={problem} />}
			{detail && (
				<p className="alert-detail">
					{t("common.errorDetail")}: {problem.detail}
				</p>
			)}
			{issues.length > 0 && (
				<ul className="alert-issues">
					{issues.map((issue, index) => (
						// Issues have no identity of their own; their order is the server's.
						// biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
						<li key={index}>{issueText(issue, label, fields)}</li>
					))}
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
