import { useState } from "react";
import type { Schemas } from "../api/client.ts";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";

interface Props {
	token: Schemas["CreatedApiToken"];
	onDone(): void;
}

/** A token just made: shown this once, with a copy button and a warning that it will not be again. */
export function NewTokenPanel({ token, onDone }: Props) {
	const { t } = useI18n();
	const [copied, setCopied] = useState<string | null>(null);

	async function copy() {
		try {
			await navigator.clipboard.writeText(token.token);
			setCopied(t("apiTokens.secret.copied"));
		} catch {
			setCopied(t("apiTokens.secret.copyFailed"));
		}
	}

	return (
		<section className="card" aria-labelledby="new-api-token">
			<h2 id="new-api-token">{t("apiTokens.secret.title", { client: token.clientName })}</h2>
			<div className="alert alert-warning">
				<p className="alert-title">{t("apiTokens.secret.warning")}</p>
			</div>
			<Field label={t("apiTokens.secret.label")}>
				{(id) => (
					<input
						id={id}
						readOnly
						value={token.token}
						className="mono"
						onFocus={(event) => event.target.select()}
					/>
				)}
			</Field>
			<div className="form-actions">
				<button type="button" className="button" onClick={() => void copy()}>
					{t("apiTokens.secret.copy")}
				</button>
				<button type="button" className="button button-primary" onClick={onDone}>
					{t("apiTokens.secret.done")}
				</button>
			</div>
			<p className={copied ? "alert alert-success" : "visually-hidden"} role="status">
				{copied}
			</p>
		</section>
	);
}
