import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { ImportContractsDialog } from "./ImportContractsDialog.tsx";
import type { Contractor } from "./types.ts";
import "./contracts.css";

const PAGE_SIZE = 50;

/** 委託先: the register of contractors, with how many contracts each has. */
export function ContractorsPage() {
	const { t } = useI18n();
	const can = useCan();
	const [offset, setOffset] = useState(0);
	const [page, setPage] = useState<{ items: Contractor[]; total: number } | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [editing, setEditing] = useState<Contractor | "new" | null>(null);
	const [importing, setImporting] = useState(false);

	const load = useCallback(async () => {
		try {
			setPage(
				await call(
					api.GET("/api/contractors", { params: { query: { offset, limit: PAGE_SIZE } } }),
				),
			);
		} catch (failure) {
			setError(failure);
		}
	}, [offset]);
	useEffect(() => {
		void load();
	}, [load]);

	return (
		<section className="page">
			<p>
				<Link to="/contracts">{t("contracts.detail.back")}</Link>
			</p>
			<div className="page-header">
				<h1>{t("contracts.contractors.title")}</h1>
				<div className="button-row">
					{can("contract.export") ? (
						<>
							<DownloadButton
								href="/api/contractors/export?format=xlsx"
								fileName="委託先一覧.xlsx"
								onError={setError}
							>
								{t("contracts.export.xlsx")}
							</DownloadButton>
							<DownloadButton
								href="/api/contractors/export?format=csv"
								fileName="委託先一覧.csv"
								onError={setError}
							>
								{t("contracts.export.csv")}
							</DownloadButton>
						</>
					) : null}
					{can("contract.import") ? (
						<button type="button" className="button" onClick={() => setImporting(true)}>
							{t("contracts.import")}
						</button>
					) : null}
					{can("contract.manage") ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => setEditing("new")}
						>
							{t("contracts.contractors.create")}
						</button>
					) : null}
				</div>
			</div>
			<ErrorAlert error={error} />
			{page ? (
				<>
					<p>
						<strong>{t("contracts.total", { count: page.total })}</strong>
					</p>
					{page.items.length === 0 ? (
						<p className="empty">{t("contracts.contractors.none")}</p>
					) : (
						<div className="table-wrap">
							<table className="table" aria-label={t("contracts.contractors.title")}>
								<thead>
									<tr>
										<th scope="col">{t("contracts.contractors.code")}</th>
										<th scope="col">{t("contracts.contractors.name")}</th>
										<th scope="col">{t("contracts.contractors.contact")}</th>
										<th scope="col">{t("contracts.contractors.count")}</th>
										<th scope="col">
											<span className="visually-hidden">{t("contracts.action.edit")}</span>
										</th>
									</tr>
								</thead>
								<tbody>
									{page.items.map((item) => (
										<tr key={item.id}>
											<td className="nowrap">{item.code}</td>
											<td>{item.name}</td>
											<td>{item.contact ?? ""}</td>
											<td>{item.contracts}</td>
											<td>
												{can("contract.manage") ? (
													<button
														type="button"
														className="button button-small"
														onClick={() => setEditing(item)}
													>
														{t("contracts.contractors.edit", { name: item.name })}
													</button>
												) : null}
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
					<Pagination offset={offset} limit={PAGE_SIZE} total={page.total} onChange={setOffset} />
				</>
			) : null}
			{importing ? (
				<ImportContractsDialog
					what="contractors"
					onClose={(changed) => {
						setImporting(false);
						if (changed) void load();
					}}
				/>
			) : null}
			{editing ? (
				<ContractorDialog
					contractor={editing === "new" ? undefined : editing}
					onClose={(saved) => {
						setEditing(null);
						if (saved) void load();
					}}
				/>
			) : null}
		</section>
	);
}

function ContractorDialog({
	contractor,
	onClose,
}: {
	contractor?: Contractor | undefined;
	onClose(saved?: boolean): void;
}) {
	const { t } = useI18n();
	const [form, setForm] = useState({
		code: contractor?.code ?? "",
		name: contractor?.name ?? "",
		address: contractor?.address ?? "",
		contact: contractor?.contact ?? "",
		notes: contractor?.notes ?? "",
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		const body = {
			code: form.code.trim(),
			name: form.name.trim(),
			address: form.address.trim() || null,
			contact: form.contact.trim() || null,
			notes: form.notes.trim() || null,
		};
		try {
			if (contractor)
				await call(
					api.PUT("/api/contractors/{id}", {
						params: { path: { id: contractor.id } },
						body: { ...body, version: contractor.version },
					}),
				);
			else await call(api.POST("/api/contractors", { body }));
			onClose(true);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const fields = [
		["code", t("contracts.contractors.code"), true, 40],
		["name", t("contracts.contractors.name"), true, 200],
		["address", t("contracts.contractors.address"), false, 400],
		["contact", t("contracts.contractors.contact"), false, 400],
		["notes", t("contracts.contractors.notes"), false, 2000],
	] as const;
	return (
		<Dialog
			title={contractor ? t("contracts.contractors.editTitle") : t("contracts.contractors.create")}
			onClose={() => onClose()}
		>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				{fields.map(([key, label, required, max]) => (
					<Field key={key} label={label} required={required}>
						{(id) => (
							<input
								id={id}
								name={key}
								required={required}
								maxLength={max}
								value={form[key]}
								onChange={(event) => setForm({ ...form, [key]: event.target.value })}
							/>
						)}
					</Field>
				))}
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
