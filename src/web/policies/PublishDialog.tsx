import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { inTreeOrder, useOrgUnits } from "../org/useOrgUnits.ts";
import type { PolicyVersionSummary } from "./types.ts";

type Audience = "all" | "units";
type RevisionKind = "partial" | "full" | "initial";

/**
 * Publish an approved version to all 職員等 or to chosen units, recording its 施行日 and the
 * decision the pack calls for: the 委員会決定日 when the committee decides, else the 決裁番号.
 */
export function PublishDialog({
	version,
	onClose,
	onPublished,
}: {
	version: PolicyVersionSummary;
	onClose(): void;
	onPublished(): void | Promise<void>;
}) {
	const { t } = useI18n();
	const { units } = useOrgUnits();
	const [audience, setAudience] = useState<Audience>("all");
	const [unitIds, setUnitIds] = useState<string[]>([]);
	const [kind, setKind] = useState<RevisionKind>(version.number === 1 ? "initial" : "partial");
	const [effectiveOn, setEffectiveOn] = useState("");
	const [decision, setDecision] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const byCommittee = version.decidedBy === "committee";

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			await call(
				api.POST("/api/policy-versions/{id}/publish", {
					params: { path: { id: version.id } },
					body: {
						audience,
						unitIds: audience === "units" ? unitIds : [],
						revisionKind: kind,
						effectiveOn,
						...(byCommittee
							? { committeeDecidedOn: decision }
							: { decisionNumber: decision.trim() }),
					},
				}),
			);
			await onPublished();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	const toggle = (id: string, on: boolean) =>
		setUnitIds((current) => (on ? [...current, id] : current.filter((u) => u !== id)));

	return (
		<Dialog title={t("docs.publishTitle", { number: version.number })} onClose={onClose}>
			<form className="form" onSubmit={submit}>
				<fieldset className="fieldset">
					<legend>{t("docs.audience")}</legend>
					{(["all", "units"] as const).map((value) => (
						<label key={value} className="choice">
							<input
								type="radio"
								name="audience"
								value={value}
								checked={audience === value}
								onChange={() => setAudience(value)}
							/>
							{t(`docs.audience.${value}`)}
						</label>
					))}
				</fieldset>
				{audience === "units" ? (
					<fieldset className="fieldset unit-choices">
						<legend>{t("docs.col.unit")}</legend>
						{inTreeOrder(units).map(({ unit, depth }) => (
							<label key={unit.id} className={`choice unit-depth-${Math.min(depth, 4)}`}>
								<input
									type="checkbox"
									checked={unitIds.includes(unit.id)}
									onChange={(event) => toggle(unit.id, event.target.checked)}
								/>
								{unit.name}
							</label>
						))}
					</fieldset>
				) : null}
				<fieldset className="fieldset">
					<legend>{t("docs.revisionKind")}</legend>
					{(["initial", "partial", "full"] as const).map((value) => (
						<label key={value} className="choice">
							<input
								type="radio"
								name="revision-kind"
								value={value}
								checked={kind === value}
								onChange={() => setKind(value)}
							/>
							{t(`docs.revisionKind.${value}`)}
						</label>
					))}
				</fieldset>
				<Field label={t("adoption.effectiveOn")} required>
					{(id) => (
						<input
							id={id}
							type="date"
							required
							value={effectiveOn}
							onChange={(event) => setEffectiveOn(event.target.value)}
						/>
					)}
				</Field>
				<Field
					label={t(byCommittee ? "adoption.committeeDecidedOn" : "adoption.decisionNumber")}
					hint={t(byCommittee ? "adoption.committeeDecidedOnHint" : "adoption.decisionNumberHint")}
					required
				>
					{(id, describedBy) => (
						<input
							id={id}
							type={byCommittee ? "date" : "text"}
							required
							maxLength={100}
							aria-describedby={describedBy}
							value={decision}
							onChange={(event) => setDecision(event.target.value)}
						/>
					)}
				</Field>
				<p className="alert alert-warning" data-testid="publish-irreversible">
					{t("confirm.publishIrreversible")}
				</p>
				<ErrorAlert error={error} />
				<div className="form-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("docs.publishSubmit")}
					</button>
					<button type="button" className="button" onClick={onClose}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
