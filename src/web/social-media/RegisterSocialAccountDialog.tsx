import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { CheckboxField, Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { roleKey, type SocialAccount, type SocialAccountOptions } from "./types.ts";

interface Props {
	options: SocialAccountOptions;
	onClose(saved?: SocialAccount): void;
}

/**
 * Register an official account: the section, service, handle and purpose, the responsible 課長,
 * the operating procedure, what may be posted, who holds the credentials (never the credentials)
 * and whether MFA is on.
 */
export function RegisterSocialAccountDialog({ options, onClose }: Props) {
	const { t } = useI18n();
	const managers = options.staff.filter((member) => member.sectionManager);
	const [form, setForm] = useState({
		orgUnitId: options.units[0]?.id ?? "",
		service: "",
		handle: "",
		purpose: "",
		responsibleStaffId: "",
		procedureDocumentId: "",
		postingRules: "",
	});
	const [holders, setHolders] = useState<string[]>([]);
	const [mfa, setMfa] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
	const roles = (list: readonly string[]) => list.map((role) => t(roleKey(role))).join("、");

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/social-media/accounts", {
					body: {
						orgUnitId: form.orgUnitId,
						service: form.service.trim(),
						handle: form.handle.trim(),
						purpose: form.purpose.trim(),
						responsibleStaffId: form.responsibleStaffId,
						procedureDocumentId: form.procedureDocumentId,
						postingRules: form.postingRules.trim(),
						credentialHolderIds: holders,
						mfaEnabled: mfa,
					},
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const line = (key: "service" | "handle", label: string, hint?: string) => (
		<Field label={label} hint={hint} required>
			{(id, describedBy) => (
				<input
					id={id}
					name={key}
					required
					maxLength={key === "service" ? 100 : 200}
					aria-describedby={describedBy}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);
	const text = (key: "purpose" | "postingRules", label: string) => (
		<Field label={label} required>
			{(id) => (
				<textarea
					id={id}
					name={key}
					required
					rows={3}
					maxLength={key === "purpose" ? 2000 : 4000}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);

	return (
		<Dialog title={t("socialMedia.form.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>{t("socialMedia.form.deciders", { roles: roles(options.deciders) })}</p>
				{options.notified.length > 0 ? (
					<p>{t("socialMedia.form.notified", { roles: roles(options.notified) })}</p>
				) : null}
				<Field label={t("socialMedia.form.unit")} required>
					{(id) => (
						<select
							id={id}
							name="orgUnitId"
							required
							value={form.orgUnitId}
							onChange={(event) => set("orgUnitId")(event.target.value)}
						>
							{options.units.map((unit) => (
								<option key={unit.id} value={unit.id}>
									{unit.name}
								</option>
							))}
						</select>
					)}
				</Field>
				{line("service", t("socialMedia.form.service"), t("socialMedia.form.serviceHint"))}
				{line("handle", t("socialMedia.form.handle"))}
				{text("purpose", t("socialMedia.form.purpose"))}
				<Field label={t("socialMedia.form.responsible")} required>
					{(id) => (
						<select
							id={id}
							name="responsibleStaffId"
							required
							value={form.responsibleStaffId}
							onChange={(event) => set("responsibleStaffId")(event.target.value)}
						>
							<option value="">{t("socialMedia.form.choose")}</option>
							{managers.map((member) => (
								<option key={member.id} value={member.id}>
									{member.title ? `${member.name}（${member.title}）` : member.name}
								</option>
							))}
						</select>
					)}
				</Field>
				{managers.length === 0 ? <p className="empty">{t("socialMedia.form.noManagers")}</p> : null}
				<Field label={t("socialMedia.form.procedure")} required>
					{(id) => (
						<select
							id={id}
							name="procedureDocumentId"
							required
							value={form.procedureDocumentId}
							onChange={(event) => set("procedureDocumentId")(event.target.value)}
						>
							<option value="">{t("socialMedia.form.choose")}</option>
							{options.documents.map((document) => (
								<option key={document.id} value={document.id}>
									{document.title}
								</option>
							))}
						</select>
					)}
				</Field>
				{text("postingRules", t("socialMedia.form.postingRules"))}
				<fieldset className="fieldset">
					<legend>{t("socialMedia.form.holders")}</legend>
					<p className="hint">{t("socialMedia.form.holdersHint")}</p>
					{options.staff.map((member) => (
						<CheckboxField
							key={member.id}
							label={member.title ? `${member.name}（${member.title}）` : member.name}
							checked={holders.includes(member.id)}
							onChange={(checked) =>
								setHolders(
									checked ? [...holders, member.id] : holders.filter((id) => id !== member.id),
								)
							}
						/>
					))}
				</fieldset>
				<CheckboxField label={t("socialMedia.form.mfa")} checked={mfa} onChange={setMfa} />
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("socialMedia.form.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("socialMedia.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
