import { useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { CancelDrillDialog } from "./CancelDrillDialog.tsx";
import { HoldDrillDialog } from "./HoldDrillDialog.tsx";
import { RecordDrillDialog } from "./RecordDrillDialog.tsx";
import { type Drill, stateKey } from "./types.ts";
import { useDrillOptions } from "./useDrillOptions.ts";
import "./drills.css";

type DialogKind = "hold" | "record" | "cancel";

/** One drill: its plan, how it was held and by whom, its lessons and follow-ups; the next step. */
export function DrillDetailPage({ id }: { id: string }) {
	const { t, lang } = useI18n();
	const { date, dateTime, style } = useDates();
	const [drill, setDrill] = useState<Drill | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [dialog, setDialog] = useState<DialogKind | null>(null);
	const may = (action: string) => drill?.allowedActions.includes(action) ?? false;
	const { options, error: optionsError } = useDrillOptions(may("drill.hold"));

	useEffect(() => {
		call(api.GET("/api/drills/{id}", { params: { path: { id } } })).then(setDrill, setError);
	}, [id]);

	const close = (saved?: Drill) => {
		setDialog(null);
		if (saved) setDrill(saved);
	};

	return (
		<section className="page">
			<p>
				<Link to="/drills">{t("drills.back")}</Link>
			</p>
			<ErrorAlert error={error ?? optionsError} />
			{drill ? (
				<>
					<div className="page-header">
						<h1>{drill.title}</h1>
						<div className="button-row">
							{may("drill.hold") && options ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog("hold")}
								>
									{t("drills.hold")}
								</button>
							) : null}
							{may("drill.record") ? (
								<button
									type="button"
									className="button button-primary"
									onClick={() => setDialog("record")}
								>
									{t("drills.record")}
								</button>
							) : null}
							{may("drill.cancel") ? (
								<button type="button" className="button" onClick={() => setDialog("cancel")}>
									{t("drills.cancel")}
								</button>
							) : null}
						</div>
					</div>
					<p className="tag-list">
						<span className={`badge drill-state-${drill.state}`} data-testid="drill-state">
							{t(stateKey(drill.state))}
						</span>
						<span className="tag">{formatFiscalYear(drill.fiscalYear, style, lang)}</span>
					</p>
					<dl className="details" data-testid="drill-details">
						<dt>{t("drills.field.scenarioShown")}</dt>
						<dd className="drill-text">{drill.scenario}</dd>
						<dt>{t("drills.field.plannedOn")}</dt>
						<dd>{date(drill.plannedOn)}</dd>
						<dt>{t("drills.field.units")}</dt>
						<dd>{drill.units.map((u) => u.name).join("、") || "—"}</dd>
						<dt>{t("drills.field.heldOn")}</dt>
						<dd>{drill.heldOn ? date(drill.heldOn) : t("drills.notYet")}</dd>
						<dt>{t("drills.field.participants")}</dt>
						<dd>
							{drill.participants.length === 0 ? (
								"—"
							) : (
								<>
									{t("drills.people", { count: drill.participantCount })}:{" "}
									{drill.participants
										.map((p) =>
											p.accountId
												? p.name
												: `${p.name}（${t("drills.people", { count: p.headcount })}）`,
										)
										.join("、")}
								</>
							)}
						</dd>
						<dt>{t("drills.field.summary")}</dt>
						<dd className="drill-text">{drill.summary ?? "—"}</dd>
						<dt>{t("drills.field.lessons")}</dt>
						<dd className="drill-text" data-testid="drill-lessons">
							{drill.lessons ?? t("drills.notYet")}
						</dd>
						<dt>{t("drills.field.followUps")}</dt>
						<dd>
							{drill.followUps.length === 0 ? (
								"—"
							) : (
								<ul>
									{drill.followUps.map((f) => (
										<li key={f.id}>
											{f.measure}
											{f.responsible ? `（${f.responsible}）` : ""}
											{f.targetDate
												? ` ${t("drills.field.targetDate")}: ${date(f.targetDate)}`
												: ""}
										</li>
									))}
								</ul>
							)}
						</dd>
						{drill.cancelReason ? (
							<>
								<dt>{t("drills.field.reason")}</dt>
								<dd className="drill-text">{drill.cancelReason}</dd>
							</>
						) : null}
						<dt>{t("drills.createdAt")}</dt>
						<dd>{dateTime(drill.createdAt)}</dd>
						{drill.heldAt ? (
							<>
								<dt>{t("drills.heldAt")}</dt>
								<dd>{dateTime(drill.heldAt)}</dd>
							</>
						) : null}
						{drill.recordedAt ? (
							<>
								<dt>{t("drills.recordedAt")}</dt>
								<dd>{dateTime(drill.recordedAt)}</dd>
							</>
						) : null}
						{drill.cancelledAt ? (
							<>
								<dt>{t("drills.cancelledAt")}</dt>
								<dd>{dateTime(drill.cancelledAt)}</dd>
							</>
						) : null}
					</dl>
					{dialog === "hold" && options ? (
						<HoldDrillDialog drill={drill} options={options} onClose={close} />
					) : null}
					{dialog === "record" ? <RecordDrillDialog drill={drill} onClose={close} /> : null}
					{dialog === "cancel" ? <CancelDrillDialog drill={drill} onClose={close} /> : null}
				</>
			) : null}
		</section>
	);
}
