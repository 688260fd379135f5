import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import {
	ATTACHMENT_RULE_OPTIONS,
	type AttachmentRule,
	LIMIT_FIELDS,
	type LimitField,
	type MailSettings,
	type MailSettingsInput,
	TYPE_CATEGORY_LIST,
	type TypeCategory,
} from "./types.ts";

/** Rules a never-delivered category may have. */
const NEVER_RULES: readonly AttachmentRule[] = ["remove", "hold"];
/** Rules a category delivered only converted may have. */
const CONVERTED_RULES: readonly AttachmentRule[] = ["sanitize", "remove", "hold"];

function inputOf(settings: MailSettings): MailSettingsInput {
	return {
		retentionDays: settings.retentionDays,
		releaseAsIs: [...settings.releaseAsIs],
		attachments: { ...settings.attachments },
		limits: { ...settings.limits },
		malwareIncidents: settings.malwareIncidents,
	};
}

/** A limit as the form shows it: bytes in MiB, milliseconds in seconds. */
function shown(field: LimitField, value: number): number {
	return field.scale === 1 ? value : value / field.scale;
}

/** Where the server lacks pdftoppm: PDF attachments are held, and how to install it. */
function PdfToolsNotice({ tools }: { tools: MailSettings["pdfTools"] }) {
	const { t } = useI18n();
	if (tools.available) return null;
	return (
		<div className="alert alert-warning" role="status">
			<p className="alert-title">
				{t("adoption.pdfTools.missing", { tools: tools.missing.join(", ") })}
			</p>
			<p>
				{t("adoption.pdfTools.install", { package: tools.package })} <code>{tools.install}</code>
			</p>
		</div>
	);
}

/**
 * The tenant's gateway settings: the 無害化 rule per attachment type, the limits, how long
 * originals are kept and which types an approved release sends unchanged. Read-only unless the
 * caller may change them; never-delivered types offer only remove and hold.
 */
