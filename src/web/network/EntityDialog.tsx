import { type FormEvent, useId, useState } from "react";
import { Dialog } from "../components/Dialog.tsx";
import { CheckboxField, Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import {
	type Entity,
	type EntityKind,
	entityOf,
	FIELD_SPECS,
	type FieldSpec,
	type Values,
	valuesOf,
} from "./editor-specs.ts";
import type { NetworkModel } from "./types.ts";

/** Add or edit one segment, node, gateway or flow of the draft model. */
export function EntityDialog({
	kind,
	model,
	entity,
	onSave,
	onClose,
}: {
	kind: EntityKind;
	model: NetworkModel;
	/** Null to add a new one. */
	entity: Entity | null;
	onSave(entity: Entity): void;
	onClose(): void;
}) {
	const { t, label } = useI18n();
	const [values, setValues] = useState<Values>(() => valuesOf(kind, entity));
	const [error, setError] = useState<string | null>(null);
	const listId = useId();
	const set = (name: string, value: string | boolean) =>
		setValues((current) => ({ ...current, [name]: value }));
	const taken = new Set<string>(
		kind === "flows"
			? model.flows.map((f) => f.id)
			: [...model.segments, ...model.nodes, ...model.gateways].map((e) => e.id),
	);

	function submit(event: FormEvent) {
		event.preventDefault();
		const next = entityOf(kind, values);
		if (next.id !== entity?.id && taken.has(next.id)) {
			setError(t("network.editor.idTaken", { id: next.id }));
			return;
		}
		onSave(next);
	}

	const control = (spec: FieldSpec) => {
		const value = values[spec.name];
		if (spec.type === "checkbox") {
			return (
				<CheckboxField
					key={spec.name}
					label={t(spec.label)}
					checked={value === true}
					onChange={(checked) => set(spec.name, checked)}
				/>
			);
		}
		return (
			<Field
				key={spec.name}
				label={t(spec.label)}
				required={spec.required ?? false}
				hint={spec.hint ? t(spec.hint) : undefined}
			>
				{(id, describedBy) =>
					spec.type === "select" ? (
						<select
							id={id}
							required={spec.required}
							value={typeof value === "string" ? value : ""}
							onChange={(event) => set(spec.name, event.target.value)}
						>
							<option value="">{t("network.editor.choose")}</option>
							{(spec.options?.(model) ?? []).map((code) => (
								<option key={code} value={code}>
									{spec.optionLabel ? label(spec.optionLabel, code) : code}
								</option>
							))}
						</select>
					) : (
						<input
							id={id}
							aria-describedby={describedBy}
							required={spec.required}
							readOnly={spec.name === "id" && entity !== null}
							list={spec.type === "endpoint" ? listId : undefined}
							maxLength={spec.type === "list" ? 4000 : 1000}
							value={typeof value === "string" ? value : ""}
							onChange={(event) => set(spec.name, event.target.value)}
						/>
					)
				}
			</Field>
		);
	};

	const titleKey = entity ? "network.editor.editTitle" : "network.editor.addTitle";
	return (
		<Dialog
			title={t(titleKey, { what: t(`network.table.${kind}`), id: entity?.id ?? "" })}
			onClose={onClose}
		>
			<form className="form network-entity-form" onSubmit={submit}>
				{error ? (
					<p className="alert alert-error" role="alert">
						{error}
					</p>
				) : null}
				{FIELD_SPECS[kind].map(control)}
				<datalist id={listId}>
					{[...model.nodes, ...model.segments].map((e) => (
						<option key={e.id} value={e.id}>
							{e.name ?? e.id}
						</option>
					))}
				</datalist>
				<div className="form-actions">
					<button type="submit" className="button button-primary">
						{t("network.editor.apply")}
					</button>
					<button type="button" className="button" onClick={onClose}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
