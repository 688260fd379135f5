import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCan } from "../session.tsx";

/**
 * The instance's last good backup and restore drill, for its administrator: a warning when
 * either is overdue (26 hours; 8 days) or has failed since.
 */
export function BackupStatusCard() {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const can = useCan();
	const allowed = can("home.backup_status");
	const [status, setStatus] = useState<Schemas["BackupStatus"] | null>(null);
	useEffect(() => {
		if (!allowed) return;
		call(api.GET("/api/backup-status"))
			.then(setStatus)
			.catch(() => setStatus(null));
	}, [allowed]);
	if (!status) return null;
	const warn =
		status.backupOverdue || status.drillOverdue || status.backupFailure || status.drillFailure;
	return (
		<section className="card" aria-labelledby="home-backups" data-testid="backup-status">
			<h2 id="home-backups">{t("home.backup.title")}</h2>
			<p className={status.backupOverdue ? "state state-warn" : "state state-ok"}>
				{status.lastBackup
					? t("home.backup.lastBackup", { at: dateTime(status.lastBackup.at) })
					: t("home.backup.noBackup")}
			</p>
			<p className={status.drillOverdue ? "state state-warn" : "state state-ok"}>
				{status.lastDrill
					? t("home.backup.lastDrill", { at: dateTime(status.lastDrill.at) })
					: t("home.backup.noDrill")}
			</p>
			{warn ? (
				<div className="alert alert-warning" role="alert">
					{status.backupOverdue ? <p>{t("home.backup.backupOverdue")}</p> : null}
					{status.drillOverdue ? <p>{t("home.backup.drillOverdue")}</p> : null}
					{status.backupFailure ? (
						<p>
							{t("home.backup.backupFailed", { at: dateTime(status.backupFailure.at) })}{" "}
							<code>{status.backupFailure.detail}</code>
						</p>
					) : null}
					{status.drillFailure ? (
						<p>
							{t("home.backup.drillFailed", { at: dateTime(status.drillFailure.at) })}{" "}
							<code>{status.drillFailure.detail}</code>
						</p>
					) : null}
				</div>
			) : null}
		</section>
	);
}
