import { randomUUID } from "node:crypto";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { dateCell } from "../../platform/imports/cell-values.ts";
import {
	type Column,
	columnsTarget,
	fileError,
	MAX_LISTED_ERRORS,
	mappedLayout,
	readRows,
} from "../../platform/imports/column-rows.ts";
import type { ColumnMapping, MappingTarget } from "../../platform/imports/mapping.schemas.ts";
import { formatFiscalYear } from "../../shared/dates.ts";
import { datedFileName } from "../../shared/export-name.ts";
import { readTable, type TableLimits, writeXlsx } from "../../shared/tabular.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../shared/xlsx-archive.ts";
import { type ImportError, rowError } from "../assets/import-row.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { activeRoster } from "../org/staff.repository.ts";
import { completion, listCourses } from "./read-training.ts";
import { trainingPolicy } from "./training.policy.ts";
import { assignedStaffIds } from "./training.repository.ts";
import type { TrainingImportReport } from "./training.schemas.ts";
import { courseOf, mayRecord, openTrainingDesk, type TrainingDesk } from "./training-desk.ts";
import words from "./training-mapping.words.json" with { type: "json" };

export const TRAINING_IMPORT_LIMITS: TableLimits = {
	maxBytes: 20 * 1024 * 1024,
	maxRows: 50_000,
	maxColumns: 20,
	maxCellLength: 1_000,
};

/** The roster of who attended: 職員番号 and, optionally, the day they did. */
export const ATTENDANCE_COLUMNS = [
	{ key: "staffNumber", header: "職員番号", required: true, max: 60 },
	// 和暦 (令和元年12月31日) and a time of day Excel's CSV adds are read: room beyond 10.
	{ key: "attendedOn", header: "受講日", required: false, max: 24 },
] as const satisfies readonly Column<string>[];

/** The drill tool's per-person result (docs/phishing-drill-csv.md). */
export const DRILL_COLUMNS = [
	{ key: "staffNumber", header: "職員番号", required: true, max: 60 },
	{ key: "opened", header: "開封", required: true, max: 10 },
	{ key: "clicked", header: "クリック", required: true, max: 10 },
	{ key: "reported", header: "報告", required: true, max: 10 },
] as const satisfies readonly Column<string>[];

const YES = new Set(["1", "はい", "有", "あり", "○", "〇", "yes", "true", "y"]);
const NO = new Set(["0", "いいえ", "無", "なし", "×", "", "no", "false", "n", "-"]);

/** A yes/no cell of the drill tool, or undefined when it is neither. */
export function yesNo(cell: string): boolean | undefined {
	const folded = cell.normalize("NFKC").trim().toLowerCase();
	if (YES.has(folded)) return true;
	if (NO.has(folded)) return false;
	return undefined;
}

export interface TrainingImportOptions {
	courseId: string;
	mode: "dry_run" | "apply";
	archive?: XlsxLimits;
	/** The city's own layout, read through a column mapping (docs/column-mapping.md). */
	mapping?: ColumnMapping | null;
}

/**
 * The fields a column mapping can fill for a course: a drill's results or a roster of attendance.
 *
 * @example
 * const target = await trainingMappingTarget(db, actor, courseId);
 */
export async function trainingMappingTarget(
	db: Db,
	actor: Actor,
	courseId: string,
	now: Date = new Date(),
): Promise<MappingTarget> {
	const course = await courseOf(db, await openTrainingDesk(db, actor, now), courseId);
	return course.kind === "phishing_drill"
		? columnsTarget("training.attendance", DRILL_COLUMNS, words.drill)
		: columnsTarget("training.attendance", ATTENDANCE_COLUMNS, words.attendance);
}

function emptyReport(): TrainingImportReport {
	return {
		format: null,
		encoding: null,
		errors: [],
		errorCount: 0,
		rows: 0,
		skippedBlank: 0,
		skippedTotal: [],
		created: 0,
		updated: 0,
		unchanged: 0,
		applied: false,
	};
}

/** Read the course's import options as stored with the request. */
export function importOptionsOf(options: unknown): { courseId: string } {
	const courseId = (options as { courseId?: unknown } | null)?.courseId;
	if (typeof courseId !== "string" || courseId === "")
		// Written by our own import route; anything else is a bug, not a person's mistake.
		throw new Error("training.attendance: the stored import options name no course");
	return { courseId };
}

/**
 * Import who attended a course from a roster file (XLSX, or CSV in UTF-8 or Shift_JIS): every row
 * checked (a known member of staff on the active roster, owing the course, in a unit the caller
 * records for, a valid date), every error with row and column; all or nothing. A drill course
 * reads the drill tool's columns instead (opened / clicked / reported), which count as taking part.
 */
