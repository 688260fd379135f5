import type { Schemas } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { scopeKey } from "./scope-labels.ts";

type ApiToken = Schemas["ApiToken"];

interface Props {
	items: ApiToken[];
	busy: boolean;
	onRevoke(token: ApiToken): void;
}

/** The tenant's tokens: client, scopes, expiry, made, last use and state, each revocable. */
export function ApiTokenRows({ items, busy, onRevoke }: Props) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	return (
		<div className="table-wrap">
			<table className="table">
				<caption className="visually-hidden">{t("apiTokens.list")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("apiTokens.col.client")}</th>
						<th scope="col">{t("apiTokens.col.scopes")}</th>
						<th scope="col">{t("apiTokens.col.expires")}</th>
						<th scope="col">{t("apiTokens.col.created")}</th>
						<th scope="col">{t("apiTokens.col.lastUsed")}</th>
						<th scope="col">{t("apiTokens.col.state")}</th>
						<th scope="col">{t("apiTokens.col.actions")}</th>
					</tr>
				</thead>
				<tbody>
					{items.map((token) => (
						<tr key={token.id} data-state={token.state}>
							<td>
								{token.clientName}
								<div className="muted mono">{token.tokenPrefix}…</div>
							</td>
							<td>{token.scopes.map((scope) => t(scopeKey(scope))).join("、")}</td>
							<td>{dateTime(token.expiresAt)}</td>
							<td>
								{dateTime(token.createdAt)}
								<div className="muted">{token.createdBy}</div>
							</td>
							<td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t("apiTokens.neverUsed")}</td>
							<td>
								{t(`apiTokens.state.${token.state}`)}
								{token.revokedAt ? <div className="muted">{dateTime(token.revokedAt)}</div> : null}
							</td>
							<td>
								{token.state === "revoked" ? null : (
									<button
										type="button"
										className="button button-danger"
										disabled={busy}
										aria-label={t("apiTokens.revokeNamed", { client: token.clientName })}
										onClick={() => onRevoke(token)}
									>
										{t("apiTokens.revoke")}
									</button>
								)}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
