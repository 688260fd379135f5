import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { fileSize } from "../assets/custody/types.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { type I18n, useI18n } from "../i18n/i18n.tsx";
import type { CaseSectionProps } from "./case-section.ts";
import { chainTimelineDetails } from "./chain-labels.ts";
import {
	type Incident,
	type IncidentOptions,
	localized,
	priorityKey,
	severityText,
	type TimelineEntry,
} from "./labels.ts";

type Texts = Pick<I18n, "t" | "lang" | "label">;

/** The category a timeline entry names, by the pack's label where it is known. */
function categoryName(
	code: unknown,
	incident: Incident,
	options: IncidentOptions | null,
	lang: string,
) {
	if (typeof code !== "string" || code === "") return "—";
	if (code === incident.category && incident.categoryLabel) {
		return localized(incident.categoryLabel, lang);
	}
	const known = options?.categories.find((category) => category.code === code);
	return known ? localized(known.label, lang) : code;
}

/** The severity a timeline entry names: the pack's step label where it is known. */
function severityName(
	level: unknown,
	incident: Incident,
	options: IncidentOptions | null,
	i18n: Texts,
) {
	if (typeof level !== "number") return "—";
	const step =
		options?.severities.find((s) => s.level === level) ??
		(incident.severity?.level === level ? incident.severity : null);
	return step ? severityText(step, i18n) : String(level);
}

/** A rating's score kept on a re-rating's timeline entry (`{ inherent: { score }, residual: … }`). */
function scoreOf(ratings: unknown, which: "inherent" | "residual"): string {
	const rating = (ratings as Record<string, unknown> | null)?.[which];
	const score = (rating as Record<string, unknown> | null | undefined)?.score;
	return typeof score === "number" ? String(score) : "—";
}

/** What one entry says beyond its kind: the assessment, the fields changed, the filing, the text. */
function details(
	entry: TimelineEntry,
	incident: Incident,
	options: IncidentOptions | null,
	i18n: Texts,
	day: (value: string) => string,
): string[] {
	const { t, lang, label } = i18n;
	const data = entry.data;
	const lines: string[] = [];
	if (entry.kind === "reported") {
		if (data.source === "system") lines.push(t("incidents.timeline.systemSource"));
		if (Array.isArray(data.assets) && data.assets.length > 0) {
			lines.push(
				t("incidents.timeline.assets", { assets: data.assets.join(t("incidents.listSeparator")) }),
			);
		}
	}
	if (entry.kind === "triaged" || entry.kind === "updated") {
		lines.push(
			t("incidents.timeline.assessed", {
				category: categoryName(data.category, incident, options, lang),
				severity: severityName(data.severity, incident, options, i18n),
				priority: typeof data.priority === "string" ? t(priorityKey(data.priority)) : "—",
			}),
		);
		if (entry.kind === "updated" && Array.isArray(data.fields) && data.fields.length > 0) {
			const fields = data.fields.map((field) => label("incidents.column", String(field)));
			lines.push(
				t("incidents.timeline.fields", { fields: fields.join(t("incidents.listSeparator")) }),
			);
		}
	}
	if (entry.kind === "filed") {
		const obligation = incident.obligations.find((o) => o.code === data.obligation);
		const stage = data.stage === "final" ? "final" : "preliminary";
		const stageLabel = obligation?.[stage]?.label;
		lines.push(
			t("incidents.timeline.filed", {
				authority: obligation ? localized(obligation.authority, lang) : String(data.obligation),
				stage: stageLabel ? localized(stageLabel, lang) : t(`incidents.stage.${stage}`),
				date: typeof data.filedOn === "string" ? day(data.filedOn) : "—",
			}),
		);
	}
	if (entry.kind === "task_created" || entry.kind === "task_updated") {
		const due = typeof data.dueOn === "string" ? day(data.dueOn) : "—";
		const fields = Array.isArray(data.fields) ? data.fields.map(String) : [];
		if (entry.kind === "task_updated" && fields.length > 0) {
			const names = fields.map((field) => label("incidents.taskField", field));
			lines.push(
				t("incidents.timeline.fields", { fields: names.join(t("incidents.listSeparator")) }),
			);
		}
		if (typeof data.ownerLabel === "string") {
			lines.push(t("incidents.timeline.task", { owner: data.ownerLabel, due }));
		} else if (fields.includes("dueOn")) {
			lines.push(t("incidents.timeline.taskDue", { due }));
		}
	}
	if (entry.kind === "evidence_added") {
		lines.push(
			t("incidents.timeline.evidence", {
				name: String(data.fileName ?? ""),
				size: typeof data.size === "number" ? fileSize(data.size) : "—",
				sha256: String(data.sha256 ?? ""),
			}),
		);
	}
	if (entry.kind === "risk_raised" || entry.kind === "risk_rescored") {
		if (typeof data.title === "string") {
			lines.push(t("incidents.timeline.risk", { title: data.title }));
		}
		if (entry.kind === "risk_rescored") {
			lines.push(
				t("incidents.timeline.riskRatings", {
					inherentBefore: scoreOf(data.before, "inherent"),
					inherentAfter: scoreOf(data.after, "inherent"),
					residualBefore: scoreOf(data.before, "residual"),
					residualAfter: scoreOf(data.after, "residual"),
				}),
			);
		}
	}
	if (data.preventionRecorded === true) lines.push(t("incidents.timeline.preventionRecorded"));
	lines.push(...chainTimelineDetails(entry, incident, options, i18n, day));
	return lines;
}

