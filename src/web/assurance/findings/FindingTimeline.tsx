import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";
import type { Finding } from "./types.ts";

type Entry = Finding["timeline"][number];

const text = (value: unknown) =>
	typeof value === "string" || typeof value === "number" ? String(value) : "";

/** A finding's history, oldest first: who did what and when, with what they wrote. */
export function FindingTimeline({ finding }: { finding: Finding }) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();

	function title(entry: Entry): string {
		const key = `findings.event.${entry.kind}` as MessageKey;
		return t(key, {
			fileName: text(entry.data.fileName),
			title: text(entry.data.title),
			count: text(entry.data.notified),
		});
	}

	function detail(entry: Entry): string | null {
		if (entry.kind === "planned" || entry.kind === "replanned") {
			const due = text(entry.data.dueOn);
			return t("findings.event.plannedDetail", {
				owner: text(entry.data.owner),
				dueOn: due ? date(due) : "—",
			});
		}
		return null;
	}

	return (
		<section className="card finding-timeline" aria-labelledby="finding-timeline">
			<h2 id="finding-timeline">{t("findings.section.timeline")}</h2>
			{finding.timeline.length === 0 ? (
				<p className="muted">{t("findings.timeline.empty")}</p>
			) : (
				<ol data-testid="finding-timeline">
					{finding.timeline.map((entry) => (
						<li key={entry.seq} data-kind={entry.kind}>
							<p className="timeline-meta">
								{dateTime(entry.at)} {entry.actor}
							</p>
							<p className="timeline-text">
								<strong>{title(entry)}</strong>
							</p>
							{detail(entry) ? <p className="timeline-text">{detail(entry)}</p> : null}
							{entry.text ? <p className="timeline-text">{entry.text}</p> : null}
						</li>
					))}
				</ol>
			)}
		</section>
	);
}
