import type { AuditEvent, OrgUnit } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { summarize } from "./summary.ts";

/** Audit events as a table: time in JST (with 和暦 in Japanese), type, actor, record, details. */
export function AuditTable({
	events,
	units,
}: {
	events: AuditEvent[];
	units: ReadonlyMap<string, OrgUnit>;
}) {
	const i18n = useI18n();
	const dates = useDates();
	const { t, label } = i18n;
	return (
		<div className="table-wrap">
			<table className="table table-audit">
				<caption className="visually-hidden">{t("audit.title")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("audit.occurredAt")}</th>
						<th scope="col">{t("audit.type")}</th>
						<th scope="col">{t("audit.actor")}</th>
						<th scope="col">{t("audit.record")}</th>
						<th scope="col">{t("audit.summary")}</th>
					</tr>
				</thead>
				<tbody>
					{events.map((event) => (
						<tr key={event.id} data-type={event.type}>
							<td className="nowrap">
								<time dateTime={event.occurredAt}>
									{dates.dateTime(event.occurredAt, { seconds: true })}
								</time>
							</td>
							<td className="nowrap">
								{label("audit.type", event.type)}
								<span className="cell-sub">
									<code>{event.type}</code>
								</span>
							</td>
							<td>
								{event.actorLabel ?? t("audit.system")}
								{event.ip ? <span className="cell-sub">{event.ip}</span> : null}
							</td>
							<td>
								{event.recordType ? label("audit.recordType", event.recordType) : "—"}
								{event.recordId ? (
									<span className="cell-sub">
										<code className="truncate" title={event.recordId}>
											{event.recordId}
										</code>
									</span>
								) : null}
							</td>
							<td className="cell-summary">{summarize(event, i18n, units, dates)}</td>
						</tr>
					))}
				</tbody>
			</table>
			{events.length === 0 ? <p className="empty">{t("common.noResults")}</p> : null}
		</div>
	);
}
