import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { GroupMappings } from "./GroupMappings.tsx";

type Config = Schemas["OidcConfig"];
type Settings = NonNullable<Config["settings"]>;

const EMPTY: Settings = {
	issuer: "https://",
	clientId: "",
	redirectUri: `${window.location.origin}/login/oidc`,
	scopes: "openid profile email",
	claims: {
		employeeNumber: "employeeid",
		displayName: "name",
		mail: "email",
		groups: "groups",
		loginName: "preferred_username",
	},
	mfaAmr: ["mfa"],
	mfaAcr: [],
	timeoutMs: 5000,
	clockToleranceSeconds: 60,
};

const TEXT_FIELDS = ["issuer", "clientId", "redirectUri", "scopes"] as const;
const CLAIMS = ["employeeNumber", "displayName", "mail", "groups", "loginName"] as const;
const list = (text: string) =>
	text
		.split(/[\s,]+/)
		.map((v) => v.trim())
		.filter(Boolean);

/**
 * The tenant's OpenID Connect provider: issuer, client (the secret is written, never shown),
 * claim names, the amr/acr values taken as MFA, a discovery test, and its group-claim mapping.
 */
export function OidcSettingsSection() {
	const { t } = useI18n();
	const [config, setConfig] = useState<Config | null>(null);
	const [settings, setSettings] = useState<Settings>(EMPTY);
	const [amr, setAmr] = useState(EMPTY.mfaAmr.join(", "));
	const [acr, setAcr] = useState("");
	const [enabled, setEnabled] = useState(false);
	const [secret, setSecret] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [found, setFound] = useState<Schemas["OidcTestResult"] | null>(null);

	const load = useCallback((next: Config) => {
		setConfig(next);
		setEnabled(next.enabled);
		if (next.settings) {
			setSettings(next.settings);
			setAmr(next.settings.mfaAmr.join(", "));
			setAcr(next.settings.mfaAcr.join(", "));
		}
	}, []);
	const reload = useCallback(
		() => call(api.GET("/api/directory/oidc")).then(load, setError),
		[load],
	);
	useEffect(() => {
		void reload();
	}, [reload]);

	async function run<T>(work: Promise<T>, then: (value: T) => void) {
		setError(null);
		try {
			then(await work);
		} catch (failure) {
			setError(failure);
		}
	}

	function save(event: FormEvent) {
		event.preventDefault();
		const body = {
			enabled,
			settings: { ...settings, mfaAmr: list(amr), mfaAcr: list(acr) },
			clientSecret: secret || null,
			version: config?.version ?? null,
		};
		void run(call(api.PUT("/api/directory/oidc", { body })), (next) => {
			setSecret("");
			load(next);
		});
	}

	return (
		<section aria-labelledby="oidc-heading">
			<h2 id="oidc-heading">{t("oidc.title")}</h2>
			<p className="hint">{t("oidc.lead")}</p>
			<ErrorAlert error={error} />
			<form className="form" onSubmit={save}>
				{TEXT_FIELDS.map((name) => (
					<Field key={name} label={t(`oidc.field.${name}`)} required>
						{(id) => (
							<input
								id={id}
								value={settings[name]}
								required
								onChange={(e) => setSettings({ ...settings, [name]: e.target.value })}
							/>
						)}
					</Field>
				))}
				{CLAIMS.map((name) => (
					<Field key={name} label={t(`oidc.claim.${name}`)} required>
						{(id) => (
							<input
								id={id}
								value={settings.claims[name]}
								required
								onChange={(e) =>
									setSettings({
										...settings,
										claims: { ...settings.claims, [name]: e.target.value },
									})
								}
							/>
						)}
					</Field>
				))}
				<Field label={t("oidc.field.mfaAmr")}>
					{(id) => <input id={id} value={amr} onChange={(e) => setAmr(e.target.value)} />}
				</Field>
				<Field label={t("oidc.field.mfaAcr")}>
					{(id) => <input id={id} value={acr} onChange={(e) => setAcr(e.target.value)} />}
				</Field>
				<Field label={t(config?.clientSecretSet ? "oidc.field.secretKeep" : "oidc.field.secret")}>
					{(id) => (
						<input
							id={id}
							type="password"
							autoComplete="new-password"
							value={secret}
							onChange={(e) => setSecret(e.target.value)}
						/>
					)}
				</Field>
				<label className="checkbox">
					<input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
					{t("oidc.field.enabled")}
				</label>
				<div className="form-actions">
					<button type="submit" className="button button-primary">
						{t("oidc.save")}
					</button>{" "}
					<button
						type="button"
						className="button"
						onClick={() => void run(call(api.POST("/api/directory/oidc/test")), setFound)}
					>
						{t("oidc.test")}
					</button>
				</div>
			</form>
			{found && (
				<dl className="details" aria-live="polite">
					<dt>{t("oidc.found.issuer")}</dt>
					<dd>{found.issuer}</dd>
					<dt>{t("oidc.found.authorization")}</dt>
					<dd>{found.authorizationEndpoint ?? "—"}</dd>
					<dt>{t("oidc.found.jwks")}</dt>
					<dd>{found.jwksUri ?? "—"}</dd>
					<dt>{t("oidc.found.claims")}</dt>
					<dd>{found.claimsSupported.join(", ") || "—"}</dd>
					<dt>{t("oidc.found.acr")}</dt>
					<dd>{found.acrValuesSupported.join(", ") || "—"}</dd>
				</dl>
			)}

			<h3>{t("oidc.mappings")}</h3>
			<GroupMappings
				connection="oidc"
				mappings={config?.mappings ?? []}
				groupLabel={t("oidc.group")}
				addLabel={t("oidc.addMapping")}
				onChanged={() => void reload()}
				onError={setError}
			/>
		</section>
	);
}
