import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { PolicyRevision } from "./types.ts";

/** The 改定履歴 of a document, dated the tenant's way (和暦 or 西暦). */
export function RevisionTable({ revisions }: { revisions: PolicyRevision[] }) {
	const { t, label } = useI18n();
	const { date } = useDates();
	if (revisions.length === 0) return <p>{t("docs.noRevisions")}</p>;
	return (
		<div className="table-wrap">
			<table className="table revision-table">
				<thead>
					<tr>
						<th scope="col">No.</th>
						<th scope="col">{t("docs.col.date")}</th>
						<th scope="col">{t("docs.col.kind")}</th>
						<th scope="col">{t("docs.col.summary")}</th>
						<th scope="col">{t("docs.col.version")}</th>
					</tr>
				</thead>
				<tbody>
					{revisions.map((r, index) => (
						<tr key={`${r.date}:${r.versionNumber ?? ""}:${r.summary}`}>
							<td>{index + 1}</td>
							<td className="nowrap">{date(r.date)}</td>
							<td>{label("docs.revisionKind", r.kind)}</td>
							<td>{r.summary}</td>
							<td>
								{r.versionNumber === null
									? ""
									: t("docs.versionNumber", { number: r.versionNumber })}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
