import { useI18n } from "../i18n/i18n.tsx";

interface PaginationProps {
	offset: number;
	limit: number;
	total: number;
	onChange(offset: number): void;
}

/** "Showing 1–50 of 120" with previous / next buttons. */
export function Pagination({ offset, limit, total, onChange }: PaginationProps) {
	const { t } = useI18n();
	const from = total === 0 ? 0 : offset + 1;
	const to = Math.min(offset + limit, total);
	return (
		<nav className="pagination" aria-label={t("common.pagination")}>
			<p className="pagination-range" aria-live="polite">
				{t("common.pageRange", { from, to, total })}
			</p>
			<div className="pagination-buttons">
				<button
					type="button"
					className="button button-small"
					disabled={offset === 0}
					onClick={() => onChange(Math.max(0, offset - limit))}
				>
					{t("common.previous")}
				</button>
				<button
					type="button"
					className="button button-small"
					disabled={offset + limit >= total}
					onClick={() => onChange(offset + limit)}
				>
					{t("common.next")}
				</button>
			</div>
		</nav>
	);
}
