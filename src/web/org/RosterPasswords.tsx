import { useState } from "react";
import { api, callFile } from "../api/client.ts";
import { saveBlob } from "../components/download.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { RosterApplyResult } from "./types.ts";

/** The one-time passwords of the accounts a roster created, shown once, downloadable once. */
export function RosterPasswords({
	importId,
	passwords,
}: {
	importId: string;
	passwords: RosterApplyResult["oneTimePasswords"];
}) {
	const { t } = useI18n();
	const [downloaded, setDownloaded] = useState(false);
	const [error, setError] = useState<unknown>(null);

	async function download() {
		setError(null);
		try {
			const file = await callFile(
				api.POST("/api/roster-imports/{id}/passwords.csv", {
					params: { path: { id: importId } },
					parseAs: "blob",
				}),
			);
			saveBlob(file.blob, file.fileName ?? "one-time-passwords.csv");
			setDownloaded(true);
		} catch (failure) {
			setError(failure);
		}
	}

	return (
		<section className="card roster-passwords" aria-labelledby="roster-passwords">
			<h2 id="roster-passwords">{t("org.roster.passwordsTitle")}</h2>
			<p className="alert alert-warning">{t("org.roster.passwordsLead")}</p>
			<ErrorAlert error={error} />
			<div className="table-wrap">
				<table className="table">
					<caption className="visually-hidden">{t("org.roster.passwordsTitle")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("org.staff.number")}</th>
							<th scope="col">{t("org.staff.name")}</th>
							<th scope="col">{t("org.staff.username")}</th>
							<th scope="col">{t("org.roster.password")}</th>
						</tr>
					</thead>
					<tbody>
						{passwords.map((p) => (
							<tr key={p.username}>
								<td>
									<code>{p.staffNumber}</code>
								</td>
								<td>{p.displayName}</td>
								<td>{p.username}</td>
								<td>
									<code>{p.oneTimePassword}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<div className="form-actions">
				<button
					type="button"
					className="button"
					disabled={downloaded}
					onClick={() => void download()}
				>
					{t("org.roster.passwordsCsv")}
				</button>
			</div>
		</section>
	);
}
