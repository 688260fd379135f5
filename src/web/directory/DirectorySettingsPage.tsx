import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { GroupMappings } from "./GroupMappings.tsx";
import { OidcSettingsSection } from "./OidcSettingsSection.tsx";

type Config = Schemas["DirectoryConfig"];
type Settings = NonNullable<Config["settings"]>;

const EMPTY: Settings = {
	url: "ldaps://",
	startTls: false,
	caCertificate: null,
	bindDn: "",
	baseDn: "",
	userFilter: "(&(objectCategory=person)(objectClass=user)(sAMAccountName={user}))",
	disabledFilter: "(userAccountControl:1.2.840.113556.1.4.803:=2)",
	groupFilter: "(objectClass=group)",
	attributes: {
		loginName: "sAMAccountName",
		displayName: "displayName",
		mail: "mail",
		employeeNumber: "employeeID",
		department: "department",
	},
	timeoutMs: 5000,
};

const TEXT_FIELDS = ["url", "bindDn", "baseDn", "userFilter", "groupFilter"] as const;
const ATTRIBUTES = ["loginName", "displayName", "mail", "employeeNumber", "department"] as const;

/**
 * The tenant administrator's directory sign-in: the LDAP / Active Directory connection (the bind
 * password is written, never shown), a test look-up of a person, the mapping of groups to roles,
 * whether local passwords stay open to everyone, and a sync with its dry run.
 */
