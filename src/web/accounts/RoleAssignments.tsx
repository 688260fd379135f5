import { useState } from "react";
import { type Account, api, call, type RoleAssignment } from "../api/client.ts";
import { ConfirmDialog } from "../components/Dialog.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { useOrgUnits } from "../org/useOrgUnits.ts";
import { RoleAssignForm } from "./RoleAssignForm.tsx";

interface Props {
	account: Account;
	orgUnits: ReturnType<typeof useOrgUnits>;
	onChanged(account: Account, message: string | null): void;
}

/** The last day an assignment holds, for an exclusive end instant. */
function lastDay(iso: string): string {
	return new Date(Date.parse(iso) - 1).toISOString();
}

/** An account's role assignments (current and past), with revoke and assign where allowed. */
export function RoleAssignments({ account, orgUnits, onChanged }: Props) {
	const { t, label } = useI18n();
	const { date } = useDates();
	const [revoking, setRevoking] = useState<RoleAssignment | null>(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const canRevoke = account.allowedActions.includes("role.revoke");
	const canAssign = account.allowedActions.includes("role.assign");

	async function revoke(assignment: RoleAssignment) {
		setBusy(true);
		setError(null);
		try {
			const params = { path: { id: account.id, assignmentId: assignment.id } };
			onChanged(
				await call(api.DELETE("/api/accounts/{id}/roles/{assignmentId}", { params })),
				null,
			);
			setRevoking(null);
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section className="card" aria-labelledby="role-assignments">
			<h2 id="role-assignments">{t("roles.title")}</h2>
			{account.roles.length === 0 ? (
				<p className="muted">{t("roles.none")}</p>
			) : (
				<div className="table-wrap">
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t("roles.role")}</th>
								<th scope="col">{t("roles.orgUnit")}</th>
								<th scope="col">{t("roles.validFrom")}</th>
								<th scope="col">{t("roles.validTo")}</th>
								<th scope="col">{t("roles.state")}</th>
								{canRevoke ? <th scope="col">{t("common.actions")}</th> : null}
							</tr>
						</thead>
						<tbody>
							{account.roles.map((assignment) => {
								const unit = assignment.orgUnitId
									? orgUnits.byId.get(assignment.orgUnitId)
									: undefined;
								return (
									<tr key={assignment.id}>
										<td>{label("role", assignment.role)}</td>
										<td>
											{unit
												? `${unit.name} (${unit.code})`
												: (assignment.orgUnitId ?? t("roles.wholeTenant"))}
										</td>
										<td className="nowrap">{date(assignment.validFrom)}</td>
										<td className="nowrap">
											{assignment.validTo ? date(lastDay(assignment.validTo)) : "—"}
										</td>
										<td>
											<span className={assignment.inForce ? "badge badge-ok" : "badge badge-muted"}>
												{t(assignment.inForce ? "roles.inForce" : "roles.notInForce")}
											</span>
										</td>
										{canRevoke ? (
											<td>
												{assignment.inForce ? (
													<button
														type="button"
														className="button button-small"
														aria-label={`${t("roles.revoke")}: ${label("role", assignment.role)}`}
														onClick={() => {
															setError(null);
															setRevoking(assignment);
														}}
													>
														{t("roles.revoke")}
													</button>
												) : null}
											</td>
										) : null}
									</tr>
								);
							})}
						</tbody>
					</table>
				</div>
			)}
			{canAssign ? (
				<RoleAssignForm
					account={account}
					units={orgUnits.units}
					onAssigned={(next) => onChanged(next, null)}
				/>
			) : null}
			{revoking ? (
				<ConfirmDialog
					title={t("roles.revoke")}
					message={t("roles.confirmRevoke", {
						name: account.displayName,
						role: label("role", revoking.role),
					})}
					confirmLabel={t("roles.revoke")}
					danger
					busy={busy}
					error={error}
					onConfirm={() => void revoke(revoking)}
					onClose={() => setRevoking(null)}
				/>
			) : null}
		</section>
	);
}
