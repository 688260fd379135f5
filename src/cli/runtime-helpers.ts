import { findTenantBySlug } from "../modules/tenants/tenants.repository.ts";
import { openRuntime } from "../runtime.ts";
import { Problem } from "../shared/problem.ts";

/** Run `work` with an open, migrated database, closing it whatever happens. */
export async function withRuntime<T>(
	work: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>,
): Promise<T> {
	const runtime = await openRuntime();
	try {
		return await work(runtime);
	} finally {
		await runtime.close();
	}
}

export async function tenantOrFail(runtime: Awaited<ReturnType<typeof openRuntime>>, slug: string) {
	const tenant = await findTenantBySlug(runtime.db, slug);
	if (!tenant) throw new Problem("not_found", `no tenant "${slug}" (see: mamori tenant list)`);
	return tenant;
}

/** The label recorded in audit events for work done from the command line. */
export function cliLabel(): string {
	return `mamori CLI (${process.env.USER ?? process.env.LOGNAME ?? "unknown user"})`;
}