export function MailSettingsPanel() {
	const { t } = useI18n();
	const [settings, setSettings] = useState<MailSettings | null>(null);
	const [form, setForm] = useState<MailSettingsInput | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);

	useEffect(() => {
		call(api.GET("/api/mail/settings")).then((loaded) => {
			setSettings(loaded);
			setForm(inputOf(loaded));
		}, setError);
	}, []);

	if (!settings || !form) return error ? <ErrorAlert error={error} /> : null;
	const editable = settings.allowedActions.includes("change");
	const never = new Set<TypeCategory>(settings.neverDelivered);
	const neverAsIs = new Set<TypeCategory>(settings.neverAsIs);

	const setRule = (category: TypeCategory, rule: AttachmentRule) =>
		setForm({ ...form, attachments: { ...form.attachments, [category]: rule } });
	const setLimit = (field: LimitField, raw: string) => {
		const value = Math.round(Number(raw) * field.scale);
		setForm({ ...form, limits: { ...form.limits, [field.key]: value } });
	};
	const toggleAsIs = (category: TypeCategory, on: boolean) =>
		setForm({
			...form,
			releaseAsIs: on
				? [...new Set([...form.releaseAsIs, category])]
				: form.releaseAsIs.filter((c) => c !== category),
		});

	async function save() {
		if (!form) return;
		setBusy(true);
		setError(null);
		setNotice(null);
		try {
			const saved = await call(api.PUT("/api/mail/settings", { body: form }));
			setSettings(saved);
			setForm(inputOf(saved));
			setNotice(t("mail.settings.saved"));
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section aria-labelledby="mail-settings">
			<h2 id="mail-settings">{t("mail.settings.title")}</h2>
			<p className="muted">{t("mail.settings.lead")}</p>
			<PdfToolsNotice tools={settings.pdfTools} />
			<ErrorAlert error={error} />
			<StatusMessage>{notice}</StatusMessage>
			<form
				className="stack"
				onSubmit={(event) => {
					event.preventDefault();
					void save();
				}}
			>
				<h3>{t("mail.settings.rules")}</h3>
				<div className="table-wrap">
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t("mail.settings.category")}</th>
								<th scope="col">{t("mail.settings.rule")}</th>
								<th scope="col">{t("mail.settings.default")}</th>
								<th scope="col">{t("mail.settings.releaseAsIs")}</th>
							</tr>
						</thead>
						<tbody>
							{TYPE_CATEGORY_LIST.map((category) => {
								const options = never.has(category)
									? NEVER_RULES
									: neverAsIs.has(category)
										? CONVERTED_RULES
										: ATTACHMENT_RULE_OPTIONS;
								const label = t(`mail.category.${category}`);
								return (
									<tr key={category} data-category={category}>
										<th scope="row">
											{label}
											{never.has(category) ? (
												<div className="muted">{t("mail.settings.neverDelivered")}</div>
											) : null}
										</th>
										<td>
											<select
												aria-label={t("mail.settings.ruleOf", { category: label })}
												value={form.attachments[category]}
												disabled={!editable}
												onChange={(e) => setRule(category, e.target.value as AttachmentRule)}
											>
												{options.map((rule) => (
													<option key={rule} value={rule}>
														{t(`mail.rule.${rule}`)}
													</option>
												))}
											</select>
										</td>
										<td>{t(`mail.rule.${settings.defaults.attachments[category]}`)}</td>
										<td>
											{neverAsIs.has(category) ? (
												"—"
											) : (
												<input
													type="checkbox"
													aria-label={t("mail.settings.releaseAsIsOf", { category: label })}
													checked={form.releaseAsIs.includes(category)}
													disabled={!editable}
													onChange={(e) => toggleAsIs(category, e.target.checked)}
												/>
											)}
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
				</div>

				<h3>{t("mail.settings.limits")}</h3>
				<div className="cards cards-3">
					{LIMIT_FIELDS.map((field) => {
						const bounds = settings.limitBounds[field.key];
						const id = `mail-limit-${field.key}`;
						return (
							<div className="field" key={field.key}>
								<label htmlFor={id}>{t(`mail.limit.${field.key}`)}</label>
								<span>
									<input
										id={id}
										type="number"
										required
										min={bounds ? shown(field, bounds.min) : 1}
										max={bounds ? shown(field, bounds.max) : undefined}
										step={field.scale === 1 ? 1 : "any"}
										value={shown(field, form.limits[field.key])}
										disabled={!editable}
										onChange={(e) => setLimit(field, e.target.value)}
									/>{" "}
									{t(`mail.unit.${field.unit}`)}
								</span>
								<p className="field-hint">
									{t("mail.settings.defaultValue", {
										value: shown(field, settings.defaults.limits[field.key]),
									})}
								</p>
							</div>
						);
					})}
				</div>

				<div className="field">
					<label htmlFor="mail-retention">{t("mail.settings.retentionDays")}</label>
					<span>
						<input
							id="mail-retention"
							type="number"
							required
							min={1}
							max={3650}
							value={form.retentionDays}
							disabled={!editable}
							onChange={(e) => setForm({ ...form, retentionDays: Number(e.target.value) })}
						/>{" "}
						{t("mail.unit.days")}
					</span>
				</div>

				<div className="field">
					<label className="checkbox">
						<input
							type="checkbox"
							aria-describedby="mail-malware-incidents-hint"
							checked={form.malwareIncidents}
							disabled={!editable}
							onChange={(e) => setForm({ ...form, malwareIncidents: e.target.checked })}
						/>{" "}
						{t("mail.settings.malwareIncidents")}
					</label>
					<p id="mail-malware-incidents-hint" className="field-hint">
						{t("mail.settings.malwareIncidentsHint")}
					</p>
				</div>

				{editable ? (
					<div className="toolbar">
						<button type="submit" className="button button-primary" disabled={busy}>
							{t("mail.settings.save")}
						</button>
					</div>
				) : null}
			</form>
		</section>
	);
}
