import type { Account, OrgUnit, RoleAssignment } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** The roles in force, each with its org unit when it is held per unit. */
export function RoleTags({
	roles,
	units,
}: {
	roles: RoleAssignment[];
	units: ReadonlyMap<string, OrgUnit>;
}) {
	const { label } = useI18n();
	const current = roles.filter((role) => role.inForce);
	if (current.length === 0) return <span className="muted">{label("role", "staff")}</span>;
	return (
		<ul className="tag-list">
			{current.map((role) => {
				const unit = role.orgUnitId ? units.get(role.orgUnitId) : undefined;
				return (
					<li key={role.id} className="tag">
						{label("role", role.role)}
						{unit ? <span className="tag-extra">{unit.name}</span> : null}
					</li>
				);
			})}
		</ul>
	);
}

export function MfaStatus({ account }: { account: Account }) {
	const { t } = useI18n();
	return account.mfaEnrolled ? (
		<span className="badge badge-ok">{t("accounts.mfaEnrolled")}</span>
	) : (
		<span className="badge badge-muted">{t("accounts.mfaNotEnrolled")}</span>
	);
}

export function AccountStatus({ account }: { account: Account }) {
	const { t } = useI18n();
	if (account.disabled)
		return <span className="badge badge-danger">{t("accounts.statusDisabled")}</span>;
	return (
		<span className="badge-group">
			<span className="badge badge-ok">{t("accounts.statusActive")}</span>
			{account.mustChangePassword ? (
				<span className="badge badge-warn">{t("accounts.statusMustChange")}</span>
			) : null}
		</span>
	);
}