export async function importAttendance(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: TrainingImportOptions,
	now: Date = new Date(),
): Promise<TrainingImportReport> {
	authorize(actor, trainingPolicy, "training.record");
	const desk = await openTrainingDesk(db, actor, now);
	const course = await courseOf(db, desk, options.courseId);
	const drill = course.kind === "phishing_drill";
	if (drill) authorize(actor, trainingPolicy, "training.manage");
	const report = emptyReport();
	let table: Awaited<ReturnType<typeof readTable>>;
	try {
		table = await readTable(bytes, TRAINING_IMPORT_LIMITS, options.archive ?? DEFAULT_XLSX_LIMITS);
	} catch (error) {
		return fileError(report, error);
	}
	report.format = table.format;
	report.encoding = table.encoding;
	const add = (error: ImportError) => {
		report.errorCount++;
		if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push(error);
	};
	const kind = "training.attendance";
	const parsed = drill
		? readRows(
				table.rows,
				DRILL_COLUMNS,
				report,
				mappedLayout(options.mapping, kind, DRILL_COLUMNS, words.drill),
			)
		: readRows(
				table.rows,
				ATTENDANCE_COLUMNS,
				report,
				mappedLayout(options.mapping, kind, ATTENDANCE_COLUMNS, words.attendance),
			);
	const roster = new Map(
		(await activeRoster(db, actor.tenantId).execute()).map((row) => [row.staff_number, row]),
	);
	const owed = new Map(
		(await assignedStaffIds(db, actor.tenantId, course.id)).map((row) => [row.staff_id, row]),
	);
	const seen = new Map<string, number>();
	const completions: { assignmentId: string; at: string }[] = [];
	const results: { staffId: string; opened: boolean; clicked: boolean; reported: boolean }[] = [];
	for (const { row, values, ok } of parsed) {
		if (!ok) continue;
		const v = values as Record<string, string>;
		const number = (v.staffNumber ?? "").normalize("NFKC").trim();
		const member = roster.get(number);
		if (!member) {
			add(rowError(row, "職員番号", "training_staff_number_unknown", { value: number }));
			continue;
		}
		const first = seen.get(number);
		if (first !== undefined) {
			add(rowError(row, "職員番号", "value_repeated", { value: number, first }));
			continue;
		}
		seen.set(number, row);
		if (!drill && !mayRecord(desk, course, member.org_unit_id)) {
			add(rowError(row, "職員番号", "training_staff_other_unit", { value: number }));
			continue;
		}
		const assignment = owed.get(member.staff_id);
		if (drill) {
			const flags = (["opened", "clicked", "reported"] as const).map((key, i) => {
				const value = yesNo(v[key] ?? "");
				if (value === undefined)
					add(
						rowError(row, DRILL_COLUMNS[i + 1]?.header ?? key, "yes_no_invalid", {
							value: v[key] ?? "",
						}),
					);
				return value;
			});
			if (flags.some((f) => f === undefined)) continue;
			results.push({
				staffId: member.staff_id,
				opened: Boolean(flags[0]),
				clicked: Boolean(flags[1]),
				reported: Boolean(flags[2]),
			});
			report.created++;
			continue;
		}
		if (!assignment) {
			add(rowError(row, "職員番号", "training_staff_not_owing", { value: number }));
			continue;
		}
		const day = dateCell(v.attendedOn ?? "", row, "受講日", add);
		if (day === null) continue;
		if (assignment.completed_at) {
			report.unchanged++;
			continue;
		}
		report.created++;
		completions.push({
			assignmentId: assignment.id,
			at: day === "" ? now.toISOString() : new Date(`${day}T00:00:00+09:00`).toISOString(),
		});
	}
	report.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	if (report.errorCount > 0 || options.mode === "dry_run") return report;
	await inTransaction(db, async (tx) => {
		for (const done of completions)
			await tx
				.updateTable("training_assignments")
				.set({
					completed_at: done.at,
					completed_via: "import",
					recorded_by: actor.accountId,
					recorded_by_label: actor.label,
				})
				.where("id", "=", done.assignmentId)
				.where("completed_at", "is", null)
				.execute();
		if (drill) await storeDrillResults(tx, actor, course.id, owed, results, now);
		const format = report.format ?? "csv";
		if (drill)
			await recordAudit(
				tx,
				auditContextOf(actor),
				"training.drill_imported",
				{
					courseId: course.id,
					title: course.title,
					format,
					rows: results.length,
					opened: results.filter((r) => r.opened).length,
					clicked: results.filter((r) => r.clicked).length,
					reported: results.filter((r) => r.reported).length,
				},
				{ recordType: "training_course", recordId: course.id },
			);
		else if (completions.length > 0)
			await recordAudit(
				tx,
				auditContextOf(actor),
				"training.attendance_imported",
				{
					courseId: course.id,
					title: course.title,
					format,
					completed: completions.length,
					unchanged: report.unchanged,
				},
				{ recordType: "training_course", recordId: course.id },
			);
	});
	report.applied = true;
	return report;
}

