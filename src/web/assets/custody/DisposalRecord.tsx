import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { ConfirmDialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { type Disposal, disposalStatusKey, fileSize, methodKey, toBase64 } from "./types.ts";

/**
 * One disposal record: what was done, its evidence with each file's SHA-256, and (while open)
 * uploading a certificate or photo and closing the record.
 */
export function DisposalRecord({
	disposal,
	onChanged,
}: {
	disposal: Disposal;
	onChanged(message: string): void;
}) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [kind, setKind] = useState<"certificate" | "photo">("certificate");
	const [file, setFile] = useState<File | null>(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [confirming, setConfirming] = useState(false);
	const open = disposal.status === "recorded";
	const writable = disposal.allowedActions.includes("disposal.record");
	const certificates = disposal.files.filter((f) => f.kind === "certificate").length;
	const blocked = disposal.certificateRequired && certificates === 0;
	const path = { params: { path: { id: disposal.id } } };

	async function upload(event: FormEvent) {
		event.preventDefault();
		if (!file) return;
		setBusy(true);
		setError(null);
		try {
			const body = { kind, fileName: file.name, contentBase64: await toBase64(file) };
			const stored = await call(api.POST("/api/disposals/{id}/files", { ...path, body }));
			setFile(null);
			(event.target as HTMLFormElement).reset();
			onChanged(t("custody.disposal.fileAdded", { name: stored.fileName, sha256: stored.sha256 }));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	async function close() {
		setBusy(true);
		setError(null);
		try {
			await call(api.POST("/api/disposals/{id}/close", path));
			setConfirming(false);
			onChanged(
				t(
					disposal.method === "lease_return"
						? "custody.disposal.returned"
						: "custody.disposal.closed",
				),
			);
		} catch (failure) {
			setError(failure);
			setConfirming(false);
		} finally {
			setBusy(false);
		}
	}
	const closeLabel = t(
		disposal.method === "lease_return" ? "custody.disposal.closeReturn" : "custody.disposal.close",
	);

	const rows: [string, string][] = [
		[t("custody.disposal.method"), t(methodKey(disposal.method))],
		[t("custody.disposal.performedOn"), date(disposal.performedOn)],
		[t("custody.disposal.witness"), disposal.witness],
		[t("custody.disposal.contractor"), disposal.contractor ?? "—"],
		[t("custody.disposal.serials"), disposal.serialNumbers.join(", ") || "—"],
		[t("custody.disposal.notes"), disposal.notes ?? "—"],
		[
			t("custody.disposal.recordedBy"),
			`${disposal.recordedBy}（${dateTime(disposal.recordedAt)}）`,
		],
	];
	if (disposal.closedAt) {
		rows.push([
			t("custody.disposal.closedBy"),
			`${disposal.closedBy ?? ""}（${dateTime(disposal.closedAt)}）`,
		]);
	}

	return (
		<article className="subform" data-testid={`disposal-${disposal.id}`}>
			<h3>
				{t(methodKey(disposal.method))}{" "}
				<span className={open ? "badge badge-warn" : "badge badge-ok"}>
					{t(disposalStatusKey(disposal.status))}
				</span>
			</h3>
			<dl className="details">
				{rows.map(([label, value]) => (
					<div key={label}>
						<dt>{label}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<h4>{t("custody.disposal.files")}</h4>
			{disposal.files.length === 0 ? (
				<p className="empty">{t("custody.disposal.noFiles")}</p>
			) : (
				<table className="table table-compact" aria-label={t("custody.disposal.files")}>
					<thead>
						<tr>
							<th scope="col">{t("custody.disposal.fileKind")}</th>
							<th scope="col">{t("custody.disposal.fileName")}</th>
							<th scope="col">{t("custody.disposal.fileSize")}</th>
							<th scope="col">SHA-256</th>
						</tr>
					</thead>
					<tbody>
						{disposal.files.map((f) => (
							<tr key={f.id}>
								<td>
									{t(
										f.kind === "certificate"
											? "custody.disposal.certificate"
											: "custody.disposal.photo",
									)}
								</td>
								<td>
									<a href={`/api/disposals/${disposal.id}/files/${f.id}`} download={f.fileName}>
										{f.fileName}
									</a>
									<div className="cell-sub">{f.uploadedBy}</div>
								</td>
								<td className="nowrap">{fileSize(f.size)}</td>
								<td>
									<code className="sha256">{f.sha256}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<ErrorAlert error={error} />
			{open && writable ? (
				<>
					<form className="form" onSubmit={upload} aria-label={t("custody.disposal.upload")}>
						<div className="form-row">
							<Field label={t("custody.disposal.fileKind")}>
								{(id) => (
									<select
										id={id}
										value={kind}
										onChange={(event) => setKind(event.target.value as "certificate" | "photo")}
									>
										<option value="certificate">{t("custody.disposal.certificate")}</option>
										<option value="photo">{t("custody.disposal.photo")}</option>
									</select>
								)}
							</Field>
							<Field label={t("custody.disposal.file")} required>
								{(id, describedBy) => (
									<input
										id={id}
										type="file"
										required
										aria-describedby={describedBy}
										accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
										onChange={(event) => setFile(event.target.files?.[0] ?? null)}
									/>
								)}
							</Field>
						</div>
						<div className="form-actions">
							<button type="submit" className="button" disabled={busy || !file}>
								{t("custody.disposal.upload")}
							</button>
						</div>
					</form>
					{blocked ? (
						<p className="alert alert-warning">{t("custody.disposal.certificateNeeded")}</p>
					) : null}
					<div className="form-actions">
						<button
							type="button"
							className="button button-primary"
							disabled={busy || blocked}
							onClick={() => setConfirming(true)}
						>
							{closeLabel}
						</button>
					</div>
					{confirming ? (
						<ConfirmDialog
							title={t("deadEnd.confirmCloseTitle")}
							message={t("deadEnd.confirmClose")}
							confirmLabel={closeLabel}
							busy={busy}
							onConfirm={() => void close()}
							onClose={() => setConfirming(false)}
						/>
					) : null}
				</>
			) : null}
		</article>
	);
}
