import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/ja.ts";
import type { Finding } from "./types.ts";

/** The steps taken with one text: done (a note), verify or return (a comment), accept (a reason). */
export type TextStep = "done" | "verify" | "reopen" | "accept-risk";

const TEXT: Record<
	TextStep,
	{ title: MessageKey; label: MessageKey; hint?: MessageKey; save: MessageKey; max: number }
> = {
	done: {
		title: "findings.done.title",
		label: "findings.done.note",
		hint: "findings.done.noteHint",
		save: "findings.done.save",
		max: 2000,
	},
	verify: {
		title: "findings.verify.title",
		label: "findings.verify.comment",
		save: "findings.verify.save",
		max: 2000,
	},
	reopen: {
		title: "findings.reopen.title",
		label: "findings.reopen.comment",
		save: "findings.reopen.save",
		max: 2000,
	},
	"accept-risk": {
		title: "findings.risk.acceptTitle",
		label: "findings.risk.reason",
		save: "findings.risk.acceptSave",
		max: 1000,
	},
};

function post(step: TextStep, finding: Finding, text: string) {
	const params = { path: { id: finding.id } };
	const version = finding.version;
	switch (step) {
		case "done":
			return api.POST("/api/findings/{id}/done", { params, body: { version, note: text } });
		case "verify":
			return api.POST("/api/findings/{id}/verify", { params, body: { version, comment: text } });
		case "reopen":
			return api.POST("/api/findings/{id}/reopen", { params, body: { version, comment: text } });
		case "accept-risk":
			return api.POST("/api/findings/{id}/accept-risk", {
				params,
				body: { version, reason: text },
			});
	}
}

interface Props {
	step: TextStep;
	finding: Finding;
	onClose(saved?: Finding): void;
}

/**
 * One step of a finding that takes a text: marking the action done (what was done; a notice
 * when no evidence is kept yet), verifying or returning it, accepting it as a risk (why).
 */
export function TextStepDialog({ step, finding, onClose }: Props) {
	const { t } = useI18n();
	const text = TEXT[step];
	const [value, setValue] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			onClose(await call(post(step, finding, value.trim())));
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t(text.title)} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>
					{finding.reference} {finding.title}
				</p>
				{step === "done" && finding.evidence.length === 0 ? (
					<p className="alert alert-warning">{t("findings.done.needEvidence")}</p>
				) : null}
				{step === "accept-risk" ? <p>{t("findings.risk.acceptLead")}</p> : null}
				<Field label={t(text.label)} hint={text.hint ? t(text.hint) : undefined} required>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="text"
							rows={4}
							required
							maxLength={text.max}
							aria-describedby={describedBy}
							value={value}
							onChange={(event) => setValue(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t(text.save)}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
