import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Contract, ContractOptions, Contractor } from "./types.ts";

interface Props {
	options: ContractOptions;
	/** The contract to change; absent: a new one. */
	contract?: Contract;
	onClose(saved?: Contract): void;
}

interface AssetPick {
	id: string;
	code: string;
	name: string;
	classKey: string;
}

/**
 * Register or change a contract: number, subject, purpose, contractor, unit, period, the ledger
 * assets the contractor handles and the security clauses of the pack's checklist it contains.
 */
export function ContractDialog({ options, contract, onClose }: Props) {
	const { t, lang } = useI18n();
	const [form, setForm] = useState({
		code: contract?.code ?? "",
		title: contract?.title ?? "",
		purpose: contract?.purpose ?? "",
		contractorId: contract?.contractor.id ?? "",
		orgUnitId: contract?.unit.id ?? options.units[0]?.id ?? "",
		startsOn: contract?.startsOn ?? options.today,
		endsOn: contract?.endsOn ?? "",
	});
	const [clauses, setClauses] = useState<string[]>(contract?.clauses ?? []);
	const [assets, setAssets] = useState<AssetPick[]>(contract?.assets ?? []);
	const [contractors, setContractors] = useState<Contractor[]>([]);
	const [search, setSearch] = useState("");
	const [found, setFound] = useState<AssetPick[]>([]);
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

	useEffect(() => {
		call(api.GET("/api/contractors", { params: { query: { limit: 200 } } })).then((page) => {
			setContractors(page.items);
			setForm((before) =>
				before.contractorId ? before : { ...before, contractorId: page.items[0]?.id ?? "" },
			);
		}, setError);
	}, []);

	async function findAssets() {
		try {
			const page = await call(
				api.GET("/api/assets", { params: { query: { q: search.trim(), limit: 20 } } }),
			);
			setFound(
				page.items.map((a) => ({
					id: a.id,
					code: a.code,
					name: a.name,
					classKey: a.classification.key,
				})),
			);
		} catch (failure) {
			setError(failure);
		}
	}

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const body = {
			code: form.code.trim(),
			title: form.title.trim(),
			purpose: form.purpose.trim(),
			contractorId: form.contractorId,
			orgUnitId: form.orgUnitId,
			startsOn: form.startsOn,
			endsOn: form.endsOn === "" ? null : form.endsOn,
			assetIds: assets.map((a) => a.id),
			clauses,
		};
		try {
			const saved = contract
				? await call(
						api.PUT("/api/contracts/{id}", {
							params: { path: { id: contract.id } },
							body: { ...body, version: contract.version },
						}),
					)
				: await call(api.POST("/api/contracts", { body }));
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const input = (key: "code" | "title", label: string, max: number) => (
		<Field label={label} required>
			{(id) => (
				<input
					id={id}
					name={key}
					required
					maxLength={max}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);

	return (
		<Dialog
			title={contract ? t("contracts.form.editTitle") : t("contracts.form.title")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				{input("code", t("contracts.col.code"), 40)}
				{input("title", t("contracts.col.title"), 200)}
				<Field label={t("contracts.form.purpose")} required>
					{(id) => (
						<textarea
							id={id}
							name="purpose"
							rows={3}
							required
							maxLength={2000}
							value={form.purpose}
							onChange={(event) => set("purpose")(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("contracts.col.contractor")} required>
					{(id) => (
						<select
							id={id}
							name="contractorId"
							required
							value={form.contractorId}
							onChange={(event) => set("contractorId")(event.target.value)}
						>
							{contractors.map((c) => (
								<option key={c.id} value={c.id}>
									{c.code} {c.name}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("contracts.col.unit")} required>
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
				<div className="form-row">
					<Field label={t("contracts.form.startsOn")} required>
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
					<Field label={t("contracts.form.endsOn")}>
						{(id) => (
							<input
								id={id}
								name="endsOn"
								type="date"
								value={form.endsOn}
								onChange={(event) => set("endsOn")(event.target.value)}
							/>
						)}
					</Field>
				</div>
				<fieldset className="fieldset">
					<legend>{t("contracts.form.assets")}</legend>
					<ul className="contract-assets">
						{assets.map((asset) => (
							<li key={asset.id}>
								{asset.code} {asset.name}（{asset.classKey}）{" "}
								<button
									type="button"
									className="button button-small"
									onClick={() => setAssets(assets.filter((a) => a.id !== asset.id))}
								>
									{t("contracts.form.removeAsset", { code: asset.code })}
								</button>
							</li>
						))}
					</ul>
					<div className="form-row">
						<Field label={t("contracts.form.assetSearch")}>
							{(id) => (
								<input
									id={id}
									type="search"
									value={search}
									maxLength={100}
									onChange={(event) => setSearch(event.target.value)}
								/>
							)}
						</Field>
						<button type="button" className="button" onClick={() => void findAssets()}>
							{t("contracts.form.find")}
						</button>
					</div>
					<ul className="contract-assets">
						{found
							.filter((a) => !assets.some((b) => b.id === a.id))
							.map((asset) => (
								<li key={asset.id}>
									<button
										type="button"
										className="button button-small"
										onClick={() => setAssets([...assets, asset])}
									>
										{t("contracts.form.addAsset", { code: asset.code })}
									</button>{" "}
									{asset.name}（{asset.classKey}）
								</li>
							))}
					</ul>
				</fieldset>
				<fieldset className="fieldset">
					<legend>{t("contracts.form.clauses")}</legend>
					<ul className="contract-clauses">
						{options.clauses.map((clause) => (
							<li key={clause.code}>
								<label>
									<input
										type="checkbox"
										name="clauses"
										value={clause.code}
										checked={clauses.includes(clause.code)}
										onChange={(event) =>
											setClauses(
												event.target.checked
													? [...clauses, clause.code]
													: clauses.filter((c) => c !== clause.code),
											)
										}
									/>{" "}
									{lang === "en" ? clause.label.en : clause.label.ja}
								</label>
							</li>
						))}
					</ul>
				</fieldset>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("contracts.form.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("contracts.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
