import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { CheckboxField, Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { AssetChooser, type ChosenAsset } from "./AssetChooser.tsx";
import { casePath, type Incident, japanInstant, japanNowLocal } from "./labels.ts";
import "./incidents.css";

/**
 * The one short form any member of staff reports a suspected incident with: what happened, when
 * it was noticed (now unless changed), whether personal data may be involved, and the ledger's
 * assets if known. Made for a phone: one column, large controls, nothing else required.
 */
export function ReportPage() {
	const { t } = useI18n();
	const [whatHappened, setWhatHappened] = useState("");
	const [noticedAt, setNoticedAt] = useState(() => japanNowLocal());
	const [personalData, setPersonalData] = useState(false);
	const [assets, setAssets] = useState<ChosenAsset[]>([]);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [sent, setSent] = useState<Incident | null>(null);
	const receipt = useRef<HTMLParagraphElement>(null);

	// The form is replaced by the receipt: move focus there so it is read out and seen on a phone.
	useEffect(() => {
		if (sent) receipt.current?.focus();
	}, [sent]);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const body = {
				whatHappened: whatHappened.trim(),
				noticedAt: japanInstant(noticedAt),
				personalData,
				assetIds: assets.map((asset) => asset.id),
			};
			setSent(await call(api.POST("/api/incidents", { body })));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	function another() {
		setSent(null);
		setWhatHappened("");
		setNoticedAt(japanNowLocal());
		setPersonalData(false);
		setAssets([]);
	}

	return (
		<section className="page incident-report">
			<h1>{t("incidents.report.title")}</h1>
			{sent ? (
				<div className="card" data-testid="incident-sent">
					<p className="alert alert-success" role="status" ref={receipt} tabIndex={-1}>
						{t("incidents.report.sent", { reference: sent.reference })}
					</p>
					<p>{t("incidents.report.sentLead")}</p>
					<div className="button-row">
						<Link to="/incidents/mine" className="button button-primary">
							{t("incidents.nav.mine")}
						</Link>
						<Link to={casePath(sent.id)} className="button">
							{t("incidents.report.viewCase")}
						</Link>
						<button type="button" className="button" onClick={another}>
							{t("incidents.report.another")}
						</button>
					</div>
				</div>
			) : (
				<>
					<p className="lead">{t("incidents.report.lead")}</p>
					<form className="form card" onSubmit={submit} aria-label={t("incidents.report.title")}>
						<ErrorAlert
							error={error}
							fields={{
								whatHappened: t("incidents.field.whatHappened"),
								noticedAt: t("incidents.field.noticedAt"),
							}}
						/>
						<Field
							label={t("incidents.field.whatHappened")}
							hint={t("incidents.report.whatHappenedHint")}
							required
						>
							{(id, describedBy) => (
								<textarea
									id={id}
									name="whatHappened"
									aria-describedby={describedBy}
									required
									rows={5}
									maxLength={4000}
									value={whatHappened}
									onChange={(event) => setWhatHappened(event.target.value)}
								/>
							)}
						</Field>
						<Field
							label={t("incidents.field.noticedAt")}
							hint={t("incidents.report.noticedAtHint")}
							required
						>
							{(id, describedBy) => (
								<input
									id={id}
									name="noticedAt"
									type="datetime-local"
									aria-describedby={describedBy}
									required
									max={japanNowLocal()}
									value={noticedAt}
									onChange={(event) => setNoticedAt(event.target.value)}
								/>
							)}
						</Field>
						<div>
							<CheckboxField
								label={t("incidents.field.personalData")}
								checked={personalData}
								onChange={setPersonalData}
							/>
							<p className="field-hint">{t("incidents.report.personalDataHint")}</p>
						</div>
						<AssetChooser
							legend={t("incidents.field.assets")}
							hint={t("incidents.report.assetsHint")}
							value={assets}
							onChange={setAssets}
							hideWhenNone
						/>
						<div className="form-actions">
							<button type="submit" className="button button-primary button-wide" disabled={busy}>
								{t("incidents.report.submit")}
							</button>
						</div>
					</form>
				</>
			)}
		</section>
	);
}
