import type { Db, Engine } from "../../db/connection.ts";
import { inTransaction, type Tx } from "../../db/transaction.ts";
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
} from "./report-dues.repository.ts";

/**
 * The dated stages of legal reports each case owes, kept in `incident_report_dues` so that the
 * dashboard counts them in the database (migration 0026). `ReportingRules.assess` stays the one
 * authority: the rows are what it says of the case's facts, with the filings recorded.
 *
 * - Use cases that change a case's facts, state or filings call `refreshCaseDues` in their
 *   transaction (report, triage, close or reject, filing).
 * - The rows also depend on the tenant's rules (pack, preliminary days, holiday data), which
 *   change outside this module. Readers of the figures call `bringDuesUpToDate` first: when the
 *   rules' stamp differs from the one the tenant's rows were derived under, every case of the
 *   tenant is derived again, in one transaction, before the figures are read.
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
 * after changing the case's facts, state or filings.
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
}

/** Cases derived per statement while a whole tenant is derived again. */
const PAGE = 1000;

/**
 * Make the tenant's kept dues those of `rules`: nothing to do when they were derived under the
 * same stamp; otherwise every case is derived again, a page at a time in one transaction (on
 * PostgreSQL each page's cases are locked first, in the order a use case locks a case before its
 * dues, so a triage at the same moment waits rather than deadlocks). Two readers at once: the
 * second waits for the stamp row and finds the work done.
 *
 * @returns how many cases were derived again (0 when the dues were current)
 */
export async function bringDuesUpToDate(
	deps: { db: Db; engine: Engine },
	rules: ReportingRules,
	tenantId: string,
	now: Date = new Date(),
): Promise<number> {
	const { db, engine } = deps;
	if ((await dueStampOf(db, tenantId)) === rules.stamp) return 0;
	return inTransaction(db, async (tx) => {
		if ((await lockDueStamp(tx, tenantId, now.toISOString())) === rules.stamp) return 0;
		let derived = 0;
		let after: string | null = null;
		for (;;) {
			const page = await casePageForDues(tx, engine, tenantId, after, PAGE);
			if (page.length === 0) break;
			const filings = await filingsForDues(
				tx,
				tenantId,
				page.map((row) => row.id),
			);
			await replaceReportDues(
				tx,
				tenantId,
				page.map((row) => ({
					id: row.id,
					fiscalYear: Number(row.fiscal_year),
					dues: reportDuesOf(rules, row, filings.get(row.id) ?? []),
				})),
			);
			derived += page.length;
			after = page[page.length - 1]?.reference ?? null;
		}
		await setDueStamp(tx, tenantId, rules.stamp, now.toISOString());
		return derived;
	});
}
