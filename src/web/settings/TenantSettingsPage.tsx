import { type FormEvent, useEffect, useState } from "react";
import { formatDate } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useSession } from "../session.tsx";
import { PreliminaryDaysField } from "./PreliminaryDaysField.tsx";

type DateStyle = Schemas["DateStyle"];
const STYLES: readonly DateStyle[] = ["wareki", "seireki"];

/**
 * The tenant's own settings, changed by its administrator: how it writes dates (和暦 or 西暦) and
 * the days it aims at for a preliminary incident report (速報).
 */
export function TenantSettingsPage() {
	const { t } = useI18n();
	const { refresh } = useSession();
	const [settings, setSettings] = useState<Schemas["TenantSettings"] | null>(null);
	const [dateStyle, setDateStyle] = useState<DateStyle>("wareki");
	const [preliminaryDays, setPreliminaryDays] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [saved, setSaved] = useState(false);
	const [busy, setBusy] = useState(false);

	useEffect(() => {
		call(api.GET("/api/tenant/settings")).then((loaded) => {
			setSettings(loaded);
			setDateStyle(loaded.dateStyle);
			setPreliminaryDays(loaded.incidentPreliminaryDays?.toString() ?? "");
		}, setError);
	}, []);

	const canChange = settings?.allowedActions.includes("change") ?? false;
	const today = new Date().toISOString();

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setSaved(false);
		setError(null);
		try {
			const incidentPreliminaryDays = preliminaryDays === "" ? null : Number(preliminaryDays);
			const next = await call(
				api.PUT("/api/tenant/settings", { body: { dateStyle, incidentPreliminaryDays } }),
			);
			setSettings(next);
			setSaved(true);
			await refresh();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("settings.title")}</h1>
			</div>
			<p className="lead">{t("settings.lead")}</p>
			<ErrorAlert error={error} />
			{settings ? (
				<form className="form" onSubmit={submit}>
					<fieldset className="fieldset" disabled={!canChange} aria-describedby="date-style-hint">
						<legend>{t("settings.dateStyle")}</legend>
						{STYLES.map((style) => (
							<label key={style} className="choice">
								<input
									type="radio"
									name="date-style"
									value={style}
									checked={dateStyle === style}
									onChange={() => setDateStyle(style)}
								/>
								{t(`settings.dateStyle.${style}`)}{" "}
								<span className="muted">
									{t("settings.dateStyle.example", { example: formatDate(today, style) })}
								</span>
							</label>
						))}
						<p className="field-hint" id="date-style-hint">
							{t("settings.dateStyle.hint")}
						</p>
					</fieldset>
					<PreliminaryDaysField
						value={preliminaryDays}
						packDays={settings.packPreliminaryDays}
						disabled={!canChange}
						onChange={setPreliminaryDays}
					/>
					{saved ? (
						<div className="alert alert-success" role="status">
							<p className="alert-title">{t("settings.saved")}</p>
						</div>
					) : null}
					{canChange ? (
						<div className="form-actions">
							<button type="submit" className="button button-primary" disabled={busy}>
								{t("settings.save")}
							</button>
						</div>
					) : (
						<p className="muted">{t("settings.readOnly")}</p>
					)}
				</form>
			) : null}
		</section>
	);
}
