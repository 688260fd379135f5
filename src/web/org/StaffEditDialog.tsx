import { type FormEvent, useState } from "react";
import { api, call, type OrgUnit } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { isStaffCategory, STAFF_CATEGORIES, type Staff, type StaffCategory } from "./types.ts";
import { inTreeOrder } from "./useOrgUnits.ts";

/** Change a staff member's category, 所属 and 役職. */
export function StaffEditDialog({
	staff,
	units,
	onSaved,
	onClose,
}: {
	staff: Staff;
	units: OrgUnit[];
	onSaved(): Promise<void>;
	onClose(): void;
}) {
	const { t, label } = useI18n();
	const [category, setCategory] = useState<StaffCategory>(staff.category);
	const [orgUnitId, setOrgUnitId] = useState(staff.orgUnitId);
	const [title, setTitle] = useState(staff.title ?? "");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			await call(
				api.PATCH("/api/staff/{id}", {
					params: { path: { id: staff.id } },
					body: { category, orgUnitId, title: title.trim() || null },
				}),
			);
			await onSaved();
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("org.staff.editTitle", { name: staff.displayName })} onClose={onClose}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("org.staff.category")} required>
					{(id) => (
						<select
							id={id}
							value={category}
							onChange={(event) => {
								if (isStaffCategory(event.target.value)) setCategory(event.target.value);
							}}
						>
							{STAFF_CATEGORIES.map((code) => (
								<option key={code} value={code}>
									{label("org.category", code)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("org.staff.unit")} required>
					{(id) => (
						<select
							id={id}
							value={orgUnitId}
							onChange={(event) => setOrgUnitId(event.target.value)}
						>
							{inTreeOrder(units).map(({ unit, depth }) => (
								<option key={unit.id} value={unit.id}>
									{`${"　".repeat(depth)}${unit.name} (${unit.code})`}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("org.staff.title_")}>
					{(id) => (
						<input
							id={id}
							maxLength={100}
							value={title}
							onChange={(event) => setTitle(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("org.editSubmit")}
					</button>
					<button type="button" className="button" onClick={onClose}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
