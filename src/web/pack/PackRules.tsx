import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { PackSection } from "./Section.tsx";
import type { Localized, PolicyPack } from "./types.ts";

const CADENCES = ["audit", "selfInspection", "review"] as const;
const PROVISIONS = [
	"outsourcing",
	"cloudServices",
	"externalServices",
	"socialMedia",
	"specificPersonalInformation",
	"freeMail",
	"webConferencing",
	"nonBusinessBrowsingBan",
] as const satisfies readonly (keyof PolicyPack["provisions"])[];
const DOCUMENTS = ["basicPolicy", "standards", "procedures"] as const;

/** Cadences of audit, self-inspection and review; incident handling; provisions; documents. */
export function PackRules({ pack }: { pack: PolicyPack }) {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const l = (text: Localized) => text[lang];
	const documents = [
		...DOCUMENTS.map((key) => ({ kind: t(`pack.doc.${key}`), doc: pack.documents[key] })),
		...(pack.documents.emergencyPlan
			? [{ kind: t("docs.kind.emergency_plan"), doc: pack.documents.emergencyPlan }]
			: []),
		...pack.documents.additional.map((doc) => ({ kind: t("pack.doc.additional"), doc })),
	];
	return (
		<>
			<PackSection id="cadence" title={t("pack.cadence")}>
				<dl className="details pack-details">
					{CADENCES.map((key) => {
						const cadence = pack.cadence[key];
						const also = cadence.alsoWhen.map((trigger) => t(`pack.trigger.${trigger}`));
						return (
							<div key={key} className="pack-detail-row">
								<dt>{t(`pack.cadence.${key}`)}</dt>
								<dd>
									{t(`pack.every.${cadence.every}`)}
									{also.length > 0 ? ` + ${also.join("、")}` : null}
									{cadence.note ? <span className="cell-sub">{l(cadence.note)}</span> : null}
								</dd>
							</div>
						);
					})}
				</dl>
				{pack.cadence.review.requiresRiskAnalysis ? (
					<p className="badge badge-warn">{t("pack.riskAnalysis")}</p>
				) : null}
			</PackSection>
			<PackSection id="incident" title={t("pack.incident")}>
				<dl className="details pack-details">
					<dt>{t("pack.incidentPlan")}</dt>
					<dd>{l(pack.incident.planName)}</dd>
					<dt>{t("pack.csirt")}</dt>
					<dd>{pack.incident.csirt ? t("pack.csirtYes") : t("pack.csirtNo")}</dd>
				</dl>
				{pack.incident.note ? <p className="muted">{l(pack.incident.note)}</p> : null}
			</PackSection>
			<PackSection id="provisions" title={t("pack.provisions")}>
				<ul className="pack-provisions">
					{PROVISIONS.map((key) => {
						const provision = pack.provisions[key];
						return (
							<li key={key} data-provision={key}>
								<span className={`badge ${provision.inForce ? "badge-ok" : "badge-muted"}`}>
									{provision.inForce ? t("pack.inForce") : t("pack.notInForce")}
								</span>{" "}
								{t(`pack.provision.${key}`)}
								{provision.since ? (
									<span className="muted"> {t("pack.since", { date: date(provision.since) })}</span>
								) : null}
								{provision.note ? <span className="cell-sub">{l(provision.note)}</span> : null}
							</li>
						);
					})}
				</ul>
			</PackSection>
			<PackSection id="documents" title={t("pack.documents")}>
				<ul>
					{documents.map(({ kind, doc }) => (
						<li key={`${kind}-${doc.name.ja}`}>
							{kind}: <strong>{l(doc.name)}</strong>{" "}
							<span className="badge badge-muted">{t(`pack.publication.${doc.publication}`)}</span>
						</li>
					))}
				</ul>
			</PackSection>
		</>
	);
}
