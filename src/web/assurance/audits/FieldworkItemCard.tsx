import { type FormEvent, useId, useState } from "react";
import { api, call } from "../../api/client.ts";
import { fileSize, toBase64 } from "../../assets/custody/types.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";
import { FINDING_SEVERITIES, type FieldworkItem, type FieldworkUnit, resultKey } from "./types.ts";

interface Props {
	auditId: string;
	unit: FieldworkUnit;
	item: FieldworkItem;
	/** The caller records results (an auditor on the team, in fieldwork). */
	recording: boolean;
	mayRaise: boolean;
	onSaved(message: string): void;
}

const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** One checklist item for one audited unit: result, 監査所見, evidence, and a finding from a いいえ. */
export function FieldworkItemCard({ auditId, unit, item, recording, mayRaise, onSaved }: Props) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const base = useId();
	const result = unit.results.find((r) => r.itemId === item.id);
	const files = unit.evidence.filter((file) => file.itemId === item.id);
	const initial = result
		? result.result === "level"
			? `level:${result.levelIndex}`
			: result.result
		: "";
	const [choice, setChoice] = useState(initial);
	const [note, setNote] = useState(result?.note ?? "");
	const [file, setFile] = useState<File | null>(null);
	const [severity, setSeverity] = useState<(typeof FINDING_SEVERITIES)[number]>("moderate");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const path = { id: auditId, unitId: unit.id, itemId: item.id };
	const choices = [
		...(item.scale === "level"
			? item.levels.map((name, index) => ({ value: `level:${index}`, label: name }))
			: ["yes", "no"].map((value) => ({ value, label: t(resultKey(value)) }))),
		{ value: "na", label: t(resultKey("na")) },
	];

	async function save(event: FormEvent) {
		event.preventDefault();
		if (!choice || (file && file.size > EVIDENCE_MAX_BYTES)) return;
		setBusy(true);
		try {
			const level = choice.startsWith("level:");
			await call(
				api.PUT("/api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}", {
					params: { path },
					body: {
						result: level ? "level" : (choice as "yes" | "no" | "na"),
						levelIndex: level ? Number(choice.slice(6)) : null,
						note: note.trim() || null,
					},
				}),
			);
			if (file) {
				await call(
					api.POST("/api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/evidence", {
						params: { path },
						body: { fileName: file.name, contentBase64: await toBase64(file) },
					}),
				);
				setFile(null);
			}
			setError(null);
			onSaved(t("audits.fieldwork.saved", { number: item.number }));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	async function raise() {
		setBusy(true);
		try {
			const finding = await call(
				api.POST("/api/assurance/audits/{id}/fieldwork/{unitId}/{itemId}/finding", {
					params: { path },
					body: { severity, dueOn: null },
				}),
			);
			setError(null);
			onSaved(t("audits.fieldwork.raisedDone", { reference: finding.reference }));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<li className="card audit-item-card" data-testid={`fieldwork-item-${item.number}`}>
			<form onSubmit={save}>
				<fieldset disabled={!recording || busy}>
					<legend>
						<span className="audit-item-number">{item.number}</span> {item.question}
					</legend>
					{item.evidence ? (
						<p className="hint">
							{t("audits.fieldwork.evidenceExpected", { evidence: item.evidence })}
						</p>
					) : null}
					{recording ? (
						<>
							<div
								className="audit-item-choices"
								role="radiogroup"
								aria-label={t("audits.fieldwork.result")}
							>
								{choices.map((c) => (
									<label key={c.value} className="audit-item-choice">
										<input
											type="radio"
											name={`${base}-result`}
											value={c.value}
											checked={choice === c.value}
											onChange={() => setChoice(c.value)}
										/>
										{c.label}
									</label>
								))}
							</div>
							<label htmlFor={`${base}-note`}>{t("audits.fieldwork.note")}</label>
							<textarea
								id={`${base}-note`}
								rows={2}
								maxLength={4000}
								value={note}
								onChange={(event) => setNote(event.target.value)}
							/>
							<label htmlFor={`${base}-file`}>{t("audits.fieldwork.evidenceFile")}</label>
							<input
								id={`${base}-file`}
								type="file"
								onChange={(event) => setFile(event.target.files?.[0] ?? null)}
							/>
							{file && file.size > EVIDENCE_MAX_BYTES ? (
								<p className="alert alert-error" role="alert">
									{fileSize(file.size)}
								</p>
							) : null}
						</>
					) : (
						<p data-testid="fieldwork-result">
							{t("audits.fieldwork.result")}:{" "}
							{result
								? result.result === "level"
									? (item.levels[result.levelIndex ?? -1] ?? "")
									: t(resultKey(result.result))
								: t("audits.fieldwork.notAnswered")}
							{result?.note ? ` — ${result.note}` : ""}
						</p>
					)}
					{result ? (
						<p className="hint">
							{t("audits.fieldwork.recordedBy", {
								name: result.recordedBy,
								at: dateTime(result.recordedAt),
							})}
						</p>
					) : null}
					<ErrorAlert error={error} />
					{recording ? (
						<button type="submit" className="button" disabled={!choice}>
							{result ? t("audits.fieldwork.saveAgain") : t("audits.fieldwork.save")}
						</button>
					) : null}
				</fieldset>
			</form>
			{files.length > 0 ? (
				<ul className="audit-item-files" aria-label={t("audits.fieldwork.evidenceList")}>
					{files.map((f) => (
						<li key={f.id}>
							<DownloadButton
								href={`/api/assurance/audits/${encodeURIComponent(auditId)}/evidence/${encodeURIComponent(f.id)}`}
								fileName={f.fileName}
								onError={setError}
							>
								{t("audits.fieldwork.download", { name: f.fileName })}
							</DownloadButton>{" "}
							<span className="hint">{fileSize(f.size)}</span>
						</li>
					))}
				</ul>
			) : null}
			{result?.finding ? (
				<p data-testid="fieldwork-finding">
					{t("audits.fieldwork.raised", {
						reference: result.finding.reference,
						severity: t(`findings.severity.${result.finding.severity}` as MessageKey),
						state: t(`findings.state.${result.finding.state}` as MessageKey),
					})}
				</p>
			) : result?.result === "no" && mayRaise ? (
				<div className="audit-item-raise">
					<label htmlFor={`${base}-severity`}>{t("audits.fieldwork.severity")}</label>
					<select
						id={`${base}-severity`}
						value={severity}
						disabled={busy}
						onChange={(event) => setSeverity(event.target.value as typeof severity)}
					>
						{FINDING_SEVERITIES.map((s) => (
							<option key={s} value={s}>
								{t(`findings.severity.${s}` as MessageKey)}
							</option>
						))}
					</select>
					<button type="button" className="button" disabled={busy} onClick={() => void raise()}>
						{t("audits.fieldwork.raise")}
					</button>
				</div>
			) : null}
		</li>
	);
}
