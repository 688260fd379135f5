import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { PackSection } from "./Section.tsx";
import type { Localized, PolicyPack } from "./types.ts";

const ZONES = ["mynumber", "lgwan", "internet"] as const;

/** The three-tier model: each tier's measures and the routes allowed between tiers. */
export function PackNetwork({ pack }: { pack: PolicyPack }) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const l = (text: Localized) => text[lang];
	const { network } = pack;
	const zoneName = (zone: (typeof ZONES)[number]) => l(network.zones[zone].name);
	return (
		<PackSection id="network" title={t("pack.network")}>
			<dl className="details pack-details">
				<dt>{t("pack.model")}</dt>
				<dd>
					{t(`pack.model.${network.model}`)}
					{network.modelNote ? <span className="cell-sub">{l(network.modelNote)}</span> : null}
				</dd>
				<dt>{t("pack.securityCloud")}</dt>
				<dd>{l(network.securityCloud.scope)}</dd>
			</dl>
			<div className="table-wrap">
				<table className="table">
					<caption className="visually-hidden">{t("pack.network")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("pack.zone")}</th>
							<th scope="col">{t("pack.zoneTraits")}</th>
						</tr>
					</thead>
					<tbody>
						{ZONES.map((code) => {
							const zone = network.zones[code];
							const traits = [
								zone.isolated ? t("pack.trait.isolated") : null,
								zone.mfaRequired ? t("pack.trait.mfa") : null,
								zone.takeOutBlocked ? t("pack.trait.takeOutBlocked") : null,
								zone.enhancedMonitoring ? t("pack.trait.monitoring") : null,
							].filter((trait) => trait !== null);
							return (
								<tr key={code}>
									<th scope="row">{l(zone.name)}</th>
									<td>
										{traits.map((trait) => (
											<span key={trait} className="badge badge-muted">
												{trait}
											</span>
										))}
										<span className="cell-sub">{l(zone.description)}</span>
									</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
			{/* Numbered as the check's findings cite them: 許可経路2 is the second. */}
			<h3>{t("pack.routes")}</h3>
			<ol>
				{network.allowedRoutes.map((route) => (
					<li key={`${route.from}-${route.to}-${route.via ?? ""}`}>
						{t(route.bidirectional ? "pack.routeBoth" : "pack.route", {
							from: zoneName(route.from),
							to: zoneName(route.to),
						})}
						{route.via ? t("pack.routeVia", { via: zoneName(route.via) }) : null}{" "}
						<span className="badge badge-muted">{t(`pack.safeguard.${route.safeguard}`)}</span>
						{route.since ? (
							<span className="muted"> {t("pack.since", { date: date(route.since) })}</span>
						) : null}
						{route.note ? <span className="cell-sub">{l(route.note)}</span> : null}
					</li>
				))}
			</ol>
		</PackSection>
	);
}
