import { useI18n } from "../i18n/i18n.tsx";
import { PackSection } from "./Section.tsx";
import type { Localized, PolicyPack } from "./types.ts";

type Scheme = PolicyPack["classification"]["schemes"][number];
type Level = Extract<Scheme, { kind: "importance" }>["levels"][number];
type Handling = Level["handling"];

const HANDLING_COLUMNS = [
	"labelRequired",
	"issuedDevicesOnly",
	"storage",
	"copying",
	"encryptInTransit",
	"takeOut",
	"disposal",
	"outsourcing",
	"backup",
] as const satisfies readonly (keyof Handling)[];

/** A classification scheme's levels with the handling rules derived from each, as a table. */
function LevelTable({ caption, levels }: { caption: string; levels: Level[] }) {
	const { t, lang } = useI18n();
	const l = (text: Localized) => text[lang];
	const value = (rule: Handling[keyof Handling]) => {
		if (typeof rule === "boolean") return rule ? t("pack.v.yes") : t("pack.v.no");
		if (typeof rule === "string") return t(`pack.v.${rule}`);
		return "";
	};
	return (
		<div className="table-wrap">
			<table className="table pack-levels">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t("pack.level")}</th>
						{HANDLING_COLUMNS.map((column) => (
							<th scope="col" key={column}>
								{t(`pack.h.${column}`)}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{levels.map((level) => (
						<tr key={level.code} data-level={level.code}>
							<th scope="row">
								{l(level.label)}
								<span className="cell-sub">{l(level.description)}</span>
							</th>
							{HANDLING_COLUMNS.map((column) => (
								<td key={column}>{value(level.handling[column])}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** Every classification scheme of the pack, the default first marked as such. */
export function PackClassification({ pack }: { pack: PolicyPack }) {
	const { t, lang } = useI18n();
	const l = (text: Localized) => text[lang];
	const { schemes, defaultScheme } = pack.classification;
	return (
		<PackSection id="classification" title={t("pack.classification")}>
			{schemes.map((scheme) => (
				<article key={scheme.code} className="pack-scheme" data-scheme={scheme.code}>
					<h3>
						{l(scheme.name)}{" "}
						<span className="badge badge-muted">{t(`pack.schemeKind.${scheme.kind}`)}</span>{" "}
						{scheme.code === defaultScheme ? (
							<span className="badge badge-ok">{t("pack.defaultScheme")}</span>
						) : null}
					</h3>
					<p>{l(scheme.description)}</p>
					{scheme.mapsTo ? (
						<p className="muted">{t("pack.mapsTo", { scheme: scheme.mapsTo.scheme })}</p>
					) : null}
					{scheme.kind === "importance" ? (
						<LevelTable caption={l(scheme.name)} levels={scheme.levels} />
					) : (
						(["confidentiality", "integrity", "availability"] as const).map((axis) => (
							<LevelTable
								key={axis}
								caption={`${l(scheme.name)}: ${t(`pack.axis.${axis}`)}`}
								levels={scheme.axes[axis]}
							/>
						))
					)}
					{scheme.notes?.map((note) => (
						<p key={note.ja} className="muted">
							{l(note)}
						</p>
					))}
				</article>
			))}
		</PackSection>
	);
}
