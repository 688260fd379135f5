import { useI18n } from "../i18n/i18n.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

interface Props {
	codes: string[];
	onContinue(): Promise<void>;
}

/** The ten recovery codes, shown once right after enrolment. */
export function RecoveryCodesPage({ codes, onContinue }: Props) {
	const { t } = useI18n();
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
				<button
					type="button"
					className="button button-primary button-wide"
					onClick={() => void onContinue()}
				>
					{t("recovery.saved")}
				</button>
			</div>
		</AuthLayout>
	);
}
