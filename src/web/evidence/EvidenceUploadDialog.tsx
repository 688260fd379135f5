import { type FormEvent, useState } from "react";
import { fileSize, toBase64 } from "../assets/custody/types.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";

/** The catalogue prefix of a record's evidence messages (`<prefix>.addTitle`, `.file`, …). */
export type EvidenceMessages = "findings.evidence" | "incidents.evidence";

/** A file to keep as evidence, as the evidence routes take it. */
export interface EvidenceUpload {
	fileName: string;
	contentBase64: string;
	description?: string;
}

interface Props<T> {
	messages: EvidenceMessages;
	/** The server's limit, told beforehand and checked before the file is sent. */
	maxBytes: number;
	/** A hint under the description (what to write in it), when the record has one. */
	descriptionHint?: string;
	/** The module's dialog style (incidents: `incident-dialog`). */
	className?: string;
	upload(body: EvidenceUpload): Promise<T>;
	onClose(saved?: T): void;
}

/**
 * Keep a file with a record as evidence: any type, up to the server's limit. Incidents and
 * findings both keep evidence this way; only their messages and route differ.
 */
export function EvidenceUploadDialog<T>({
	messages,
	maxBytes,
	descriptionHint,
	className,
	upload,
	onClose,
}: Props<T>) {
	const { t } = useI18n();
	const [file, setFile] = useState<File | null>(null);
	const [description, setDescription] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const limit = fileSize(maxBytes);
	const tooLarge =
		file && file.size > maxBytes
			? t(`${messages}.tooLarge`, { name: file.name, size: fileSize(file.size), limit })
			: null;

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!file || tooLarge) return;
		setBusy(true);
		setError(null);
		try {
			onClose(
				await upload({
					fileName: file.name,
					contentBase64: await toBase64(file),
					...(description.trim() ? { description: description.trim() } : {}),
				}),
			);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t(`${messages}.addTitle`)} onClose={() => onClose()}>
			<div className={className}>
				<form className="form" onSubmit={submit}>
					<ErrorAlert
						error={error}
						fields={{
							fileName: t(`${messages}.fileName`),
							contentBase64: t(`${messages}.file`),
							description: t(`${messages}.description`),
						}}
					/>
					{tooLarge ? (
						<p className="alert alert-error" role="alert">
							{tooLarge}
						</p>
					) : null}
					<Field label={t(`${messages}.file`)} hint={t(`${messages}.fileHint`, { limit })} required>
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
					<Field
						label={`${t(`${messages}.description`)}${t("common.optional")}`}
						hint={descriptionHint}
					>
						{(id, describedBy) => (
							<textarea
								id={id}
								name="description"
								aria-describedby={describedBy}
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
							{t(`${messages}.upload`)}
						</button>
						<button type="button" className="button" onClick={() => onClose()}>
							{t("common.cancel")}
						</button>
					</div>
				</form>
			</div>
		</Dialog>
	);
}
