import { type FormEvent, useState } from "react";
import { api, call, type OrgUnit } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { inTreeOrder } from "./useOrgUnits.ts";

/**
 * Rename a unit, change its 所属コード or display order, or move it under another parent; the
 * server refuses cycles, wrong kinds and a code already used.
 */
export function OrgUnitEditDialog({
	unit,
	units,
	onSaved,
	onClose,
}: {
	unit: OrgUnit;
	units: OrgUnit[];
	onSaved(name: string): Promise<void>;
	onClose(): void;
}) {
	const { t } = useI18n();
	const [name, setName] = useState(unit.name);
	const [code, setCode] = useState(unit.code);
	const [order, setOrder] = useState(String(unit.displayOrder));
	const [parentId, setParentId] = useState(unit.parentId ?? "");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			const saved = await call(
				api.PATCH("/api/org-units/{id}", {
					params: { path: { id: unit.id } },
					body: {
						name: name.trim(),
						code: code.trim(),
						displayOrder: Number(order),
						parentId: parentId || null,
					},
				}),
			);
			await onSaved(saved.name);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("org.editTitle", { name: unit.name })} onClose={onClose}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<Field label={t("org.name")} required>
					{(id) => (
						<input
							id={id}
							required
							maxLength={100}
							value={name}
							onChange={(event) => setName(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("org.code")} required>
					{(id) => (
						<input
							id={id}
							required
							maxLength={40}
							value={code}
							onChange={(event) => setCode(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("adoption.displayOrder")} hint={t("adoption.displayOrderHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							type="number"
							required
							min={0}
							max={999999}
							step={1}
							aria-describedby={describedBy}
							value={order}
							onChange={(event) => setOrder(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("org.parent")} hint={t("org.moveHint")}>
					{(id, describedBy) => (
						<select
							id={id}
							aria-describedby={describedBy}
							value={parentId}
							onChange={(event) => setParentId(event.target.value)}
						>
							<option value="">{t("org.noParent")}</option>
							{inTreeOrder(units)
								.filter(({ unit: candidate }) => candidate.id !== unit.id)
								.map(({ unit: candidate, depth }) => (
									<option key={candidate.id} value={candidate.id}>
										{`${"　".repeat(depth)}${candidate.name} (${candidate.code})`}
									</option>
								))}
						</select>
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
