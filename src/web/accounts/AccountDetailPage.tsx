import { useCallback, useEffect, useState } from "react";
import { type Account, api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useOrgUnits } from "../org/useOrgUnits.ts";
import { Link } from "../router.tsx";
import { AccountActions } from "./AccountActions.tsx";
import { AccountStatus, MfaStatus } from "./AccountBadges.tsx";
import { RoleAssignments } from "./RoleAssignments.tsx";

/** One account: its details, the actions the caller may take, and its role assignments. */
export function AccountDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date } = useDates();
	const orgUnits = useOrgUnits();
	const [account, setAccount] = useState<Account | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);

	const load = useCallback(async () => {
		try {
			setAccount(await call(api.GET("/api/accounts/{id}", { params: { path: { id } } })));
		} catch (failure) {
			setError(failure);
		}
	}, [id]);

	useEffect(() => {
		void load();
	}, [load]);

	const changed = useCallback((next: Account, message: string | null) => {
		setAccount(next);
		setStatus(message);
	}, []);

	return (
		<section className="page">
			<p className="breadcrumb">
				<Link to="/accounts">{t("accounts.backToList")}</Link>
			</p>
			<div className="page-header">
				<h1>
					{account ? account.displayName : t("accounts.detailTitle")}
					{account ? <span className="heading-sub">{account.username}</span> : null}
				</h1>
				{account ? <AccountActions account={account} onChanged={changed} /> : null}
			</div>
			<ErrorAlert error={error} />
			{account ? (
				<>
					<StatusMessage>{status}</StatusMessage>
					<section className="card" aria-labelledby="account-details">
						<h2 id="account-details">{t("accounts.detailTitle")}</h2>
						<dl className="details">
							<dt>{t("accounts.username")}</dt>
							<dd>{account.username}</dd>
							<dt>{t("accounts.displayName")}</dt>
							<dd>{account.displayName}</dd>
							<dt>{t("accounts.email")}</dt>
							<dd>{account.email ?? <span className="muted">{t("common.none")}</span>}</dd>
							<dt>{t("accounts.worksInMynumber")}</dt>
							<dd>{t(account.worksInMynumber ? "common.yes" : "common.no")}</dd>
							<dt>{t("accounts.mfa")}</dt>
							<dd>
								<MfaStatus account={account} />
							</dd>
							<dt>{t("accounts.status")}</dt>
							<dd>
								<AccountStatus account={account} />
							</dd>
							<dt>{t("accounts.createdAt")}</dt>
							<dd>{date(account.createdAt)}</dd>
						</dl>
					</section>
					<RoleAssignments account={account} orgUnits={orgUnits} onChanged={changed} />
				</>
			) : null}
		</section>
	);
}
