import { type FormEvent, useCallback, useEffect, useState } from "react";
import { type Account, api, call } from "../api/client.ts";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useOrgUnits } from "../org/useOrgUnits.ts";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { AccountStatus, MfaStatus, RoleTags } from "./AccountBadges.tsx";
import { AccountCreateDialog } from "./AccountCreateDialog.tsx";

const PAGE_SIZE = 50;

/** Accounts of the tenant: search, page through, open one, create one. */
export function AccountsPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const { byId } = useOrgUnits();
	// The search and page live in the address: reload, back and a shared link keep them.
	const list = useUrlFilter({ q: "" });
	const { offset, setOffset } = list;
	const search = list.filter.q;
	const [query, setQuery] = useState(search);
	useEffect(() => setQuery(search), [search]);
	const [page, setPage] = useState<{ items: Account[]; total: number; offset: number } | null>(
		null,
	);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	// No account at all (no search): the empty state explains it and carries the action.
	const empty = page !== null && page.total === 0 && !search;

	const load = useCallback(async () => {
		try {
			const params = { query: { limit: PAGE_SIZE, offset, ...(search ? { q: search } : {}) } };
			const result = await call(api.GET("/api/accounts", { params }));
			// The range shown moves with the rows it describes, not ahead of them.
			setPage({ ...result, offset });
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [search, offset]);

	useEffect(() => {
		void load();
	}, [load]);

	function submit(event: FormEvent) {
		event.preventDefault();
		list.apply({ q: query.trim() });
	}

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("accounts.title")}</h1>
				{can("account.create") && !empty ? (
					<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
						{t("accounts.create")}
					</button>
				) : null}
			</div>

			<search>
				<form className="toolbar" onSubmit={submit}>
					<label htmlFor="account-search">{t("accounts.searchLabel")}</label>
					<input
						id="account-search"
						type="search"
						value={query}
						onChange={(event) => setQuery(event.target.value)}
					/>
					<button type="submit" className="button">
						{t("common.search")}
					</button>
				</form>
			</search>

			<ErrorAlert error={error} />
			{page ? (
				<>
					<div className="table-wrap">
						<table className="table">
							<caption className="visually-hidden">{t("accounts.title")}</caption>
							<thead>
								<tr>
									<th scope="col">{t("accounts.username")}</th>
									<th scope="col">{t("accounts.displayName")}</th>
									<th scope="col">{t("accounts.roles")}</th>
									<th scope="col">{t("accounts.mfa")}</th>
									<th scope="col">{t("accounts.status")}</th>
									<th scope="col">{t("accounts.createdAt")}</th>
								</tr>
							</thead>
							<tbody>
								{page.items.map((account) => (
									<tr key={account.id}>
										<td>
											<Link to={`/accounts/${encodeURIComponent(account.id)}`}>
												{account.username}
											</Link>
										</td>
										<td>{account.displayName}</td>
										<td>
											<RoleTags roles={account.roles} units={byId} />
										</td>
										<td>
											<MfaStatus account={account} />
										</td>
										<td>
											<AccountStatus account={account} />
										</td>
										<td className="nowrap">{date(account.createdAt)}</td>
									</tr>
								))}
							</tbody>
						</table>
						{page.items.length === 0 && !empty ? (
							<p className="empty">{t("empty.filtered")}</p>
						) : null}
						{empty ? (
							<EmptyState
								testId="accounts-empty"
								title={t("empty.accounts.title")}
								guidance={t("empty.accounts.guidance", { create: t("accounts.create") })}
								action="account.create"
							>
								<button
									type="button"
									className="button button-primary"
									onClick={() => setCreating(true)}
								>
									{t("accounts.create")}
								</button>
							</EmptyState>
						) : null}
					</div>
					<Pagination
						offset={page.offset}
						limit={PAGE_SIZE}
						total={page.total}
						onChange={setOffset}
					/>
				</>
			) : null}

			{creating ? (
				<AccountCreateDialog
					onClose={(created) => {
						setCreating(false);
						if (created) navigate(`/accounts/${encodeURIComponent(created.id)}`);
					}}
				/>
			) : null}
		</section>
	);
}
