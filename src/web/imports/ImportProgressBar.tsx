import { useI18n } from "../i18n/i18n.tsx";
import type { ImportJob } from "./follow-import.ts";

/**
 * The progress of an import job: rows checked (against `total` when the check told it) and
 * rows written so far.
 */
export function ImportProgressBar({ job, total }: { job: ImportJob; total: number | null }) {
	const { t } = useI18n();
	const { checked, written } = job.progress;
	const waiting = job.status === "queued";
	return (
		<div data-testid="import-job-progress">
			<progress
				max={total ?? undefined}
				value={waiting || total === null ? undefined : Math.min(checked, total)}
				aria-label={t("imports.progress.label")}
			/>
			<span role="status">
				{waiting
					? t("imports.progress.queued")
					: t("imports.progress.rows", { checked, written, total: total ?? "?" })}
			</span>
		</div>
	);
}
