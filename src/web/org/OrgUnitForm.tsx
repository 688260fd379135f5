import { type FormEvent, useState } from "react";
import { api, call, type OrgUnit, type OrgUnitKind } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { inTreeOrder } from "./useOrgUnits.ts";

const KINDS = [
	"agency",
	"department",
	"section",
	"subsection",
	"system",
] as const satisfies readonly OrgUnitKind[];

function isKind(value: string): value is OrgUnitKind {
	return (KINDS as readonly string[]).includes(value);
}

/** Add an org unit under a parent (or at the top). */
export function OrgUnitForm({
	units,
	onCreated,
}: {
	units: OrgUnit[];
	onCreated(): Promise<void>;
}) {
	const { t, label } = useI18n();
	const [code, setCode] = useState("");
	const [name, setName] = useState("");
	const [kind, setKind] = useState<OrgUnitKind>("department");
	const [parentId, setParentId] = useState("");
	const [order, setOrder] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		setStatus(null);
		try {
			const body = {
				code: code.trim(),
				name: name.trim(),
				kind,
				parentId: parentId || null,
				...(order.trim() === "" ? {} : { displayOrder: Number(order) }),
			};
			const created = await call(api.POST("/api/org-units", { body }));
			await onCreated();
			setStatus(t("org.created", { name: created.name }));
			setCode("");
			setName("");
			setOrder("");
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="card form" onSubmit={submit} aria-labelledby="org-create-title">
			<h2 id="org-create-title">{t("org.create")}</h2>
			<ErrorAlert error={error} fields={{ code: t("org.code"), parentId: t("org.parent") }} />
			<StatusMessage>{status}</StatusMessage>
			<div className="form-row">
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
				<Field label={t("org.name")} required className="field-grow">
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
				<Field label={t("org.kind")} required>
					{(id) => (
						<select
							id={id}
							value={kind}
							onChange={(event) => {
								if (isKind(event.target.value)) setKind(event.target.value);
							}}
						>
							{KINDS.map((value) => (
								<option key={value} value={value}>
									{label("org.kind", value)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("org.parent")}>
					{(id) => (
						<select id={id} value={parentId} onChange={(event) => setParentId(event.target.value)}>
							<option value="">{t("org.noParent")}</option>
							{inTreeOrder(units).map(({ unit, depth }) => (
								<option key={unit.id} value={unit.id}>
									{`${"　".repeat(depth)}${unit.name} (${unit.code})`}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("adoption.displayOrder")}>
					{(id) => (
						<input
							id={id}
							type="number"
							min={0}
							max={999999}
							step={1}
							value={order}
							onChange={(event) => setOrder(event.target.value)}
						/>
					)}
				</Field>
			</div>
			<div className="form-actions">
				<button type="submit" className="button button-primary" disabled={busy}>
					{t("org.createSubmit")}
				</button>
			</div>
		</form>
	);
}
