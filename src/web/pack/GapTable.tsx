import { useI18n } from "../i18n/i18n.tsx";
import type { GapItem } from "./types.ts";

const BADGE = { present: "badge-ok", different: "badge-warn", missing: "badge-danger" } as const;

/** One row per baseline provision: status, the clause where the text states it, and why. */
export function GapTable({ items }: { items: GapItem[] }) {
	const { t, lang } = useI18n();
	const packLabel = (value: boolean | null) =>
		value === null ? "" : value ? t("pack.inForce") : t("pack.notInForce");
	return (
		<div className="table-wrap">
			<table className="table gap-table">
				<caption className="visually-hidden">{t("gap.title")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("gap.col.provision")}</th>
						<th scope="col">{t("gap.col.baseline")}</th>
						<th scope="col">{t("gap.col.status")}</th>
						<th scope="col">{t("gap.col.clause")}</th>
						<th scope="col">{t("gap.col.note")}</th>
						<th scope="col">{t("gap.col.pack")}</th>
					</tr>
				</thead>
				<tbody>
					{items.map((item) => (
						<tr
							key={item.code}
							data-code={item.code}
							data-status={item.status}
							className={item.status === "present" ? undefined : `gap-row-${item.status}`}
						>
							<th scope="row">{item.label[lang]}</th>
							<td className="nowrap">{item.baselineClause}</td>
							<td className="nowrap">
								<span className={`badge ${BADGE[item.status]}`}>
									{t(`gap.status.${item.status}`)}
								</span>
							</td>
							<td>
								{item.clause ? (
									<>
										{t(`gap.source.${item.clause.source}`)} {item.clause.path}
										<span className="cell-sub">
											{item.clause.title}（{t("gap.line", { line: item.clause.line })}）
										</span>
									</>
								) : (
									"—"
								)}
							</td>
							<td>{item.note[lang]}</td>
							<td className="nowrap">{packLabel(item.tenantPackInForce)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
