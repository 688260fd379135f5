import { ApiError, api, call, type Schemas } from "../api/client.ts";

export type ImportJob = Schemas["ImportJob"];

const POLL_MS = 500;
const ENDED = new Set<ImportJob["status"]>(["done", "refused", "failed"]);

/**
 * Follow an import job (after a `202`) until it ends, telling `onProgress` each reading. A busy
 * or briefly unreachable server is asked again; any other problem ends the wait.
 *
 * @example
 * const ended = await followImport(job.id, (j) => setProgress(j.progress));
 */
export async function followImport(
	id: string,
	onProgress: (job: ImportJob) => void,
): Promise<ImportJob> {
	for (;;) {
		try {
			const job = await call(api.GET("/api/imports/{id}", { params: { path: { id } } }));
			onProgress(job);
			if (ENDED.has(job.status)) return job;
		} catch (error) {
			const transient =
				error instanceof ApiError && (error.problem.status === 503 || error.problem.status === 0);
			if (!transient) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

/** A failed import as the error the dialogs show (its stable code turned into text). */
export function importFailure(job: ImportJob): ApiError | null {
	if (job.status !== "failed" || !job.error) return null;
	return new ApiError({ code: job.error.code, detail: job.error.detail, status: 0 });
}
