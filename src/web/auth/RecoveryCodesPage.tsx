import { useEffect, useId, useState } from "react";
import { saveBlob } from "../components/download.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useSession } from "../session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

interface Props {
	codes: string[];
	onContinue(): Promise<void>;
}

/**
 * The ten recovery codes, shown once right after enrolment: they can be saved as a text file,
 * printed or copied, and the page lets go only once the person confirms they keep them (the
 * browser asks too before the tab is closed or reloaded).
 */
export function RecoveryCodesPage({ codes, onContinue }: Props) {
	const { t } = useI18n();
	const { session } = useSession();
	const [kept, setKept] = useState(false);
	const [copied, setCopied] = useState<string | null>(null);
	const confirmId = useId();
	const hintId = useId();
	const tenant = session?.tenant.slug ?? "";
	const user = session?.account.username ?? "";

	useEffect(() => {
		if (kept) return;
		const warn = (event: BeforeUnloadEvent) => {
			event.preventDefault();
		};
		window.addEventListener("beforeunload", warn);
		return () => window.removeEventListener("beforeunload", warn);
	}, [kept]);

	const asText = () => [t("recovery.fileHeader", { tenant, user }), "", ...codes, ""].join("\r\n");

	function download() {
		const name = t("recovery.fileName", { tenant, user });
		saveBlob(new Blob([asText()], { type: "text/plain;charset=utf-8" }), name);
	}

	async function copy() {
		try {
			await navigator.clipboard.writeText(asText());
			setCopied(t("recovery.copied"));
		} catch {
			setCopied(t("recovery.copyFailed"));
		}
	}

	return (
		<AuthLayout title={t("recovery.title")}>
			<div className="alert alert-warning">
				<p className="alert-title">{t("recovery.lead")}</p>
			</div>
			<ol className="recovery-codes" aria-label={t("recovery.listLabel")}>
				{codes.map((code) => (
					<li key={code}>
						<code>{code}</code>
					</li>
				))}
			</ol>
			<div className="form-actions">
				<button type="button" className="button" onClick={download}>
					{t("recovery.download")}
				</button>
				<button type="button" className="button" onClick={() => window.print()}>
					{t("recovery.print")}
				</button>
				<button type="button" className="button" onClick={() => void copy()}>
					{t("recovery.copy")}
				</button>
			</div>
			<p className={copied ? "alert alert-success no-print" : "visually-hidden"} role="status">
				{copied}
			</p>
			<div className="field-checkbox no-print">
				<input
					id={confirmId}
					type="checkbox"
					checked={kept}
					aria-describedby={hintId}
					onChange={(event) => setKept(event.target.checked)}
				/>
				<label htmlFor={confirmId}>{t("recovery.confirm")}</label>
			</div>
			<p id={hintId} className="muted no-print">
				{t("recovery.confirmHint")}
			</p>
			<div className="form-actions">
				<button
					type="button"
					className="button button-primary button-wide"
					disabled={!kept}
					onClick={() => void onContinue()}
				>
					{t("recovery.saved")}
				</button>
			</div>
		</AuthLayout>
	);
}
