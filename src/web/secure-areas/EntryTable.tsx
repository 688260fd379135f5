import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { flagKey, type SecureAreaEntry, sourceKey } from "./types.ts";

/** Entries of the log, with their flags; `area` adds the area's column (the month's flags). */
export function EntryTable({
	entries,
	label,
	testId,
	areaOf,
	onExit,
}: {
	entries: readonly SecureAreaEntry[];
	label: string;
	testId: string;
	areaOf?: (entry: SecureAreaEntry) => string;
	onExit?: (entry: SecureAreaEntry) => void;
}) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	return (
		<div className="table-wrap">
			<table className="table table-compact" aria-label={label} data-testid={testId}>
				<thead>
					<tr>
						{areaOf ? <th scope="col">{t("secureAreas.entry.area")}</th> : null}
						<th scope="col">{t("secureAreas.entry.person")}</th>
						<th scope="col">{t("secureAreas.entry.entered")}</th>
						<th scope="col">{t("secureAreas.entry.exited")}</th>
						<th scope="col">{t("secureAreas.entry.source")}</th>
						<th scope="col">{t("secureAreas.entry.flags")}</th>
					</tr>
				</thead>
				<tbody>
					{entries.map((entry) => (
						<tr key={entry.id} data-entry={entry.id} data-flags={entry.flags.join(" ")}>
							{areaOf ? <td>{areaOf(entry)}</td> : null}
							<td>
								{entry.staff
									? `${entry.staff.name}（${entry.staff.staffNumber}）`
									: t("secureAreas.entry.visitor", { name: entry.visitorName ?? "" })}
								{entry.escort ? (
									<>
										<br />
										{t("secureAreas.entry.escort", { name: entry.escort.name })}
									</>
								) : null}
							</td>
							<td className="nowrap">{dateTime(entry.enteredAt)}</td>
							<td className="nowrap">
								{entry.exitedAt ? (
									dateTime(entry.exitedAt)
								) : onExit ? (
									<button type="button" className="button" onClick={() => onExit(entry)}>
										{t("secureAreas.detail.recordExit")}
									</button>
								) : (
									t("secureAreas.entry.open")
								)}
							</td>
							<td>{t(sourceKey(entry.source))}</td>
							<td>
								{entry.flags.map((flag) => (
									<span key={flag} className="badge badge-warn">
										{t(flagKey(flag))}
									</span>
								))}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
