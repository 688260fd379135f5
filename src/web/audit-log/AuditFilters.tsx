import { type FormEvent, useState } from "react";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";

/** The filters as typed on the screen: days are Japanese calendar days, `YYYY-MM-DD`. */
export interface AuditFilterForm {
	actor: string;
	type: string;
	recordId: string;
	fromDay: string;
	toDay: string;
}

export const EMPTY_FILTER: AuditFilterForm = {
	actor: "",
	type: "",
	recordId: "",
	fromDay: "",
	toDay: "",
};

interface Props {
	initial: AuditFilterForm;
	types: string[];
	onApply(filter: AuditFilterForm): void;
}

/** Actor, event type, record and period; applied on submit. */
export function AuditFilters({ initial, types, onApply }: Props) {
	const { t, label } = useI18n();
	const [form, setForm] = useState(initial);
	const set = (key: keyof AuditFilterForm) => (value: string) =>
		setForm((current) => ({ ...current, [key]: value }));

	function submit(event: FormEvent) {
		event.preventDefault();
		onApply({ ...form, actor: form.actor.trim(), recordId: form.recordId.trim() });
	}

	function clear() {
		setForm(EMPTY_FILTER);
		onApply(EMPTY_FILTER);
	}

	return (
		<form className="card filters" onSubmit={submit} aria-labelledby="audit-filters-title">
			<h2 id="audit-filters-title" className="visually-hidden">
				{t("audit.filters")}
			</h2>
			<div className="form-row">
				<Field label={t("audit.actor")}>
					{(id) => (
						<input
							id={id}
							name="actor"
							maxLength={100}
							value={form.actor}
							onChange={(event) => set("actor")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("audit.type")}>
					{(id) => (
						<select
							id={id}
							name="type"
							value={form.type}
							onChange={(event) => set("type")(event.target.value)}
						>
							<option value="">{t("audit.allTypes")}</option>
							{types.map((type) => (
								<option key={type} value={type}>
									{label("audit.type", type)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("audit.recordId")}>
					{(id) => (
						<input
							id={id}
							name="recordId"
							maxLength={64}
							spellCheck={false}
							value={form.recordId}
							onChange={(event) => set("recordId")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("audit.from")}>
					{(id) => (
						<input
							id={id}
							name="from"
							type="date"
							value={form.fromDay}
							onChange={(event) => set("fromDay")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("audit.to")}>
					{(id) => (
						<input
							id={id}
							name="to"
							type="date"
							value={form.toDay}
							onChange={(event) => set("toDay")(event.target.value)}
						/>
					)}
				</Field>
			</div>
			<div className="form-row-actions">
				<button type="submit" className="button button-primary">
					{t("common.search")}
				</button>
				<button type="button" className="button" onClick={clear}>
					{t("common.clear")}
				</button>
			</div>
		</form>
	);
}
