import { useI18n } from "../i18n/i18n.tsx";

/** One error of an import's report: the file's row and column, and what is wrong. */
export interface ImportIssue {
	row: number | null;
	column: string | null;
	message: string;
	code?: string;
	params?: Record<string, string | number>;
}

/** At most this many errors are listed; the report's count says how many there are. */
const SHOWN = 200;

/**
 * The errors of an import's check, one row each naming the file's row and column. A coded error
 * is told from the catalogue in the reader's language; the server's wording is the fallback.
 */
export function ImportErrorTable({
	errors,
	headers,
}: {
	errors: readonly ImportIssue[];
	/** The column headings, already in the reader's language. */
	headers: { row: string; column: string; message: string };
}) {
	const { label } = useI18n();
	const text = (issue: ImportIssue) => {
		if (!issue.code) return issue.message;
		const coded = label("fileIssue", issue.code, issue.params);
		return coded !== issue.code ? coded : issue.message;
	};
	return (
		<div className="table-wrap">
			<table className="table table-compact" data-testid="import-errors">
				<thead>
					<tr>
						<th scope="col">{headers.row}</th>
						<th scope="col">{headers.column}</th>
						<th scope="col">{headers.message}</th>
					</tr>
				</thead>
				<tbody>
					{errors.slice(0, SHOWN).map((issue) => (
						<tr key={`${issue.row}-${issue.column}-${issue.message}`}>
							<td>{issue.row}</td>
							<td>{issue.column}</td>
							<td>{text(issue)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