export function DirectorySettingsPage() {
	const { t } = useI18n();
	const [config, setConfig] = useState<Config | null>(null);
	const [settings, setSettings] = useState<Settings>(EMPTY);
	const [enabled, setEnabled] = useState(false);
	const [bindPassword, setBindPassword] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [testUser, setTestUser] = useState("");
	const [testResult, setTestResult] = useState<Schemas["DirectoryTestResult"] | null>(null);
	const [sync, setSync] = useState<Schemas["DirectorySyncResult"] | null>(null);

	const load = useCallback((next: Config) => {
		setConfig(next);
		setEnabled(next.enabled);
		if (next.settings) setSettings(next.settings);
	}, []);
	useEffect(() => {
		call(api.GET("/api/directory/config")).then(load, setError);
	}, [load]);

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
			settings,
			bindPassword: bindPassword || null,
			version: config?.version ?? null,
		};
		void run(call(api.PUT("/api/directory/config", { body })), (next) => {
			setBindPassword("");
			load(next);
		});
	}

	return (
		<main className="page">
			<h1>{t("directory.title")}</h1>
			<p className="lead">{t("directory.lead")}</p>
			<ErrorAlert error={error} />
			<form className="form" onSubmit={save}>
				<h2>{t("directory.connection")}</h2>
				{TEXT_FIELDS.map((name) => (
					<Field key={name} label={t(`directory.field.${name}`)} required>
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
				<Field label={t("directory.field.disabledFilter")}>
					{(id) => (
						<input
							id={id}
							value={settings.disabledFilter ?? ""}
							onChange={(e) => setSettings({ ...settings, disabledFilter: e.target.value || null })}
						/>
					)}
				</Field>
				{ATTRIBUTES.map((name) => (
					<Field key={name} label={t(`directory.attr.${name}`)} required>
						{(id) => (
							<input
								id={id}
								value={settings.attributes[name]}
								required
								onChange={(e) =>
									setSettings({
										...settings,
										attributes: { ...settings.attributes, [name]: e.target.value },
									})
								}
							/>
						)}
					</Field>
				))}
				<Field label={t("directory.field.caCertificate")}>
					{(id) => (
						<textarea
							id={id}
							rows={4}
							value={settings.caCertificate ?? ""}
							onChange={(e) => setSettings({ ...settings, caCertificate: e.target.value || null })}
						/>
					)}
				</Field>
				<label className="checkbox">
					<input
						type="checkbox"
						checked={settings.startTls}
						onChange={(e) => setSettings({ ...settings, startTls: e.target.checked })}
					/>
					{t("directory.field.startTls")}
				</label>
				<Field
					label={
						config?.bindPasswordSet
							? t("directory.field.bindPasswordKeep")
							: t("directory.field.bindPassword")
					}
				>
					{(id) => (
						<input
							id={id}
							type="password"
							autoComplete="new-password"
							value={bindPassword}
							onChange={(e) => setBindPassword(e.target.value)}
						/>
					)}
				</Field>
				<label className="checkbox">
					<input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
					{t("directory.field.enabled")}
				</label>
				<div className="form-actions">
					<button type="submit" className="button button-primary">
						{t("directory.save")}
					</button>
				</div>
			</form>

			<section>
				<h2>{t("directory.test")}</h2>
				<form
					className="form"
					onSubmit={(e) => {
						e.preventDefault();
						void run(
							call(api.POST("/api/directory/test", { body: { user: testUser } })),
							setTestResult,
						);
					}}
				>
					<Field label={t("directory.testUser")} required>
						{(id) => (
							<input
								id={id}
								required
								value={testUser}
								onChange={(e) => setTestUser(e.target.value)}
							/>
						)}
					</Field>
					<button type="submit" className="button">
						{t("directory.testRun")}
					</button>
				</form>
				{testResult && (
					<dl className="details" aria-live="polite">
						<dt>{t("directory.testDn")}</dt>
						<dd>{testResult.found ? testResult.dn : t("directory.testNotFound")}</dd>
						{ATTRIBUTES.map((name) => (
							<div key={name}>
								<dt>{t(`directory.attr.${name}`)}</dt>
								<dd>{testResult.attributes[name] ?? "—"}</dd>
							</div>
						))}
						<dt>{t("directory.testGroups")}</dt>
						<dd>{testResult.groups.join(", ") || "—"}</dd>
						<dt>{t("directory.testRoles")}</dt>
						<dd>{testResult.roles.map((r) => t(`role.${r.role}`)).join(", ") || "—"}</dd>
						<dt>{t("directory.testAccount")}</dt>
						<dd>{testResult.accountUsername ?? t("directory.testNoAccount")}</dd>
					</dl>
				)}
			</section>

			<OidcSettingsSection />

			<section>
				<h2>{t("directory.mappings")}</h2>
				<GroupMappings
					connection="ldap"
					mappings={config?.mappings ?? []}
					groupLabel={t("directory.group")}
					addLabel={t("directory.addMapping")}
					onChanged={() => void call(api.GET("/api/directory/config")).then(load, setError)}
					onError={setError}
				/>
			</section>

			<section>
				<h2>{t("directory.localPassword")}</h2>
				<Field label={t("directory.localPassword")}>
					{(id) => (
						<select
							id={id}
							value={config?.localPassword ?? "everyone"}
							onChange={(e) =>
								void run(
									call(
										api.PUT("/api/directory/sign-in-settings", {
											body: { localPassword: e.target.value as "everyone" | "break_glass_only" },
										}),
									),
									load,
								)
							}
						>
							<option value="everyone">{t("directory.local.everyone")}</option>
							<option value="break_glass_only">{t("directory.local.breakGlass")}</option>
						</select>
					)}
				</Field>
			</section>

			<section>
				<h2>{t("directory.sync")}</h2>
				<p className="hint">{t("directory.syncHint")}</p>
				<button
					type="button"
					className="button"
					onClick={() =>
						void run(call(api.POST("/api/directory/sync", { body: { dryRun: true } })), setSync)
					}
				>
					{t("directory.syncDryRun")}
				</button>{" "}
				<button
					type="button"
					className="button button-primary"
					onClick={() =>
						void run(call(api.POST("/api/directory/sync", { body: { dryRun: false } })), setSync)
					}
				>
					{t("directory.syncApply")}
				</button>
				{sync && (
					<div aria-live="polite">
						<p>
							{t("directory.syncSummary", {
								people: sync.people,
								groups: sync.groups,
								changes: sync.changes.length,
							})}
						</p>
						<ul>
							{sync.changes.map((c) => (
								<li key={c.accountId}>
									{c.username}: {c.gains.map((g) => `+${t(`role.${g.role}`)}`).join(" ")}{" "}
									{c.losses.map((l) => `−${t(`role.${l.role}`)}`).join(" ")}{" "}
									{c.account ? t(`directory.account.${c.account}`) : ""}
								</li>
							))}
						</ul>
					</div>
				)}
			</section>
		</main>
	);
}
