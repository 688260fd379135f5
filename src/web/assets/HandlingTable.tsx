import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { type AssetHandling, HANDLING_ROWS, ruleKey } from "./labels.ts";

/** The handling an asset's class requires, one row per rule, with the pack's notes. */
export function HandlingTable({ handling }: { handling: AssetHandling }) {
	const { t, lang } = useI18n();
	return (
		<>
			<table className="table table-compact" data-testid="asset-handling">
				<tbody>
					{HANDLING_ROWS.map((row) => {
						const value = handling[row];
						const shown =
							typeof value === "boolean"
								? t(value ? "assets.handling.required" : "assets.handling.notRequired")
								: t(ruleKey(value));
						return (
							<tr key={row}>
								<th scope="row">{t(`assets.handling.${row}` as MessageKey)}</th>
								<td data-rule={row}>{shown}</td>
							</tr>
						);
					})}
				</tbody>
			</table>
			{handling.notes.map((note) => (
				<p key={note.ja} className="field-hint">
					{lang === "ja" ? note.ja : note.en}
				</p>
			))}
		</>
	);
}
