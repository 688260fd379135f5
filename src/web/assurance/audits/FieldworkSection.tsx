import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert, StatusMessage } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { FieldworkItemCard } from "./FieldworkItemCard.tsx";
import type { Audit, Fieldwork } from "./types.ts";

/**
 * The audit's fieldwork: the conformity counts, then one audited unit at a time with each item
 * of the checklist (result, 監査所見, evidence; a いいえ raised as a finding).
 */
export function FieldworkSection({ audit }: { audit: Audit }) {
	const { t } = useI18n();
	const [fieldwork, setFieldwork] = useState<Fieldwork | null>(null);
	const [unitId, setUnitId] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [done, setDone] = useState<string | null>(null);

	const load = useCallback(async () => {
		try {
			const found = await call(
				api.GET("/api/assurance/audits/{id}/fieldwork", { params: { path: { id: audit.id } } }),
			);
			setFieldwork(found);
			setUnitId((current) => current || (found.units[0]?.id ?? ""));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [audit.id]);
	useEffect(() => {
		void load();
	}, [load]);

	const unit = fieldwork?.units.find((u) => u.id === unitId);
	const recording = fieldwork?.allowedActions.includes("assurance_audit.record") ?? false;
	const mayRaise = fieldwork?.allowedActions.includes("assurance_audit.raise_finding") ?? false;

	return (
		<section className="card" aria-labelledby="audit-fieldwork-heading">
			<h2 id="audit-fieldwork-heading">{t("audits.section.fieldwork")}</h2>
			<ErrorAlert error={error} />
			<StatusMessage>{done}</StatusMessage>
			{fieldwork && !fieldwork.checklist ? <p>{t("audits.fieldwork.noChecklist")}</p> : null}
			{fieldwork?.checklist ? (
				<>
					<p data-testid="fieldwork-totals">{t("audits.fieldwork.totals", fieldwork.totals)}</p>
					{recording ? null : <p className="hint">{t("audits.fieldwork.readOnly")}</p>}
					<Field label={t("audits.fieldwork.unit")}>
						{(id) => (
							<select id={id} value={unitId} onChange={(event) => setUnitId(event.target.value)}>
								{fieldwork.units.map((u) => (
									<option key={u.id} value={u.id}>
										{u.name}
									</option>
								))}
							</select>
						)}
					</Field>
					{unit ? (
						<>
							<p>{t("audits.fieldwork.totals", unit.counts)}</p>
							<ul
								className="audit-item-cards"
								aria-label={t("audits.fieldwork.itemsOf", { unit: unit.name })}
							>
								{fieldwork.checklist.items.map((item) => (
									<FieldworkItemCard
										key={`${unit.id}|${item.id}`}
										auditId={audit.id}
										unit={unit}
										item={item}
										recording={recording}
										mayRaise={mayRaise}
										onSaved={(message) => {
											setDone(message);
											void load();
										}}
									/>
								))}
							</ul>
						</>
					) : null}
				</>
			) : null}
		</section>
	);
}
