import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { fileSize, toBase64 } from "../../assets/custody/types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { EVIDENCE_MAX_BYTES, type Finding, type FindingEvidence } from "./types.ts";

interface Props {
	finding: Finding;
	onClose(saved?: FindingEvidence): void;
}

/**
 * Keep a file as evidence of the corrective action: any type, up to the server's limit, which
 * is told beforehand and checked before the file is sent.
 */
export function FindingEvidenceDialog({ finding, onClose }: Props) {
	const { t } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [description, setDescription] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const limit = fileSize(EVIDENCE_MAX_BYTES);
	const tooLarge =
		file && file.size > EVIDENCE_MAX_BYTES
			? t("findings.evidence.tooLarge", { name: file.name, size: fileSize(file.size), limit })
			: null;

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!file || tooLarge) return;
		setBusy(true);
		setError(null);
		try {
			const body = {
				fileName: file.name,
				contentBase64: await toBase64(file),
				...(description.trim() ? { description: description.trim() } : {}),
			};
			onClose(
				await call(
					api.POST("/api/findings/{id}/evidence", { params: { path: { id: finding.id } }, body }),
				),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("findings.evidence.addTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert
					error={error}
					fields={{
						fileName: t("findings.evidence.fileName"),
						contentBase64: t("findings.evidence.file"),
						description: t("findings.evidence.description"),
					}}
				/>
				{tooLarge ? (
					<p className="alert alert-error" role="alert">
						{tooLarge}
					</p>
				) : null}
				<Field
					label={t("findings.evidence.file")}
					hint={t("findings.evidence.fileHint", { limit })}
					required
				>
					{(id, describedBy) => (
						<input
							id={id}
							name="file"
							type="file"
							required
							aria-describedby={describedBy}
							aria-invalid={tooLarge ? true : undefined}
							onChange={(event) => setFile(event.target.files?.[0] ?? null)}
						/>
					)}
				</Field>
				<Field label={`${t("findings.evidence.description")}${t("common.optional")}`}>
					{(id) => (
						<textarea
							id={id}
							name="description"
							rows={2}
							maxLength={500}
							value={description}
							onChange={(event) => setDescription(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button
						type="submit"
						className="button button-primary"
						disabled={busy || !file || tooLarge !== null}
					>
						{t("findings.evidence.upload")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
