import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CaseSectionProps } from "../../incidents/case-section.ts";
import { Link, navigate } from "../../router.tsx";
import { useCan } from "../../session.tsx";
import { StateBadge } from "./badges.tsx";
import { type Finding, type FindingSeverity, type FindingSummary, findingPath } from "./types.ts";
import { UnitSeverityDue } from "./UnitSeverityDue.tsx";
import { useFindingOptions } from "./useFindingOptions.ts";

/**
 * The case page's findings: those raised from the case, and for the CISO and 統括 a button to
 * raise one (the case's title, the clause, the owner unit, severity and a due date).
 */
export function IncidentFindingsSection({ incident }: CaseSectionProps) {
	const { t } = useI18n();
	const can = useCan();
	const reads = can("finding.read");
	const raises = can("finding.raise_incident");
	const [findings, setFindings] = useState<FindingSummary[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [raising, setRaising] = useState(false);

	const load = useCallback(async () => {
		if (!reads) return;
		const query = { source: "incident" as const, sourceRef: incident.id, limit: 200 };
		call(api.GET("/api/findings", { params: { query } })).then(
			(page) => setFindings(page.items),
			setError,
		);
	}, [reads, incident.id]);
	useEffect(() => {
		void load();
	}, [load]);

	if (!reads && !raises) return null;
	return (
		<section className="card" aria-labelledby="incident-findings">
			<h2 id="incident-findings">{t("findings.incident.title")}</h2>
			<ErrorAlert error={error} />
			<p className="muted">{t("findings.incident.lead")}</p>
			{findings && findings.length === 0 ? (
				<p className="muted">{t("findings.incident.none")}</p>
			) : null}
			{findings && findings.length > 0 ? (
				<ul data-testid="incident-findings">
					{findings.map((finding) => (
						<li key={finding.id}>
							<Link to={findingPath(finding.id)}>
								{finding.reference} {finding.title}
							</Link>{" "}
							<StateBadge state={finding.state} />
						</li>
					))}
				</ul>
			) : null}
			{raises ? (
				<div className="button-row">
					<button type="button" className="button" onClick={() => setRaising(true)}>
						{t("findings.incident.raise")}
					</button>
				</div>
			) : null}
			{raising ? (
				<RaiseFromIncidentDialog
					incidentId={incident.id}
					title={incident.title}
					onClose={(saved) => {
						setRaising(false);
						if (saved) navigate(findingPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}

function RaiseFromIncidentDialog({
	incidentId,
	title,
	onClose,
}: {
	incidentId: string;
	title: string;
	onClose(saved?: Finding): void;
}) {
	const { t } = useI18n();
	const { options, error: optionsError } = useFindingOptions();
	const [form, setForm] = useState({
		title,
		clause: "",
		ownerUnitId: "",
		severity: "moderate" as FindingSeverity,
		dueOn: "",
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/findings/from-incident", {
					body: {
						incidentId,
						title: form.title.trim(),
						description: "",
						clause: form.clause.trim(),
						ownerUnitId: form.ownerUnitId,
						severity: form.severity,
						dueOn: form.dueOn || null,
					},
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("findings.incident.raiseTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error ?? optionsError} />
				<Field label={t("findings.field.title")} required>
					{(id) => (
						<input
							id={id}
							name="title"
							required
							maxLength={200}
							value={form.title}
							onChange={(event) => set({ title: event.target.value })}
						/>
					)}
				</Field>
				<Field label={t("findings.field.clause")} hint={t("findings.field.clauseHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							name="clause"
							required
							maxLength={100}
							aria-describedby={describedBy}
							value={form.clause}
							onChange={(event) => set({ clause: event.target.value })}
						/>
					)}
				</Field>
				<UnitSeverityDue options={options} form={form} set={set} />
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy || !options}>
						{t("findings.incident.raise")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
