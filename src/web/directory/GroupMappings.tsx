import { useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";

type Mapping = Schemas["DirectoryConfig"]["mappings"][number];

interface Props {
	/** The directory the groups come from: LDAP groups (DNs) or an OpenID provider's group claim. */
	connection: "ldap" | "oidc";
	mappings: readonly Mapping[];
	/** What a group is called for this connection (グループ DN / グループ). */
	groupLabel: string;
	addLabel: string;
	onChanged(): void;
	onError(error: unknown): void;
}

/**
 * The groups that give roles at sign-in, with a form to add one: each group maps to a role, and
 * to an org unit for the per-unit roles. LDAP and OpenID Connect keep theirs apart.
 */
export function GroupMappings({
	connection,
	mappings,
	groupLabel,
	addLabel,
	onChanged,
	onError,
}: Props) {
	const { t } = useI18n();
	const [draft, setDraft] = useState({ groupKey: "", role: "staff", orgUnitId: "" });

	async function run(work: Promise<unknown>) {
		onError(null);
		try {
			await work;
			onChanged();
		} catch (failure) {
			onError(failure);
		}
	}

	return (
		<>
			<table className="table">
				<thead>
					<tr>
						<th scope="col">{groupLabel}</th>
						<th scope="col">{t("directory.role")}</th>
						<th scope="col">{t("directory.orgUnit")}</th>
						<th scope="col">{t("directory.actions")}</th>
					</tr>
				</thead>
				<tbody>
					{mappings.map((m) => (
						<tr key={m.id}>
							<td>{m.groupKey}</td>
							<td>{t(`role.${m.role}`)}</td>
							<td>{m.orgUnitId ?? "—"}</td>
							<td>
								<button
									type="button"
									className="button"
									onClick={() =>
										void run(
											call(
												api.DELETE("/api/directory/mappings/{id}", {
													params: { path: { id: m.id } },
												}),
											),
										)
									}
								>
									{t("directory.remove")}
								</button>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<form
				className="form"
				onSubmit={(e) => {
					e.preventDefault();
					const body = {
						groupKey: draft.groupKey,
						role: draft.role as Schemas["DirectoryMappingInput"]["role"],
						orgUnitId: draft.orgUnitId || null,
						connection,
					};
					void run(call(api.POST("/api/directory/mappings", { body })));
				}}
			>
				<Field label={groupLabel} required>
					{(id) => (
						<input
							id={id}
							required
							value={draft.groupKey}
							onChange={(e) => setDraft({ ...draft, groupKey: e.target.value })}
						/>
					)}
				</Field>
				<Field label={t("directory.role")} required>
					{(id) => (
						<input
							id={id}
							required
							value={draft.role}
							onChange={(e) => setDraft({ ...draft, role: e.target.value })}
						/>
					)}
				</Field>
				<Field label={t("directory.orgUnit")}>
					{(id) => (
						<input
							id={id}
							value={draft.orgUnitId}
							onChange={(e) => setDraft({ ...draft, orgUnitId: e.target.value })}
						/>
					)}
				</Field>
				<button type="submit" className="button">
					{addLabel}
				</button>
			</form>
		</>
	);
}
