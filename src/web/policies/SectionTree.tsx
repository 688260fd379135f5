import { useI18n } from "../i18n/i18n.tsx";
import type { PolicySection } from "./types.ts";

/** A body's paragraphs, each with its offset as a stable key. */
function paragraphs(body: string): { text: string; at: number }[] {
	if (!body) return [];
	let at = 0;
	return body.split("\n").map((text) => {
		const paragraph = { text, at };
		at += text.length + 1;
		return paragraph;
	});
}

/** The sections of a version, each with its stable anchor (`#s-6-3-②`) and citation text. */
export function SectionTree({ sections }: { sections: PolicySection[] }) {
	const { t } = useI18n();
	return (
		<ol className="section-tree">
			{sections.map((s) => (
				<li key={s.anchor} id={`s-${s.anchor}`} className="policy-section">
					<p className="section-heading">
						<span className="section-label">{s.label}</span>{" "}
						<span className="section-title">{s.title}</span>{" "}
						<a
							className="section-anchor"
							href={`#s-${s.anchor}`}
							title={t("docs.copyAnchor")}
							data-citation={s.citation}
						>
							{t("docs.cite", { citation: s.citation })}
						</a>
					</p>
					{paragraphs(s.body).map((p) => (
						<p key={`${s.anchor}:${p.at}`} className="section-body">
							{p.text}
						</p>
					))}
					{s.children.length > 0 ? <SectionTree sections={s.children} /> : null}
				</li>
			))}
		</ol>
	);
}
