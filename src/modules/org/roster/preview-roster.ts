import { createHash, randomUUID } from "node:crypto";
import type { RosterImportTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { columnsTarget } from "../../../platform/imports/column-rows.ts";
import type { ColumnMapping, MappingTarget } from "../../../platform/imports/mapping.schemas.ts";
import { mapTable } from "../../../platform/imports/mapping.ts";
import { readTable, type Table } from "../../../shared/tabular.ts";
import type { XlsxLimits } from "../../../shared/xlsx-archive.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { orgPolicy } from "../org.policy.ts";
import { insertRosterImport, loadRosterState, stateHash } from "./roster.repository.ts";
import type { RosterPlan, RosterRowCode, RowError } from "./roster.schemas.ts";
import { ROSTER_COLUMNS, todayInJapan } from "./roster-format.ts";
import words from "./roster-mapping.words.json" with { type: "json" };
import { computeRosterPlan, type RosterState } from "./roster-plan.ts";

/** Rosters are small: a city of 5,000 staff is well under a megabyte. */
export const ROSTER_LIMITS = {
	maxBytes: 10 * 1024 * 1024,
	maxRows: 50_000,
	maxColumns: 30,
	maxCellLength: 1_000,
};

/**
 * Read an uploaded roster file (every whole-file check, the XLSX archive's bounds included)
 * without touching the database: call it before opening the preview's transaction.
 *
 * @example
 * const table = await readRoster(actor, bytes, config.xlsx);
 */
export function readRoster(actor: Actor, bytes: Uint8Array, archive?: XlsxLimits): Promise<Table> {
	authorize(actor, orgPolicy, "roster.import");
	return readTable(bytes, ROSTER_LIMITS, archive);
}

/**
 * Read an uploaded roster (or take the `table` that `readRoster` read), validate every row and compute what applying it would change. The
 * preview is stored, so that apply carries out exactly what the administrator saw.
 */
export async function previewRoster(
	tx: Tx,
	actor: Actor,
	input: {
		fileName: string;
		bytes: Uint8Array;
		archive?: XlsxLimits;
		table?: Table;
		/** The city's own layout, read through a column mapping (docs/column-mapping.md). */
		mapping?: ColumnMapping | null;
	},
	now: Date = new Date(),
): Promise<RosterImportTable> {
	authorize(actor, orgPolicy, "roster.import");
	const table = input.table ?? (await readTable(input.bytes, ROSTER_LIMITS, input.archive));
	const state = await loadRosterState(tx, actor.tenantId, now.toISOString());
	const today = todayInJapan(now);
	const plan = input.mapping
		? mappedPlan(table, input.mapping, state, today, actor.accountId)
		: computeRosterPlan(table.rows, state, today, actor.accountId);
	const row: RosterImportTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		file_name: input.fileName,
		sha256: createHash("sha256").update(input.bytes).digest("hex"),
		status: "previewed",
		plan: JSON.stringify(plan),
		state_hash: stateHash(state),
		created_by: actor.accountId,
		created_at: now.toISOString(),
		applied_at: null,
		passwords: null,
		passwords_shown_at: null,
	};
	await insertRosterImport(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"roster.previewed",
		{
			importId: row.id,
			fileName: row.file_name,
			sha256: row.sha256,
			invalidRows: plan.counts.invalidRows ?? 0,
			counts: plan.counts,
		},
		{ recordType: "roster_import", recordId: row.id },
	);
	return row;
}

/**
 * The fields a column mapping can fill for a roster: the columns of docs/roster-format.md, with
 * the words personnel systems' exports use for them.
 */
export function rosterMappingTarget(): MappingTarget {
	return columnsTarget("org.roster", ROSTER_COLUMNS, words.roster);
}

/**
 * The plan of a roster in the city's own layout: its rows rewritten into the roster's layout,
 * errors naming the city's columns. A mapping that does not fit the header is the plan's only
 * error, and nobody is planned to leave.
 */
function mappedPlan(
	table: Table,
	mapping: ColumnMapping,
	state: RosterState,
	today: string,
	actorAccountId: string,
): RosterPlan {
	const { rows, applied } = mapTable(table.rows, mapping, rosterMappingTarget());
	if (applied.errors.length > 0) {
		const plan = computeRosterPlan([], state, today, actorAccountId);
		const errors = applied.errors.map(
			(error): RowError => ({
				...error,
				row: error.row ?? applied.headerEnd,
				code: error.code as RosterRowCode,
			}),
		);
		return { ...plan, errors, counts: { ...plan.counts, invalidRows: 1 } };
	}
	const plan = computeRosterPlan(rows, state, today, actorAccountId, applied.headerEnd);
	return {
		...plan,
		errors: plan.errors.map((error) => ({ ...error, column: applied.rename(error).column })),
	};
}
