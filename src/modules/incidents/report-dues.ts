import type { Db, Engine } from "../../db/connection.ts";
import { inTransaction, type Tx } from "../../db/transaction.ts";
import { enqueueJobOnce } from "../../platform/jobs/enqueue-job.ts";
import type { ReportingRules } from "./assess-obligations.ts";
import { caseFacts, type FactColumn } from "./case-rules.ts";
import type { IncidentRow } from "./incidents.repository.ts";
import { FILING_STAGES } from "./incidents.schemas.ts";
import {
	caseDueInputs,
	casePageForDues,
	dueStampOf,
	filingsForDues,
	lockDueStamp,
	replaceReportDues,
	setDueStamp,
	tenantCaseCount,
} from "./report-dues.repository.ts";

/**
 * The dated stages of legal reports each case owes, kept in `incident_report_dues` so that the
 * dashboard counts them in the database (migration 0026). `ReportingRules.assess` stays the one
 * authority: the rows are what it says of the case's facts, with the filings recorded.
 *
 * - Use cases that change a case's facts, state or filings call `refreshCaseDues` in their
 *   transaction (report, triage, close or reject, filing).
 * - The rows also depend on the tenant's rules (pack, preliminary days, holiday data), which
 *   change outside this module. Readers of the figures ask `duesAreCurrent` first: when the
 *   rules' stamp differs from the one the tenant's rows were derived under, a job is queued that
 *   derives every case again in batches (`rederiveTenantDues`), and the reader says the figures
 *   are being recalculated meanwhile (ARCHITECTURE.md, incidents).
 */

/** One dated stage of a report a case owes. */
export interface ReportDue {
	obligation: string;
	stage: (typeof FILING_STAGES)[number];
	/** YYYY-MM-DD, moved past closed days. */
	due: string;
	/** YYYY-MM-DD of the filing; null while not filed. */
	filedOn: string | null;
}

type DueFiling = { obligation_code: string; stage: string; filed_on: string };

/**
 * What a case owes under the rules: each dated stage of each required obligation, with its
 * filing date if filed. A rejected case owes nothing.
 *
 * @example
 * reportDuesOf(desk.rules, row, filings) // [{ obligation: "ppc_personal_information", stage: "preliminary", due: "2025-06-06", filedOn: null }, …]
 */
export function reportDuesOf(
	rules: ReportingRules,
	row: Pick<IncidentRow, FactColumn | "state">,
	filings: readonly DueFiling[],
): ReportDue[] {
	if (row.state === "rejected") return [];
	const dues: ReportDue[] = [];
	for (const obligation of rules.assess(caseFacts(row))) {
		if (!obligation.required) continue;
		for (const stage of FILING_STAGES) {
			const deadline = obligation[stage];
			if (!deadline) continue;
			const filing = filings.find(
				(f) => f.obligation_code === obligation.code && f.stage === stage,
			);
			dues.push({
				obligation: obligation.code,
				stage,
				due: deadline.due,
				filedOn: filing?.filed_on ?? null,
			});
		}
	}
	return dues;
}

/** Hours between two instants (ISO strings), as the figures' time to triage and to close. */
export function hoursBetween(from: string, to: string): number {
	return (Date.parse(to) - Date.parse(from)) / 3_600_000;
}

/**
 * Derive one case's dues again from its row and filings as they are in this transaction; call it
 * after changing the case's facts, state or filings. The tenant's first case also writes the
 * tenant's stamp: every case it has is then derived under these rules.
 */
export async function refreshCaseDues(
	tx: Tx,
	rules: ReportingRules,
	tenantId: string,
	incidentId: string,
): Promise<void> {
	const { row, filings } = await caseDueInputs(tx, tenantId, incidentId);
	await replaceReportDues(tx, tenantId, [
		{
			id: incidentId,
			fiscalYear: Number(row.fiscal_year),
			dues: reportDuesOf(rules, row, filings),
		},
	]);
	if (!(await dueStampOf(tx, tenantId)) && (await tenantCaseCount(tx, tenantId, 2)) === 1) {
		const at = new Date().toISOString();
		await lockDueStamp(tx, tenantId, at);
		await setDueStamp(tx, tenantId, rules.stamp, at);
	}
}

