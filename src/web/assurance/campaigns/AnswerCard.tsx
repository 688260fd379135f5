import { type FormEvent, useId, useState } from "react";
import { api, call } from "../../api/client.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
	answerKey,
	type CampaignResponse,
	type CampaignResponseItem,
	evidenceUrl,
} from "./types.ts";

interface Props {
	respondentId: string;
	item: CampaignResponseItem;
	locked: boolean;
	onSaved(view: CampaignResponse): void;
}

async function base64Of(file: File): Promise<string> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	let binary = "";
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

/** One item: the question, the answer (はい/いいえ/該当なし or a level), a comment and a file. */
export function AnswerCard({ respondentId, item, locked, onSaved }: Props) {
	const { t } = useI18n();
	const base = useId();
	const initial = item.answer === "level" ? `level:${item.levelIndex}` : (item.answer ?? "");
	const [choice, setChoice] = useState(initial);
	const [comment, setComment] = useState(item.comment ?? "");
	const [file, setFile] = useState<File | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const choices =
		item.scale === "level"
			? item.levels.map((name, index) => ({ value: `level:${index}`, label: name }))
			: ["yes", "no", "na"].map((value) => ({ value, label: t(answerKey(value)) }));

	async function save(event: FormEvent) {
		event.preventDefault();
		if (!choice) return;
		setBusy(true);
		try {
			const level = choice.startsWith("level:");
			const view = await call(
				api.PUT("/api/assurance/responses/{respondentId}/answers/{itemId}", {
					params: { path: { respondentId, itemId: item.itemId } },
					body: {
						answer: level ? "level" : (choice as "yes" | "no" | "na"),
						levelIndex: level ? Number(choice.slice(6)) : null,
						comment: comment.trim() || null,
						...(file
							? { evidence: { fileName: file.name, contentBase64: await base64Of(file) } }
							: {}),
					},
				}),
			);
			setError(null);
			setFile(null);
			onSaved(view);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<li className="card answer-card" data-testid={`item-${item.number}`}>
			<form onSubmit={save}>
				<fieldset disabled={locked || busy}>
					<legend>
						<span className="answer-number">{item.number}</span> {item.question}
						{item.required ? (
							<span className="answer-required">{t("campaigns.required")}</span>
						) : null}
					</legend>
					{item.evidenceExpected ? (
						<p className="hint">
							{t("campaigns.evidenceExpected", { evidence: item.evidenceExpected })}
						</p>
					) : null}
					<div className="answer-choices">
						{choices.map((c) => (
							<label key={c.value} className="answer-choice">
								<input
									type="radio"
									name={`${base}-answer`}
									value={c.value}
									checked={choice === c.value}
									onChange={() => setChoice(c.value)}
								/>
								{c.label}
							</label>
						))}
					</div>
					<label htmlFor={`${base}-comment`}>{t("campaigns.comment")}</label>
					<textarea
						id={`${base}-comment`}
						rows={2}
						maxLength={2000}
						value={comment}
						onChange={(event) => setComment(event.target.value)}
					/>
					<label htmlFor={`${base}-file`}>{t("campaigns.evidenceFile")}</label>
					<input
						id={`${base}-file`}
						type="file"
						onChange={(event) => setFile(event.target.files?.[0] ?? null)}
					/>
					{item.evidence ? (
						<div className="answer-evidence">
							<p className="hint">
								{t("campaigns.evidenceKept", {
									name: item.evidence.name,
									sha: item.evidence.sha256.slice(0, 16),
								})}
							</p>
							<DownloadButton
								href={evidenceUrl(respondentId, item.itemId)}
								fileName={item.evidence.name}
								onError={setError}
							>
								{t("campaigns.evidenceDownload", { name: item.evidence.name })}
							</DownloadButton>
						</div>
					) : null}
					<ErrorAlert error={error} />
					{locked ? null : (
						<button type="submit" className="button" disabled={!choice}>
							{item.answer ? t("campaigns.saveAgain") : t("campaigns.saveDraft")}
						</button>
					)}
				</fieldset>
			</form>
		</li>
	);
}
