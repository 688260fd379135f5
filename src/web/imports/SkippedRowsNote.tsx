import { useI18n } from "../i18n/i18n.tsx";

/** What every import report says of the rows it skipped (blank rows, total rows). */
export interface SkippedRows {
	skippedBlank?: number;
	skippedTotal?: number[];
}

/**
 * One line under an import's result naming the blank rows and the total rows (合計…) that were
 * skipped, or nothing when none were. Reports stored before these were counted lack the fields.
 */
export function SkippedRowsNote({ report }: { report: SkippedRows }) {
	const { t } = useI18n();
	const blank = report.skippedBlank ?? 0;
	const totals = report.skippedTotal ?? [];
	if (blank === 0 && totals.length === 0) return null;
	return (
		<p data-testid="import-skipped">
			{blank > 0 ? t("imports.skipped.blank", { count: blank }) : null}
			{blank > 0 && totals.length > 0 ? " " : null}
			{totals.length > 0 ? t("imports.skipped.total", { rows: totals.join(", ") }) : null}
		</p>
	);
}
