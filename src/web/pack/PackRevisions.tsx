import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { PackSection } from "./Section.tsx";
import type { Localized, PolicyPack } from "./types.ts";

/** The policy's revision history, dated the tenant's way (和暦 or 西暦). */
export function PackRevisions({ pack }: { pack: PolicyPack }) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const l = (text: Localized) => text[lang];
	const { revisions } = pack;
	return (
		<PackSection
			id="revisions"
			title={t("pack.revisions")}
			extra={t("pack.revisionCount", { count: revisions.length })}
		>
			{revisions.length === 0 ? (
				<p className="empty">{t("pack.noRevisions")}</p>
			) : (
				<div className="table-wrap">
					<table className="table pack-revisions">
						<caption className="visually-hidden">{t("pack.revisions")}</caption>
						<thead>
							<tr>
								<th scope="col">No.</th>
								<th scope="col">{t("pack.revisionDate")}</th>
								<th scope="col">{t("pack.revisionKind")}</th>
								<th scope="col">{t("pack.revisionSummary")}</th>
							</tr>
						</thead>
						<tbody>
							{revisions.map((revision, index) => (
								<tr key={`${revision.date}-${revision.era}`}>
									<td>{index + 1}</td>
									<td className="nowrap">
										<time dateTime={revision.date}>{date(revision.date)}</time>
									</td>
									<td className="nowrap">{t(`pack.kind.${revision.kind}`)}</td>
									<td>{l(revision.summary)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</PackSection>
	);
}
