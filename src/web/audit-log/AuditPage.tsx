import { useEffect, useMemo, useState } from "react";
import {
	type AuditEvent,
	type AuditEventType,
	type AuditFilter,
	api,
	auditExportUrl,
	call,
} from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { endOfJapanDay, startOfJapanDay } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useOrgUnits } from "../org/useOrgUnits.ts";
import { useCan } from "../session.tsx";
import { AuditCheckpoint } from "./AuditCheckpoint.tsx";
import { type AuditFilterForm, AuditFilters, EMPTY_FILTER } from "./AuditFilters.tsx";
import { AuditTable } from "./AuditTable.tsx";

const PAGE_SIZE = 50;

/** The API filter for what was typed: whole Japanese days, end day included. */
function toApiFilter(form: AuditFilterForm): Omit<AuditFilter, "limit" | "offset"> {
	return {
		...(form.actor ? { actor: form.actor } : {}),
		// The select offers only the types the server listed.
		...(form.type ? { type: form.type as AuditEventType } : {}),
		...(form.recordId ? { recordId: form.recordId } : {}),
		...(form.fromDay ? { from: startOfJapanDay(form.fromDay) } : {}),
		...(form.toDay ? { to: endOfJapanDay(form.toDay) } : {}),
	};
}

/** The audit log: filters, a page of events (newest first) and the CSV export of the filter. */
export function AuditPage() {
	const { t } = useI18n();
	const can = useCan();
	const { byId } = useOrgUnits();
	// The filter and page live in the address: reload, back and a shared link keep them.
	const { filter: form, offset, apply, setOffset, key } = useUrlFilter(EMPTY_FILTER);
	const [types, setTypes] = useState<string[]>([]);
	const [page, setPage] = useState<{ items: AuditEvent[]; total: number; offset: number } | null>(
		null,
	);
	const [error, setError] = useState<unknown>(null);
	const filter = useMemo(() => toApiFilter(form), [form]);

	useEffect(() => {
		let current = true;
		call(
			api.GET("/api/audit-events", { params: { query: { ...filter, limit: PAGE_SIZE, offset } } }),
		)
			.then((result) => {
				if (!current) return;
				// The offset asked for: the range shown moves with the rows, not ahead of them.
				setPage({ items: result.items, total: result.total, offset });
				setTypes(result.types);
				setError(null);
			})
			.catch((failure: unknown) => {
				if (current) setError(failure);
			});
		return () => {
			current = false;
		};
	}, [filter, offset]);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("audit.title")}</h1>
				{can("audit-log.export") ? (
					<DownloadButton
						href={auditExportUrl(filter)}
						fileName="audit-events.csv"
						onError={setError}
					>
						{t("audit-log.export")}
					</DownloadButton>
				) : null}
			</div>
			<p className="lead">{t("audit.lead")}</p>
			<AuditCheckpoint />
			<AuditFilters key={key} initial={form} types={types} onApply={apply} />
			<ErrorAlert error={error} />
			{page ? (
				<>
					{page.total === 0 && Object.values(form).every((value) => value === "") ? (
						<EmptyState
							testId="audit-empty"
							title={t("empty.audit.title")}
							guidance={t("empty.audit.guidance")}
							action="audit-log.read"
						/>
					) : (
						<AuditTable events={page.items} units={byId} />
					)}
					<Pagination
						offset={page.offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={setOffset}
					/>
				</>
			) : null}
		</section>
	);
}
