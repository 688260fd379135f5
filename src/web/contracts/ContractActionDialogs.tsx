import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { type Contract, type ContractOptions, fileBase64 } from "./types.ts";

interface Props {
	contract: Contract;
	onClose(saved?: Contract): void;
}

/** Record a 再委託 request: to whom, what work, and the safeguards the subcontractor keeps. */
export function SubcontractDialog({ contract, onClose }: Props) {
	const { t } = useI18n();
	const [form, setForm] = useState({ subcontractor: "", work: "", safeguards: "" });
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			onClose(
				await call(
					api.POST("/api/contracts/{id}/subcontracts", {
						params: { path: { id: contract.id } },
						body: {
							subcontractor: form.subcontractor.trim(),
							work: form.work.trim(),
							safeguards: form.safeguards.trim(),
						},
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("contracts.sub.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("contracts.sub.subcontractor")} required>
					{(id) => (
						<input
							id={id}
							name="subcontractor"
							required
							maxLength={200}
							value={form.subcontractor}
							onChange={(event) => setForm({ ...form, subcontractor: event.target.value })}
						/>
					)}
				</Field>
				{(["work", "safeguards"] as const).map((key) => (
					<Field key={key} label={t(`contracts.sub.${key}`)} required>
						{(id) => (
							<textarea
								id={id}
								name={key}
								rows={3}
								required
								maxLength={2000}
								value={form[key]}
								onChange={(event) => setForm({ ...form, [key]: event.target.value })}
							/>
						)}
					</Field>
				))}
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("contracts.sub.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("contracts.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}

/** The approver's decision on a 再委託 request; a refusal says why. */
export function DecideSubcontractDialog({
	contract,
	subId,
	decision,
	onClose,
}: Props & { subId: string; decision: "approve" | "refuse" }) {
	const { t } = useI18n();
	const sub = contract.subcontracts.find((s) => s.id === subId);
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!sub) return;
		setBusy(true);
		try {
			onClose(
				await call(
					api.POST("/api/contracts/{id}/subcontracts/{subId}/decision", {
						params: { path: { id: contract.id, subId } },
						body: { decision, reason: reason.trim(), version: sub.version },
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog
			title={decision === "approve" ? t("contracts.sub.approve") : t("contracts.sub.refuse")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>{sub?.subcontractor}</p>
				<Field label={t("contracts.sub.reason")} required={decision === "refuse"}>
					{(id) => (
						<textarea
							id={id}
							name="reason"
							rows={3}
							required={decision === "refuse"}
							maxLength={2000}
							value={reason}
							onChange={(event) => setReason(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{decision === "approve" ? t("contracts.sub.approve") : t("contracts.sub.refuse")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("contracts.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}

/**
 * A periodic check of the contractor: one item per clause of the checklist (kept or not), a
 * note and the evidence. A failed item raises a finding.
 */
export function CheckDialog({ contract, options, onClose }: Props & { options: ContractOptions }) {
	const { t, lang } = useI18n();
	const codes = options.clauses.map((c) => c.code);
	const [failed, setFailed] = useState<string[]>([]);
	const [checkedOn, setCheckedOn] = useState(options.today);
	const [note, setNote] = useState("");
	const [file, setFile] = useState<File | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const evidence = file ? { fileName: file.name, contentBase64: await fileBase64(file) } : null;
			onClose(
				await call(
					api.POST("/api/contracts/{id}/checks", {
						params: { path: { id: contract.id } },
						body: {
							checkedOn,
							items: codes.map((code) => ({ code, ok: !failed.includes(code), note: "" })),
							note: note.trim(),
							evidence,
						},
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("contracts.check.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("contracts.check.date")} required>
					{(id) => (
						<input
							id={id}
							type="date"
							required
							value={checkedOn}
							onChange={(event) => setCheckedOn(event.target.value)}
						/>
					)}
				</Field>
				<fieldset className="fieldset">
					<legend>{t("contracts.check.failedItems")}</legend>
					<ul className="contract-clauses">
						{options.clauses.map((clause) => (
							<li key={clause.code}>
								<label>
									<input
										type="checkbox"
										checked={failed.includes(clause.code)}
										onChange={(event) =>
											setFailed(
												event.target.checked
													? [...failed, clause.code]
													: failed.filter((c) => c !== clause.code),
											)
										}
									/>{" "}
									{lang === "en" ? clause.label.en : clause.label.ja}
								</label>
							</li>
						))}
					</ul>
				</fieldset>
				<Field label={t("contracts.check.note")}>
					{(id) => (
						<textarea
							id={id}
							rows={3}
							maxLength={2000}
							value={note}
							onChange={(event) => setNote(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("contracts.check.evidence")}>
					{(id) => (
						<input
							id={id}
							type="file"
							onChange={(event) => setFile(event.target.files?.[0] ?? null)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("contracts.check.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("contracts.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}

/** The end of a contract: data returned or erased, with the certificate. */
export function EndContractDialog({
	contract,
	options,
	onClose,
}: Props & { options: ContractOptions }) {
	const { t } = useI18n();
	const [kind, setKind] = useState<"returned" | "erased">("erased");
	const [endedOn, setEndedOn] = useState(options.today);
	const [note, setNote] = useState("");
	const [file, setFile] = useState<File | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!file) return;
		setBusy(true);
		try {
			onClose(
				await call(
					api.POST("/api/contracts/{id}/end", {
						params: { path: { id: contract.id } },
						body: {
							kind,
							endedOn,
							note: note.trim() === "" ? null : note.trim(),
							certificate: { fileName: file.name, contentBase64: await fileBase64(file) },
							version: contract.version,
						},
					}),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("contracts.end.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("contracts.end.kind")} required>
					{(id) => (
						<select
							id={id}
							value={kind}
							onChange={(event) => setKind(event.target.value as "returned" | "erased")}
						>
							<option value="erased">{t("contracts.end.erased")}</option>
							<option value="returned">{t("contracts.end.returned")}</option>
						</select>
					)}
				</Field>
				<Field label={t("contracts.end.date")} required>
					{(id) => (
						<input
							id={id}
							type="date"
							required
							value={endedOn}
							onChange={(event) => setEndedOn(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("contracts.end.certificate")} required>
					{(id) => (
						<input
							id={id}
							type="file"
							required
							onChange={(event) => setFile(event.target.files?.[0] ?? null)}
						/>
					)}
				</Field>
				<Field label={t("contracts.end.note")}>
					{(id) => (
						<textarea
							id={id}
							rows={2}
							maxLength={2000}
							value={note}
							onChange={(event) => setNote(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy || !file}>
						{t("contracts.end.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("contracts.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