/**
 * A drill's results replace the earlier import's (the tool exports the whole drill each time);
 * everyone in it owes and has taken part in the drill.
 */
async function storeDrillResults(
	tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
	actor: Actor,
	courseId: string,
	owed: Map<string, { id: string; completed_at: string | null }>,
	results: { staffId: string; opened: boolean; clicked: boolean; reported: boolean }[],
	now: Date,
) {
	const at = now.toISOString();
	await tx
		.deleteFrom("training_drill_results")
		.where("tenant_id", "=", actor.tenantId)
		.where("course_id", "=", courseId)
		.execute();
	for (let i = 0; i < results.length; i += 500) {
		const chunk = results.slice(i, i + 500);
		await tx
			.insertInto("training_drill_results")
			.values(
				chunk.map((r) => ({
					id: randomUUID(),
					tenant_id: actor.tenantId,
					course_id: courseId,
					staff_id: r.staffId,
					opened: r.opened,
					clicked: r.clicked,
					reported: r.reported,
					imported_at: at,
				})),
			)
			.execute();
		const fresh = chunk.filter((r) => !owed.has(r.staffId));
		if (fresh.length > 0)
			await tx
				.insertInto("training_assignments")
				.values(
					fresh.map((r) => ({
						id: randomUUID(),
						tenant_id: actor.tenantId,
						course_id: courseId,
						staff_id: r.staffId,
						source: "import",
						assigned_at: at,
						completed_at: null,
						completed_via: null,
						recorded_by: null,
						recorded_by_label: null,
						reminded_for: null,
					})),
				)
				.execute();
		await tx
			.updateTable("training_assignments")
			.set({
				completed_at: at,
				completed_via: "drill",
				recorded_by: actor.accountId,
				recorded_by_label: actor.label,
			})
			.where("tenant_id", "=", actor.tenantId)
			.where("course_id", "=", courseId)
			.where(
				"staff_id",
				"in",
				chunk.map((r) => r.staffId),
			)
			.where("completed_at", "is", null)
			.execute();
	}
}

/** Completion per unit and course of the fiscal year, as XLSX (the units the caller sees). */
export async function exportCompletion(
	db: Db,
	desk: TrainingDesk,
	year: number | undefined,
	now: Date = new Date(),
) {
	authorize(desk.actor, trainingPolicy, "training.export");
	const courses = await listCourses(db, desk, year);
	const figures = await completion(db, desk, year, undefined);
	const rate = (done: number, owed: number) =>
		owed === 0 ? "" : `${Math.round((done * 1000) / owed) / 10}%`;
	const perCourse = await Promise.all(
		courses.items.map(async (course) => ({
			course,
			units: new Map(
				(await completion(db, desk, figures.fiscalYear, course.id)).units.map((u) => [u.unitId, u]),
			),
		})),
	);
	const header = [
		"課コード",
		"課名",
		"対象者数",
		"受講済",
		"受講率",
		...perCourse.map((c) => c.course.title),
	];
	const rows = figures.units.map((unit) => [
		unit.unitCode,
		unit.unitName,
		unit.owed,
		unit.completed,
		rate(unit.completed, unit.owed),
		...perCourse.map(({ units }) => {
			const u = units.get(unit.unitId);
			return u ? `${u.completed}/${u.owed}` : "";
		}),
	]);
	await inTransaction(db, (tx) =>
		recordAudit(tx, auditContextOf(desk.actor), "training.exported", {
			fiscalYear: figures.fiscalYear,
			units: rows.length,
		}),
	);
	const bytes = await writeXlsx([
		{
			name: "研修受講状況",
			header,
			rows,
			widths: [12, 24, 10, 10, 10, ...perCourse.map(() => 16)],
		},
	]);
	return {
		bytes: new Uint8Array(bytes),
		type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fileName: datedFileName("trainingCompletion", "xlsx", now, [
			formatFiscalYear(figures.fiscalYear, "wareki"),
		]),
	};
}
