import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

type Enrollment = Schemas["TotpEnrollment"];

/**
 * A key written in groups of four (`ABCD EFGH …`), easier to read out and type by hand.
 *
 * @example
 * groupsOfFour("ABCDEFGHIJ"); // "ABCD EFGH IJ"
 */
export function groupsOfFour(secret: string): string {
	return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** Enrol an authenticator: QR code and key from the server, confirmed by a first code. */
export function TotpEnrollPage({ onEnrolled }: { onEnrolled(codes: string[]): void }) {
	const { t } = useI18n();
	const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
	const [code, setCode] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	// Each start replaces the pending secret on the server: start once, even in StrictMode.
	const started = useRef(false);

	useEffect(() => {
		if (started.current) return;
		started.current = true;
		call(api.POST("/api/auth/mfa/enrollment")).then(setEnrollment, (failure: unknown) =>
			setError(failure),
		);
	}, []);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const result = await call(
				api.POST("/api/auth/mfa/enrollment/confirm", { body: { code: code.trim() } }),
			);
			onEnrolled(result.recoveryCodes);
		} catch (failure) {
			setError(failure);
			setCode("");
		} finally {
			setBusy(false);
		}
	}

	return (
		<AuthLayout title={t("enroll.title")} lead={t("enroll.lead")} canLogout>
			{enrollment ? (
				<div className="enroll">
					<img
						className="enroll-qr"
						src={`data:image/svg+xml;utf8,${encodeURIComponent(enrollment.qrSvg)}`}
						alt={t("enroll.qrAlt")}
						width={200}
						height={200}
					/>
					<div className="enroll-secret">
						<p>{t("enroll.secret")}</p>
						<code className="secret" data-testid="totp-secret">
							{groupsOfFour(enrollment.secret)}
						</code>
						<p className="muted">{t("enroll.secretGroups")}</p>
					</div>
				</div>
			) : (
				<p className="muted" aria-live="polite">
					{t("enroll.preparing")}
				</p>
			)}
			<form className="form" onSubmit={submit} aria-busy={busy}>
				<ErrorAlert error={error} />
				<Field label={t("enroll.code")} required>
					{(id) => (
						<input
							id={id}
							name="code"
							className="input-code"
							inputMode="numeric"
							autoComplete="one-time-code"
							pattern="[0-9]{6}"
							maxLength={6}
							required
							value={code}
							onChange={(event) => setCode(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button
						type="submit"
						className="button button-primary button-wide"
						disabled={busy || !enrollment}
					>
						{t("enroll.submit")}
					</button>
				</div>
			</form>
		</AuthLayout>
	);
}
