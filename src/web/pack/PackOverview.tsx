import { useI18n } from "../i18n/i18n.tsx";
import { PackSection } from "./Section.tsx";
import type { Localized, TenantPolicyPack } from "./types.ts";

/** Municipality, versions, scope (agencies, assets), who counts as staff, definitions, threats. */
export function PackOverview({ data }: { data: TenantPolicyPack }) {
	const { t, lang } = useI18n();
	const l = (text: Localized) => text[lang];
	const { pack } = data;
	return (
		<>
			<PackSection id="overview" title={t("pack.overview")}>
				<dl className="details pack-details">
					<dt>{t("pack.municipality")}</dt>
					<dd>
						{pack.municipality
							? `${l(pack.municipality.prefecture)} ${l(pack.municipality.name)}`
							: t("pack.noMunicipality")}
					</dd>
					<dt>{t("pack.policyVersion")}</dt>
					<dd>{pack.policyVersion}</dd>
					<dt>{t("pack.guideline")}</dt>
					<dd>
						{l(pack.basedOnGuideline.title)}（
						{pack.basedOnGuideline.edition ?? t("pack.guidelineEditionUnknown")}）
					</dd>
					<dt>{t("pack.packVersion")}</dt>
					<dd>{t("pack.packVersionValue", { version: data.version, source: data.source })}</dd>
					<dt>{t("pack.dutyToComply")}</dt>
					<dd>{t(`pack.duty.${pack.dutyToComply}`)}</dd>
				</dl>
			</PackSection>
			<PackSection
				id="agencies"
				title={t("pack.agencies")}
				extra={t("pack.agencyCount", { count: pack.scope.agencies.length })}
			>
				<ul className="tag-list" aria-labelledby="pack-agencies">
					{pack.scope.agencies.map((agency) => (
						<li key={agency.code} className="tag" title={agency.note ? l(agency.note) : undefined}>
							{l(agency.name)}
						</li>
					))}
				</ul>
				<h3>{t("pack.assetKinds")}</h3>
				<ul>
					{pack.scope.assetKinds.map((kind) => (
						<li key={kind.code}>
							<strong>{l(kind.label)}</strong>: {l(kind.description)}
						</li>
					))}
				</ul>
			</PackSection>
			<PackSection id="staff" title={t("pack.staff")}>
				<ul className="tag-list">
					{pack.staffCategories.map((category) => (
						<li
							key={category.code}
							className={category.countsAsStaff ? "tag" : "tag tag-extra"}
							title={category.note ? l(category.note) : undefined}
						>
							{l(category.label)}
							<span className="muted">
								（
								{category.countsAsStaff
									? t(`pack.staffBasis.${category.basis}`)
									: t("pack.staffNotCounted")}
								）
							</span>
						</li>
					))}
				</ul>
			</PackSection>
			<PackSection id="definitions" title={t("pack.definitions")}>
				<dl className="pack-definitions">
					{pack.definitions.map((definition) => (
						<div key={definition.term.ja}>
							<dt>{l(definition.term)}</dt>
							<dd>{l(definition.meaning)}</dd>
						</div>
					))}
				</dl>
			</PackSection>
			<PackSection id="threats" title={t("pack.threats")}>
				<ol className="pack-threats">
					{pack.threats.map((threat) => (
						<li key={threat.code}>
							<strong>{l(threat.label)}</strong>
							<p className="cell-sub">{l(threat.description)}</p>
						</li>
					))}
				</ol>
			</PackSection>
		</>
	);
}
