import { type FormEvent, useState } from "react";
import { type Account, api, call, type OrgUnit, type Role } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { endOfJapanDay } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { inTreeOrder } from "../org/useOrgUnits.ts";
import { useActiveSession } from "../session.tsx";
import { ROLES, UNIT_SCOPED_ROLES } from "./roles.ts";

interface Props {
	account: Account;
	units: OrgUnit[];
	onAssigned(account: Account): void;
}

function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

/** Assign a role: the org unit is asked for only when the role is held per unit. */
export function RoleAssignForm({ account, units, onAssigned }: Props) {
	const { t, label } = useI18n();
	const session = useActiveSession();
	// Only an instance administrator may hand out instance administration.
	const grantable = ROLES.filter(
		(code) =>
			code !== "staff" &&
			(code !== "instance_admin" || session.roles.some((held) => held.role === code)),
	);
	const [role, setRole] = useState<Role | "">("");
	const [orgUnitId, setOrgUnitId] = useState("");
	const [until, setUntil] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const needsUnit = role !== "" && UNIT_SCOPED_ROLES.has(role);

	async function submit(event: FormEvent) {
		event.preventDefault();
		if (!role) return;
		setBusy(true);
		setError(null);
		try {
			const body = {
				role,
				orgUnitId: needsUnit ? orgUnitId : null,
				validTo: until ? endOfJapanDay(until) : null,
			};
			const params = { path: { id: account.id } };
			onAssigned(await call(api.POST("/api/accounts/{id}/roles", { params, body })));
			setRole("");
			setOrgUnitId("");
			setUntil("");
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form subform" onSubmit={submit} aria-labelledby="role-assign-title">
			<h3 id="role-assign-title">{t("roles.assignTitle")}</h3>
			<ErrorAlert error={error} />
			<div className="form-row">
				<Field label={t("roles.role")} required>
					{(id) => (
						<select
							id={id}
							required
							value={role}
							onChange={(event) => setRole(isRole(event.target.value) ? event.target.value : "")}
						>
							<option value="">{t("roles.chooseRole")}</option>
							{grantable.map((code) => (
								<option key={code} value={code}>
									{label("role", code)}
								</option>
							))}
						</select>
					)}
				</Field>
				{needsUnit ? (
					<Field
						label={t("roles.orgUnit")}
						hint={units.length === 0 ? t("roles.noOrgUnits") : t("roles.orgUnitRequired")}
						required
					>
						{(id, describedBy) => (
							<select
								id={id}
								required
								aria-describedby={describedBy}
								value={orgUnitId}
								onChange={(event) => setOrgUnitId(event.target.value)}
							>
								<option value="">{t("roles.chooseOrgUnit")}</option>
								{inTreeOrder(units).map(({ unit, depth }) => (
									<option key={unit.id} value={unit.id}>
										{`${"　".repeat(depth)}${unit.name} (${unit.code})`}
									</option>
								))}
							</select>
						)}
					</Field>
				) : null}
				<Field
					label={`${t("roles.validToInput")}${t("common.optional")}`}
					hint={t("roles.validToHint")}
				>
					{(id, describedBy) => (
						<input
							id={id}
							type="date"
							aria-describedby={describedBy}
							value={until}
							onChange={(event) => setUntil(event.target.value)}
						/>
					)}
				</Field>
			</div>
			<div className="form-actions">
				<button type="submit" className="button button-primary" disabled={busy || !role}>
					{t("roles.assign")}
				</button>
			</div>
		</form>
	);
}
