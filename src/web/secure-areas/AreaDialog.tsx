import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { levelKey, type SecureArea, type SecureAreaOptions } from "./types.ts";

/**
 * Set up an area, or (given `area`) change its code, name, level, location and manager. An edit
 * sends the version it was read at: a change by someone else meanwhile is refused (stale_version)
 * and shown, nothing is overwritten.
 */
export function AreaDialog({
	options,
	area,
	onClose,
}: {
	options: SecureAreaOptions;
	area?: SecureArea;
	onClose(saved: SecureArea | null): void;
}) {
	const { t } = useI18n();
	const [draft, setDraft] = useState({
		code: area?.code ?? "",
		name: area?.name ?? "",
		level: area?.level ?? options.levels[0] ?? "strict",
		location: area?.location ?? "",
		managerStaffId: area?.manager?.staffId ?? "",
	});
	const [error, setError] = useState<unknown>(null);
	async function save(event: FormEvent) {
		event.preventDefault();
		try {
			const saved = area
				? await call(
						api.PUT("/api/secure-areas/{id}", {
							params: { path: { id: area.id } },
							body: { ...draft, version: area.version },
						}),
					)
				: await call(api.POST("/api/secure-areas", { body: draft }));
			onClose(saved);
		} catch (failure) {
			setError(failure);
		}
	}
	// A manager who has since left the roster stays choosable until someone else is picked.
	const staff =
		area?.manager && !options.staff.some((p) => p.staffId === area.manager?.staffId)
			? [area.manager, ...options.staff]
			: options.staff;
	const set = (key: keyof typeof draft) => (value: string) => setDraft({ ...draft, [key]: value });
	return (
		<Dialog
			title={t(area ? "secureAreas.edit.title" : "secureAreas.form.title")}
			onClose={() => onClose(null)}
		>
			<form onSubmit={save}>
				<ErrorAlert error={error} />
				<Field label={t("secureAreas.form.code")} hint={t("secureAreas.form.codeHint")} required>
					{(id, hint) => (
						<input
							id={id}
							aria-describedby={hint}
							required
							value={draft.code}
							onChange={(e) => set("code")(e.target.value)}
						/>
					)}
				</Field>
				<Field label={t("secureAreas.form.name")} required>
					{(id) => (
						<input
							id={id}
							required
							value={draft.name}
							onChange={(e) => set("name")(e.target.value)}
						/>
					)}
				</Field>
				<Field label={t("secureAreas.form.level")} required>
					{(id) => (
						<select
							id={id}
							required
							value={draft.level}
							onChange={(e) => set("level")(e.target.value)}
						>
							{options.levels.map((level) => (
								<option key={level} value={level}>
									{t(levelKey(level))}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("secureAreas.form.location")}>
					{(id) => (
						<input
							id={id}
							value={draft.location}
							onChange={(e) => set("location")(e.target.value)}
						/>
					)}
				</Field>
				<Field label={t("secureAreas.form.manager")} required>
					{(id) => (
						<select
							id={id}
							required
							value={draft.managerStaffId}
							onChange={(e) => set("managerStaffId")(e.target.value)}
						>
							<option value="">{t("secureAreas.form.choose")}</option>
							{staff.map((person) => (
								<option key={person.staffId} value={person.staffId}>
									{person.name}（{person.staffNumber}）
								</option>
							))}
						</select>
					)}
				</Field>
				<div className="button-row">
					<button type="submit" className="button button-primary">
						{t(area ? "secureAreas.edit.save" : "secureAreas.form.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose(null)}>
						{t("secureAreas.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
