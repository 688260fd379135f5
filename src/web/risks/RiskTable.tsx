import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link } from "../router.tsx";
import { bandKey, localized, type Risk, statusKey, treatmentKey } from "./labels.ts";

export const RISK_SORTS = [
	"title",
	"residual_score",
	"inherent_score",
	"treatment_due",
	"status",
	"threat_code",
	"updated_at",
] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

interface Props {
	items: Risk[];
	sort: { by: RiskSort; order: "asc" | "desc" };
	onSort(by: RiskSort): void;
}

function Rating({ rating }: { rating: Risk["inherent"] }) {
	const { t } = useI18n();
	return (
		<span className={`risk-band risk-band-${rating.band}`}>
			{rating.score} {t(bandKey(rating.band))}
		</span>
	);
}

/** A page of risks with sortable headers. */
export function RiskTable({ items, sort, onSort }: Props) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const header = (by: RiskSort, label: MessageKey) => (
		<th
			scope="col"
			aria-sort={sort.by === by ? (sort.order === "asc" ? "ascending" : "descending") : "none"}
		>
			<button
				type="button"
				className="button-link"
				onClick={() => onSort(by)}
				title={t("risks.sortBy", { column: t(label) })}
			>
				{t(label)}
				{sort.by === by ? (sort.order === "asc" ? " ▲" : " ▼") : ""}
			</button>
		</th>
	);
	return (
		<div className="table-wrap">
			<table className="table" data-testid="risk-table">
				<caption className="visually-hidden">{t("risks.title")}</caption>
				<thead>
					<tr>
						{header("title", "risks.field.title")}
						{header("threat_code", "risks.field.threat")}
						<th scope="col">{t("risks.field.ownerUnit")}</th>
						{header("inherent_score", "risks.inherent")}
						{header("residual_score", "risks.residual")}
						<th scope="col">{t("risks.field.treatment")}</th>
						{header("treatment_due", "risks.field.treatmentDue")}
						{header("status", "risks.field.status")}
						{header("updated_at", "risks.field.updatedAt")}
					</tr>
				</thead>
				<tbody>
					{items.map((risk) => (
						<tr key={risk.id} data-risk={risk.id}>
							<td>
								<Link to={`/risks/${encodeURIComponent(risk.id)}`}>{risk.title}</Link>
							</td>
							<td>{localized(risk.threat.label, lang) || risk.threat.code}</td>
							<td>{risk.ownerUnit.name}</td>
							<td className="nowrap">
								<Rating rating={risk.inherent} />
							</td>
							<td className="nowrap">
								<Rating rating={risk.residual} />
							</td>
							<td>
								{risk.treatment ? t(treatmentKey(risk.treatment)) : t("risks.treatment.none")}
							</td>
							<td className="nowrap">
								{risk.treatmentDue ? date(risk.treatmentDue) : ""}
								{risk.overdue ? (
									<span className="badge badge-danger risk-overdue">{t("risks.overdue")}</span>
								) : null}
							</td>
							<td>{t(statusKey(risk.status))}</td>
							<td className="nowrap">{date(risk.updatedAt)}</td>
						</tr>
					))}
				</tbody>
			</table>
			{items.length === 0 ? <p className="empty">{t("common.noResults")}</p> : null}
		</div>
	);
}
