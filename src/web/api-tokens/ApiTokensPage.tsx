import { type FormEvent, useCallback, useEffect, useState } from "react";
import { japanDate } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { ConfirmDialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { endOfJapanDay } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ApiTokenRows } from "./ApiTokenRows.tsx";
import { NewTokenPanel } from "./NewTokenPanel.tsx";
import { scopeKey } from "./scope-labels.ts";

type ApiToken = Schemas["ApiToken"];
type Scope = Schemas["ApiTokenInput"]["scopes"][number];

const DAY_MS = 24 * 60 * 60 * 1000;
/** The default life of a new token, and the last day one may choose (the API allows 366). */
const DEFAULT_DAYS = 90;
const LAST_DAY = 365;

/**
 * API tokens (the tenant administrator's): machine clients' tokens with their scopes, expiry and
 * last use; a new token is shown once, and a token can be revoked at once.
 */
export function ApiTokensPage() {
	const { t } = useI18n();
	const [list, setList] = useState<Schemas["ApiTokenList"] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [clientName, setClientName] = useState("");
	const [scopes, setScopes] = useState<Scope[]>([]);
	const [expiresOn, setExpiresOn] = useState(() =>
		japanDate(new Date(Date.now() + DEFAULT_DAYS * DAY_MS)),
	);
	const [busy, setBusy] = useState(false);
	const [made, setMade] = useState<Schemas["CreatedApiToken"] | null>(null);
	const [revoking, setRevoking] = useState<ApiToken | null>(null);

	const load = useCallback(async () => {
		try {
			setList(await call(api.GET("/api/api-tokens")));
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	async function act(work: () => Promise<unknown>) {
		setBusy(true);
		setError(null);
		try {
			await work();
			await load();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	function submit(event: FormEvent) {
		event.preventDefault();
		void act(async () => {
			const created = await call(
				api.POST("/api/api-tokens", {
					body: { clientName, scopes, expiresAt: endOfJapanDay(expiresOn) },
				}),
			);
			setMade(created);
			setClientName("");
			setScopes([]);
		});
	}

	const today = japanDate(new Date());
	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("apiTokens.title")}</h1>
			</div>
			<p className="lead">{t("apiTokens.lead")}</p>
			<ErrorAlert error={error} />
			{made ? <NewTokenPanel token={made} onDone={() => setMade(null)} /> : null}
			{list ? (
				<form className="form" onSubmit={submit} aria-label={t("apiTokens.create")}>
					<Field
						label={t("apiTokens.field.clientName")}
						hint={t("apiTokens.field.clientNameHint")}
						required
					>
						{(id, describedBy) => (
							<input
								id={id}
								required
								maxLength={100}
								aria-describedby={describedBy}
								value={clientName}
								onChange={(event) => setClientName(event.target.value)}
							/>
						)}
					</Field>
					<fieldset className="fieldset">
						<legend>{t("apiTokens.field.scopes")}</legend>
						{(list.scopes as Scope[]).map((scope) => (
							<label key={scope} className="choice">
								<input
									type="checkbox"
									checked={scopes.includes(scope)}
									onChange={(event) =>
										setScopes(
											event.target.checked
												? [...scopes, scope]
												: scopes.filter((chosen) => chosen !== scope),
										)
									}
								/>
								{t(scopeKey(scope))} <code>{scope}</code>
							</label>
						))}
					</fieldset>
					<Field
						label={t("apiTokens.field.expiresOn")}
						hint={t("apiTokens.field.expiresOnHint")}
						required
					>
						{(id, describedBy) => (
							<input
								id={id}
								type="date"
								required
								min={today}
								max={japanDate(new Date(Date.now() + LAST_DAY * DAY_MS))}
								aria-describedby={describedBy}
								value={expiresOn}
								onChange={(event) => setExpiresOn(event.target.value)}
							/>
						)}
					</Field>
					<div className="form-actions">
						<button
							type="submit"
							className="button button-primary"
							disabled={busy || scopes.length === 0 || clientName.trim() === ""}
						>
							{t("apiTokens.create")}
						</button>
					</div>
				</form>
			) : null}
			<h2>{t("apiTokens.list")}</h2>
			{list && list.items.length === 0 ? <p className="muted">{t("apiTokens.empty")}</p> : null}
			{list && list.items.length > 0 ? (
				<ApiTokenRows items={list.items} busy={busy} onRevoke={setRevoking} />
			) : null}
			{revoking ? (
				<ConfirmDialog
					title={t("apiTokens.revoke")}
					message={t("apiTokens.revokeConfirm", { client: revoking.clientName })}
					confirmLabel={t("apiTokens.revoke")}
					danger
					busy={busy}
					onClose={() => setRevoking(null)}
					onConfirm={() =>
						void act(async () => {
							await call(
								api.POST("/api/api-tokens/{id}/revoke", {
									params: { path: { id: revoking.id } },
								}),
							);
							setRevoking(null);
						})
					}
				/>
			) : null}
		</section>
	);
}