/** The job that derives a tenant's kept dues again; declared in incidents.jobs.ts. */
export const DUES_REDERIVE_JOB = "incidents.report-dues";

/** Cases derived again per transaction by the job. */
const PAGE = 1000;

/**
 * Whether the tenant's kept dues were derived under `rules`, for the readers of the figures. When
 * they were not (the pack, the tenant's preliminary days or the holiday data changed), the job
 * that derives them again is queued, once per change (its key names the rules wanted and the
 * derivation they replace), and the reader goes on with the kept rows, saying so. A tenant without
 * any case is current as soon as it is asked (there is nothing to derive), and so is one whose
 * first case wrote the stamp (`refreshCaseDues`); one whose cases predate the kept dues is not.
 *
 * @example
 * const current = await duesAreCurrent(deps, desk.rules, tenantId);
 */
export async function duesAreCurrent(
	deps: { db: Db },
	rules: ReportingRules,
	tenantId: string,
	now: Date = new Date(),
): Promise<boolean> {
	const kept = await dueStampOf(deps.db, tenantId);
	if (kept?.stamp === rules.stamp) return true;
	const at = now.toISOString();
	return inTransaction(deps.db, async (tx) => {
		if (!kept && (await tenantCaseCount(tx, tenantId, 1)) === 0) {
			await lockDueStamp(tx, tenantId, at);
			await setDueStamp(tx, tenantId, rules.stamp, at);
			return true;
		}
		await enqueueJobOnce(tx, {
			name: DUES_REDERIVE_JOB,
			tenantId,
			key: `${DUES_REDERIVE_JOB}:${tenantId}:${rules.stamp}:${kept?.derived_at ?? "never"}`,
		});
		return false;
	});
}

/**
 * Make the tenant's kept dues those of `rules` (the work of the job `DUES_REDERIVE_JOB`, never of
 * a page request): nothing to do when they were derived under the same stamp; otherwise every
 * case is derived again, `pageSize` cases per transaction (on PostgreSQL each page's cases are
 * locked first, in the order a use case locks a case before its dues, so a triage at the same
 * moment waits rather than deadlocks), and the stamp is written at the end. Use cases that change
 * a case meanwhile derive it under the same rules, so the pages already done stay right; a run
 * stopped half-way is run again from the start.
 *
 * @returns how many cases were derived again (0 when the dues were current)
 */
export async function rederiveTenantDues(
	deps: { db: Db; engine: Engine },
	rules: ReportingRules,
	tenantId: string,
	now: Date = new Date(),
	pageSize: number = PAGE,
): Promise<number> {
	const { db, engine } = deps;
	if ((await dueStampOf(db, tenantId))?.stamp === rules.stamp) return 0;
	let derived = 0;
	let after: string | null = null;
	for (;;) {
		const from = after;
		const page = await inTransaction(db, async (tx) => {
			const cases = await casePageForDues(tx, engine, tenantId, from, pageSize);
			const filings = await filingsForDues(
				tx,
				tenantId,
				cases.map((row) => row.id),
			);
			await replaceReportDues(
				tx,
				tenantId,
				cases.map((row) => ({
					id: row.id,
					fiscalYear: Number(row.fiscal_year),
					dues: reportDuesOf(rules, row, filings.get(row.id) ?? []),
				})),
			);
			return cases;
		});
		derived += page.length;
		if (page.length < pageSize) break;
		after = page[page.length - 1]?.reference ?? null;
	}
	const at = now.toISOString();
	await inTransaction(db, async (tx) => {
		await lockDueStamp(tx, tenantId, at);
		await setDueStamp(tx, tenantId, rules.stamp, at);
	});
	return derived;
}