/** Every action, decision and note on the case, oldest first (who, when, what), and a note form. */
export function TimelineSection({ incident, options, onChanged }: CaseSectionProps) {
	const i18n = useI18n();
	const { t, label } = i18n;
	const { date, dateTime } = useDates();
	const [text, setText] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function addNote(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const saved = await call(
				api.POST("/api/incidents/{id}/notes", {
					params: { path: { id: incident.id } },
					body: { text: text.trim() },
				}),
			);
			setText("");
			onChanged(saved);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section className="card incident-timeline" aria-labelledby="incident-timeline">
			<h2 id="incident-timeline">{t("incidents.section.timeline")}</h2>
			{incident.timeline.length === 0 ? (
				<p className="muted">{t("incidents.timeline.empty")}</p>
			) : (
				<ol data-testid="incident-timeline">
					{incident.timeline.map((entry) => (
						<li key={entry.seq} data-kind={entry.kind}>
							<p className="timeline-meta">
								<time dateTime={entry.at}>{dateTime(entry.at)}</time>
								{" · "}
								{t("incidents.timeline.by", { name: entry.actorLabel })}
							</p>
							<p className="timeline-text">
								<strong>{label("incidents.timeline.kind", entry.kind)}</strong>
							</p>
							{details(entry, incident, options, i18n, date).map((line) => (
								<p key={line} className="timeline-text">
									{line}
								</p>
							))}
							{entry.text ? <p className="timeline-text">{entry.text}</p> : null}
						</li>
					))}
				</ol>
			)}
			{incident.allowedActions.includes("incident.note") ? (
				<form className="form" onSubmit={addNote}>
					<ErrorAlert error={error} fields={{ text: t("incidents.field.note") }} />
					<Field label={t("incidents.field.note")} hint={t("incidents.note.hint")} required>
						{(id, describedBy) => (
							<textarea
								id={id}
								name="text"
								aria-describedby={describedBy}
								required
								rows={3}
								maxLength={4000}
								value={text}
								onChange={(event) => setText(event.target.value)}
							/>
						)}
					</Field>
					<div className="form-row-actions">
						<button type="submit" className="button" disabled={busy}>
							{t("incidents.note.add")}
						</button>
					</div>
				</form>
			) : null}
		</section>
	);
}
