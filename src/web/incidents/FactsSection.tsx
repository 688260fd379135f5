import { Fragment } from "react";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import {
	dataKindKey,
	FACTS,
	factKey,
	localized,
	priorityKey,
	REPORT_ITEMS,
	reportItemKey,
	severityText,
	stateBadge,
	stateKey,
} from "./labels.ts";

const NONE = "—";

/** What happened and what is known: the report, CSIRT's assessment, 再発防止 and the outcome. */
export function FactsSection({ incident }: CaseSectionProps) {
	const i18n = useI18n();
	const { t, lang } = i18n;
	const { date, dateTime } = useDates();
	const can = useCan();
	const facts = FACTS.filter((fact) => incident[fact]);
	const open = !["closed", "rejected"].includes(incident.state);
	const preventionNeeded = open && incident.severity?.severe === true && !incident.prevention;

	return (
		<section className="card" aria-labelledby="incident-facts">
			<h2 id="incident-facts">{t("incidents.section.facts")}</h2>
			{preventionNeeded ? (
				<p className="alert alert-warning" data-testid="prevention-needed">
					{t("incidents.detail.preventionNeeded")}
				</p>
			) : null}
			<dl className="details incident-details">
				<dt>{t("incidents.field.state")}</dt>
				<dd>
					<span className={stateBadge(incident.state)} data-testid="incident-state">
						{t(stateKey(incident.state))}
					</span>
				</dd>
				<dt>{t("incidents.field.whatHappened")}</dt>
				<dd className="incident-text">{incident.whatHappened}</dd>
				<dt>{t("incidents.field.reporter")}</dt>
				<dd>
					{incident.source === "system"
						? t("incidents.systemReporter", { name: incident.reporterLabel })
						: incident.reporterLabel}
				</dd>
				<dt>{t("incidents.field.reportedAt")}</dt>
				<dd>{dateTime(incident.createdAt)}</dd>
				<dt>{t("incidents.field.noticedAt")}</dt>
				<dd>{dateTime(incident.noticedAt)}</dd>
				<dt>{t("incidents.field.knownAt")}</dt>
				<dd>{date(incident.knownAt)}</dd>
				<dt>{t("incidents.field.category")}</dt>
				<dd>{localized(incident.categoryLabel, lang) || incident.category || NONE}</dd>
				<dt>{t("incidents.field.severity")}</dt>
				<dd data-testid="incident-severity">
					{severityText(incident.severity, i18n)}
					{incident.severity?.severe ? (
						<span className="badge badge-danger incident-flag">{t("incidents.severe")}</span>
					) : null}
				</dd>
				<dt>{t("incidents.field.priority")}</dt>
				<dd>{incident.priority ? t(priorityKey(incident.priority)) : NONE}</dd>
				<dt>{t("incidents.field.units")}</dt>
				<dd>
					{incident.units.map((unit) => unit.name).join(t("incidents.listSeparator")) || NONE}
				</dd>
				<dt>{t("incidents.field.assets")}</dt>
				<dd>
					{incident.assets.length === 0
						? NONE
						: incident.assets.map((asset, index) => (
								<span key={asset.id}>
									{index > 0 ? t("incidents.listSeparator") : ""}
									{can("asset.read") ? (
										<Link to={`/assets/${encodeURIComponent(asset.id)}`}>
											{asset.code} {asset.name}
										</Link>
									) : (
										`${asset.code} ${asset.name}`
									)}
								</span>
							))}
				</dd>
				<dt>{t("incidents.field.people")}</dt>
				<dd data-testid="incident-people">{t("incidents.people", { count: incident.people })}</dd>
				<dt>{t("incidents.field.dataKinds")}</dt>
				<dd data-testid="incident-data-kinds">
					{incident.dataKinds.length > 0
						? incident.dataKinds
								.map((kind) => t(dataKindKey(kind)))
								.join(t("incidents.listSeparator"))
						: incident.personalDataSuspected
							? t("incidents.personalSuspected")
							: NONE}
				</dd>
				<dt>{t("incidents.field.facts")}</dt>
				<dd>
					{facts.length === 0 ? (
						NONE
					) : (
						<ul className="tag-list">
							{facts.map((fact) => (
								<li key={fact} className="tag">
									{t(factKey(fact))}
								</li>
							))}
						</ul>
					)}
				</dd>
				<dt>{t("incidents.field.prevention")}</dt>
				<dd className="incident-text" data-testid="incident-prevention">
					{incident.prevention ?? NONE}
				</dd>
				{REPORT_ITEMS.map((item) => (
					<Fragment key={item}>
						<dt>{t(reportItemKey(item))}</dt>
						<dd className="incident-text" data-testid={`incident-${item}`}>
							{incident[item] ?? NONE}
						</dd>
					</Fragment>
				))}
				{incident.rejectReason ? (
					<>
						<dt>{t("incidents.field.rejectReason")}</dt>
						<dd className="incident-text">{incident.rejectReason}</dd>
					</>
				) : null}
				{incident.triagedAt ? (
					<>
						<dt>{t("incidents.field.triagedAt")}</dt>
						<dd>{dateTime(incident.triagedAt)}</dd>
					</>
				) : null}
				{incident.closedAt ? (
					<>
						<dt>{t("incidents.field.closedAt")}</dt>
						<dd>{dateTime(incident.closedAt)}</dd>
					</>
				) : null}
			</dl>
		</section>
	);
}
