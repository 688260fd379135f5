import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { bandKey, basisKey, type RiskHeatMap, type RiskOptions, stepLabel } from "./labels.ts";

interface Props {
	map: RiskHeatMap;
	matrix: RiskOptions["matrix"];
	/** Filter parameters the cells' links carry besides the cell itself. */
	linkQuery: Record<string, string>;
}

/**
 * The likelihood × impact grid, highest likelihood on top, coloured by band, with the count of
 * risks in each cell; a cell links to the register filtered on it.
 */
export function HeatMap({ map, matrix, linkQuery }: Props) {
	const { t, lang } = useI18n();
	const steps = Array.from({ length: map.size }, (_, i) => i + 1);
	const cell = (likelihood: number, impact: number) =>
		map.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
	return (
		<div className="table-wrap">
			<table className="risk-heat-map" data-testid="risk-heat-map">
				<caption>{t("risks.heatMapCaption", { basis: t(basisKey(map.basis)) })}</caption>
				<thead>
					<tr>
						<th scope="col">{t("risks.heatMapCorner")}</th>
						{steps.map((impact) => (
							<th scope="col" key={impact}>
								{stepLabel(matrix.impact, impact, lang)}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{[...steps].reverse().map((likelihood) => (
						<tr key={likelihood}>
							<th scope="row">{stepLabel(matrix.likelihood, likelihood, lang)}</th>
							{steps.map((impact) => {
								const found = cell(likelihood, impact);
								const count = found?.count ?? 0;
								const band = found?.band ?? "low";
								const query = new URLSearchParams({
									...linkQuery,
									basis: map.basis,
									likelihood: String(likelihood),
									impact: String(impact),
								});
								return (
									<td
										key={impact}
										className={`risk-cell risk-band-${band}`}
										data-cell={`${likelihood}-${impact}`}
									>
										<Link
											to={`/risks?${query}`}
											aria-label={t("risks.cellLabel", {
												likelihood: stepLabel(matrix.likelihood, likelihood, lang),
												impact: stepLabel(matrix.impact, impact, lang),
												band: t(bandKey(band)),
												count,
											})}
										>
											<span className="risk-cell-count">{count}</span>
										</Link>
									</td>
								);
							})}
						</tr>
					))}
				</tbody>
			</table>
			<ul className="risk-legend" aria-label={t("risks.legend")}>
				{(["low", "medium", "high"] as const).map((band) => (
					<li key={band}>
						<span className={`risk-swatch risk-band-${band}`} aria-hidden="true" />{" "}
						{t(bandKey(band))}
					</li>
				))}
			</ul>
		</div>
	);
}
