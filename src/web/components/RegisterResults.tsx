import type { ReactNode } from "react";
import { EmptyState } from "./EmptyState.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Pagination } from "./Pagination.tsx";

/** The filter form's two buttons: apply the draft, or clear every filter. */
export function FilterButtons({
	apply,
	clear,
	onClear,
}: {
	apply: string;
	clear: string;
	onClear(): void;
}) {
	return (
		<div className="form-row-actions">
			<button type="submit" className="button">
				{apply}
			</button>
			<button type="button" className="button" onClick={onClear}>
				{clear}
			</button>
		</div>
	);
}

interface Props<T> {
	error: unknown;
	/** The page read, null while it loads. */
	page: { items: readonly T[]; total: number } | null;
	/** Nothing registered at all (not merely nothing matching the filter). */
	empty: boolean;
	/** The empty register's state: what is missing, what to do, and who may. */
	emptyState: {
		testId: string;
		title: string;
		guidance: string;
		action: string;
		button: ReactNode;
	};
	totalTestId: string;
	/** 「N 件」 for the filter. */
	total: string;
	/** Said when the filter matches nothing. */
	none: string;
	/** The table's accessible name. */
	label: string;
	offset: number;
	limit: number;
	onOffset(offset: number): void;
	/** The table's head and body, for the page's items. */
	children(items: readonly T[]): ReactNode;
}

/**
 * A register's list below its filter: the error, the empty register's way forward, or the
 * total, the page's table and the pages. The register pages (contracts, cloud services,
 * exceptions, official social media accounts) share it.
 */
export function RegisterResults<T>({
	error,
	page,
	empty,
	emptyState,
	totalTestId,
	total,
	none,
	label,
	offset,
	limit,
	onOffset,
	children,
}: Props<T>) {
	return (
		<>
			<ErrorAlert error={error} />
			{page && empty ? (
				<EmptyState
					testId={emptyState.testId}
					title={emptyState.title}
					guidance={emptyState.guidance}
					action={emptyState.action}
				>
					{emptyState.button}
				</EmptyState>
			) : null}
			{page && !empty ? (
				<>
					<p>
						<strong data-testid={totalTestId}>{total}</strong>
					</p>
					{page.items.length === 0 ? (
						<p className="empty">{none}</p>
					) : (
						<div className="table-wrap">
							<table className="table" aria-label={label}>
								{children(page.items)}
							</table>
						</div>
					)}
					<Pagination offset={offset} limit={limit} total={page.total} onChange={onOffset} />
				</>
			) : null}
		</>
	);
}
