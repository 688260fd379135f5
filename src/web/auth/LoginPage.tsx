import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert, StatusMessage } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { useSession } from "../session.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

const LAST_TENANT = "mamori.tenant";
/** The page the OpenID provider sends the browser back to (the redirect URI registered there). */
const OIDC_CALLBACK_PATH = "/login/oidc";

function lastTenant(): string {
	try {
		return localStorage.getItem(LAST_TENANT) ?? "";
	} catch {
		return "";
	}
}

const NO_DIRECTORY = { directory: null, oidc: false, localPassword: true } as const;

/**
 * Step one: organisation, then the tenant's OpenID provider (first), its directory, or a local
 * password; also where the OpenID provider sends the browser back to (`/login/oidc`).
 */
export function LoginPage() {
	const { t } = useI18n();
	const { setSession, notice } = useSession();
	const [tenants, setTenants] = useState<{ slug: string; name: string }[]>([]);
	const [tenant, setTenant] = useState(lastTenant);
	const [username, setUsername] = useState("");
	const [password, setPassword] = useState("");
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<unknown>(null);
	const [options, setOptions] = useState<{
		directory: "ldap" | null;
		oidc: boolean;
		localPassword: boolean;
	}>(NO_DIRECTORY);

	// Back from the OpenID provider: finish at the tenant the sign-in started from. The address
	// is put back to "/" first, so the answer (used once) is never sent twice.
	useEffect(() => {
		if (window.location.pathname !== OIDC_CALLBACK_PATH) return;
		const search = window.location.search;
		window.history.replaceState(null, "", "/");
		const startedAt = lastTenant();
		if (!search || !startedAt) return;
		setBusy(true);
		call(api.POST("/api/auth/oidc/callback", { body: { tenant: startedAt, search } }))
			.then((info) => setSession(info.session), setError)
			.finally(() => setBusy(false));
	}, [setSession]);

	// The tenant's directory sign-in comes first when it has one; the local password second. An
	// answer for a tenant no longer chosen is dropped, so the form always fits the chosen tenant.
	useEffect(() => {
		if (!tenant) {
			setOptions(NO_DIRECTORY);
			return;
		}
		let current = true;
		call(api.GET("/api/auth/sign-in-options", { params: { query: { tenant } } })).then(
			(answer) => current && setOptions(answer),
			() => current && setOptions(NO_DIRECTORY),
		);
		return () => {
			current = false;
		};
	}, [tenant]);

	useEffect(() => {
		call(api.GET("/api/auth/tenants")).then(
			({ items }) => {
				setTenants(items);
				setTenant((current) => {
					if (items.some((item) => item.slug === current)) return current;
					return items.length === 1 && items[0] ? items[0].slug : "";
				});
			},
			(failure: unknown) => setError(failure),
		);
	}, []);

	function rememberTenant() {
		try {
			localStorage.setItem(LAST_TENANT, tenant);
		} catch {
			// only a convenience (and where the OpenID sign-in comes back to)
		}
	}

	async function startOidc() {
		setBusy(true);
		setError(null);
		try {
			const { authorizationUrl } = await call(
				api.POST("/api/auth/oidc/start", { body: { tenant } }),
			);
			rememberTenant();
			window.location.assign(authorizationUrl);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	async function submit(event: FormEvent) {
		event.preventDefault();
		const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
		const viaDirectory = options.directory !== null && submitter?.name !== "local";
		setBusy(true);
		setError(null);
		try {
			const body = { tenant, username, password };
			const info = await call(
				viaDirectory
					? api.POST("/api/auth/directory/login", { body })
					: api.POST("/api/auth/login", { body }),
			);
			rememberTenant();
			setSession(info.session);
		} catch (failure) {
			setError(failure);
			setPassword("");
		} finally {
			setBusy(false);
		}
	}

	const noticeText =
		notice === "sessionEnded"
			? t("login.sessionEnded")
			: notice === "loggedOut"
				? t("login.loggedOut")
				: null;

	return (
		<AuthLayout title={t("login.title")} lead={t("login.lead")}>
			<StatusMessage>{noticeText}</StatusMessage>
			<form className="form" onSubmit={submit} aria-busy={busy}>
				<ErrorAlert error={error} />
				<Field label={t("login.tenant")} required>
					{(id) => (
						<select
							id={id}
							name="tenant"
							required
							value={tenant}
							onChange={(event) => setTenant(event.target.value)}
						>
							<option value="">{t("login.tenantChoose")}</option>
							{tenants.map((item) => (
								<option key={item.slug} value={item.slug}>
									{item.name}
								</option>
							))}
						</select>
					)}
				</Field>
				{options.oidc ? (
					<div className="form-actions">
						<button
							type="button"
							className="button button-primary button-wide"
							disabled={busy || !tenant}
							onClick={() => void startOidc()}
						>
							{t("directory.login.oidc")}
						</button>
						<p className="hint">
							{options.localPassword
								? t("directory.login.oidcHint")
								: t("directory.login.breakGlassHint")}
						</p>
					</div>
				) : null}
				<Field label={t("login.username")} required>
					{(id) => (
						<input
							id={id}
							name="username"
							autoComplete="username"
							autoCapitalize="none"
							spellCheck={false}
							required
							value={username}
							onChange={(event) => setUsername(event.target.value)}
						/>
					)}
				</Field>
				<Field label={t("login.password")} required>
					{(id) => (
						<input
							id={id}
							name="password"
							type="password"
							autoComplete="current-password"
							required
							value={password}
							onChange={(event) => setPassword(event.target.value)}
						/>
					)}
				</Field>
				{options.directory ? (
					<div className="form-actions">
						<button
							type="submit"
							name="directory"
							className={options.oidc ? "button button-wide" : "button button-primary button-wide"}
							disabled={busy}
						>
							{t("directory.login.submit")}
						</button>
						<p className="hint">
							{options.localPassword
								? t("directory.login.localHint")
								: t("directory.login.breakGlassHint")}
						</p>
						<button type="submit" name="local" className="button button-wide" disabled={busy}>
							{t("directory.login.local")}
						</button>
					</div>
				) : (
					<div className="form-actions">
						<button
							type="submit"
							className={options.oidc ? "button button-wide" : "button button-primary button-wide"}
							disabled={busy}
						>
							{t(options.oidc ? "directory.login.local" : "login.submit")}
						</button>
					</div>
				)}
			</form>
		</AuthLayout>
	);
}
