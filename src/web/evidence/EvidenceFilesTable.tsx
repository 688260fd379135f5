import { fileSize } from "../assets/custody/types.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { EvidenceMessages } from "./EvidenceUploadDialog.tsx";

/** One kept file, as the evidence routes list it. */
export interface EvidenceFile {
	id: string;
	fileName: string;
	description: string | null;
	size: number;
	sha256: string;
	uploadedBy: string;
	uploadedAt: string;
}

interface Props {
	messages: EvidenceMessages;
	/** The table's (hidden) caption: the section's title. */
	caption: string;
	testId: string;
	files: readonly EvidenceFile[];
	/** Where a file downloads from; the server checks it against its SHA-256. */
	urlOf(fileId: string): string;
	onError(error: unknown): void;
}

/** Evidence files with their SHA-256, who added them and when, each downloadable. */
export function EvidenceFilesTable({ messages, caption, testId, files, urlOf, onError }: Props) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	return (
		<div className="table-wrap">
			<table className="table table-compact" data-testid={testId}>
				<caption className="visually-hidden">{caption}</caption>
				<thead>
					<tr>
						<th scope="col">{t(`${messages}.fileName`)}</th>
						<th scope="col">{t(`${messages}.size`)}</th>
						<th scope="col">SHA-256</th>
						<th scope="col">{t(`${messages}.uploaded`)}</th>
						<th scope="col">
							<span className="visually-hidden">{t(`${messages}.download`)}</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{files.map((file) => (
						<tr key={file.id} data-evidence={file.id}>
							<td>
								{file.fileName}
								{file.description ? <div className="cell-sub">{file.description}</div> : null}
							</td>
							<td className="nowrap">{fileSize(file.size)}</td>
							<td>
								<code className="sha256">{file.sha256}</code>
							</td>
							<td>
								{file.uploadedBy}
								<div className="cell-sub">{dateTime(file.uploadedAt)}</div>
							</td>
							<td>
								<DownloadButton href={urlOf(file.id)} fileName={file.fileName} onError={onError}>
									{t(`${messages}.download`)}
									<span className="visually-hidden">{` ${file.fileName}`}</span>
								</DownloadButton>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
