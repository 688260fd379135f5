import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { type Exception, type ExceptionOptions, idLines, roleKey } from "./types.ts";

interface Props {
	options: ExceptionOptions;
	onClose(saved?: Exception): void;
}

/**
 * Request an exception for a unit: the clause or rule, what is done differently and why, the
 * compensating measures, the flows and nodes of the network model it covers, and the period.
 */
export function RequestExceptionDialog({ options, onClose }: Props) {
	const { t } = useI18n();
	const [form, setForm] = useState({
		orgUnitId: options.units[0]?.id ?? "",
		clause: "",
		deviation: "",
		reason: "",
		compensatingMeasures: "",
		flows: "",
		nodes: "",
		startsOn: options.today,
		endsOn: "",
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/exceptions", {
					body: {
						orgUnitId: form.orgUnitId,
						clause: form.clause.trim(),
						deviation: form.deviation.trim(),
						reason: form.reason.trim(),
						compensatingMeasures: form.compensatingMeasures.trim(),
						assetIds: [],
						networkFlows: idLines(form.flows),
						networkNodes: idLines(form.nodes),
						startsOn: form.startsOn,
						endsOn: form.endsOn,
					},
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const text = (key: "deviation" | "reason" | "compensatingMeasures", label: string) => (
		<Field label={label} required>
			{(id) => (
				<textarea
					id={id}
					name={key}
					rows={3}
					required
					maxLength={4000}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);

	return (
		<Dialog title={t("exceptions.form.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p className="muted">
					{t("exceptions.form.deciders", {
						roles: options.deciders.map((role) => t(roleKey(role))).join("、"),
					})}
				</p>
				<Field label={t("exceptions.form.unit")} required>
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
				<Field label={t("exceptions.form.clause")} hint={t("exceptions.form.clauseHint")} required>
					{(id, describedBy) => (
						<input
							id={id}
							name="clause"
							required
							maxLength={200}
							aria-describedby={describedBy}
							value={form.clause}
							onChange={(event) => set("clause")(event.target.value)}
						/>
					)}
				</Field>
				{text("deviation", t("exceptions.form.deviation"))}
				{text("reason", t("exceptions.form.reason"))}
				{text("compensatingMeasures", t("exceptions.form.measures"))}
				<Field label={t("exceptions.form.flows")}>
					{(id) => (
						<textarea
							id={id}
							name="networkFlows"
							rows={2}
							value={form.flows}
							onChange={(event) => set("flows")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("exceptions.form.nodes")}>
					{(id) => (
						<textarea
							id={id}
							name="networkNodes"
							rows={2}
							value={form.nodes}
							onChange={(event) => set("nodes")(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row">
					<Field label={t("exceptions.form.startsOn")} required>
						{(id) => (
							<input
								id={id}
								name="startsOn"
								type="date"
								required
								value={form.startsOn}
								onChange={(event) => set("startsOn")(event.target.value)}
							/>
						)}
					</Field>
					<Field label={t("exceptions.form.endsOn")} required>
						{(id) => (
							<input
								id={id}
								name="endsOn"
								type="date"
								required
								value={form.endsOn}
								onChange={(event) => set("endsOn")(event.target.value)}
							/>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("exceptions.form.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("exceptions.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
