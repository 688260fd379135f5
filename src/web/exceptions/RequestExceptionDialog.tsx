import { type FormEvent, useId, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { type Target, TargetPicker } from "./TargetPicker.tsx";
import { type Exception, type ExceptionOptions, idLines, roleKey } from "./types.ts";

/** Matches of the network model for the picker (only for those who read the network). */
async function networkTargets(kind: "flow" | "node", q: string): Promise<Target[]> {
	const found = await call(
		api.GET("/api/exceptions/targets", { params: { query: { kind, q, limit: 30 } } }),
	);
	return found.items;
}

/** Assets of the ledger the caller sees whose code or name matches. */
async function ledgerAssets(q: string): Promise<Target[]> {
	const page = await call(
		api.GET("/api/assets", {
			params: { query: { ...(q ? { q } : {}), limit: 30, sort: "code" } },
		}),
	);
	return page.items.map((asset) => ({ id: asset.id, label: `${asset.code} ${asset.name}` }));
}

interface Props {
	options: ExceptionOptions;
	onClose(saved?: Exception): void;
}

/**
 * Request an exception for a unit: the clause or rule (picked from the published documents and
 * the check's rules, or typed), what is done differently and why, the compensating measures, the
 * assets, flows and nodes it covers (picked by search; flows and nodes typed as ids by those
 * who may not read the network model), and the period.
 */
export function RequestExceptionDialog({ options, onClose }: Props) {
	const { t, lang } = useI18n();
	const clauseListId = useId();
	const [assets, setAssets] = useState<Target[]>([]);
	const [flows, setFlows] = useState<Target[]>([]);
	const [nodes, setNodes] = useState<Target[]>([]);
	const [form, setForm] = useState({
		orgUnitId: options.units[0]?.id ?? "",
		clause: "",
		networkRule: "",
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
						...(form.networkRule ? { networkRule: form.networkRule } : {}),
						deviation: form.deviation.trim(),
						reason: form.reason.trim(),
						compensatingMeasures: form.compensatingMeasures.trim(),
						assetIds: assets.map((asset) => asset.id),
						networkFlows: options.networkPicker
							? flows.map((flow) => flow.id)
							: idLines(form.flows),
						networkNodes: options.networkPicker
							? nodes.map((node) => node.id)
							: idLines(form.nodes),
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
							list={clauseListId}
							autoComplete="off"
							aria-describedby={describedBy}
							value={form.clause}
							onChange={(event) => set("clause")(event.target.value)}
						/>
					)}
				</Field>
				<datalist id={clauseListId}>
					{options.clauses.map((clause) => (
						<option key={clause.text} value={clause.text} />
					))}
					{options.networkRules.map((rule) => (
						<option key={rule.id} value={`${rule.clause} ${rule.title[lang]}`} />
					))}
				</datalist>
				<Field label={t("exceptions.form.networkRule")}>
					{(id) => (
						<select
							id={id}
							name="networkRule"
							value={form.networkRule}
							onChange={(event) => {
								const rule = options.networkRules.find((r) => r.id === event.target.value);
								setForm({
									...form,
									networkRule: event.target.value,
									// The rule's own words cite the clause when none is given yet.
									clause:
										form.clause.trim() === "" && rule
											? `${rule.clause} ${rule.title[lang]}`.slice(0, 200)
											: form.clause,
								});
							}}
						>
							<option value="">{t("exceptions.form.networkRuleNone")}</option>
							{options.networkRules.map((rule) => (
								<option key={rule.id} value={rule.id}>
									{rule.title[lang]}（{rule.clause}）
								</option>
							))}
						</select>
					)}
				</Field>
				{text("deviation", t("exceptions.form.deviation"))}
				{text("reason", t("exceptions.form.reason"))}
				{text("compensatingMeasures", t("exceptions.form.measures"))}
				<TargetPicker
					legend={t("exceptions.form.assets")}
					name="assetSearch"
					search={ledgerAssets}
					chosen={assets}
					onChange={setAssets}
				/>
				{options.networkPicker ? (
					<>
						<TargetPicker
							legend={t("exceptions.form.flowsPick")}
							name="flowSearch"
							search={(q) => networkTargets("flow", q)}
							chosen={flows}
							onChange={setFlows}
						/>
						<TargetPicker
							legend={t("exceptions.form.nodesPick")}
							name="nodeSearch"
							search={(q) => networkTargets("node", q)}
							chosen={nodes}
							onChange={setNodes}
						/>
					</>
				) : (
					<>
						<Field label={t("exceptions.form.flows")} hint={t("exceptions.form.idsHint")}>
							{(id, describedBy) => (
								<textarea
									id={id}
									name="networkFlows"
									rows={2}
									aria-describedby={describedBy}
									value={form.flows}
									onChange={(event) => set("flows")(event.target.value)}
								/>
							)}
						</Field>
						<Field label={t("exceptions.form.nodes")} hint={t("exceptions.form.idsHint")}>
							{(id, describedBy) => (
								<textarea
									id={id}
									name="networkNodes"
									rows={2}
									aria-describedby={describedBy}
									value={form.nodes}
									onChange={(event) => set("nodes")(event.target.value)}
								/>
							)}
						</Field>
					</>
				)}
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
