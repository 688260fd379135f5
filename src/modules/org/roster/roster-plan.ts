import { z } from "zod";
import { type FileIssueParams, fileIssueText } from "../../../shared/file-issues.ts";
import { readJapaneseDate } from "../../../shared/japanese-dates.ts";
import { halfWidth } from "../../../shared/japanese-numbers.ts";
import { type SkippedRows, skipRow } from "../../../shared/row-kinds.ts";
import { usernameSchema } from "../../accounts/accounts.schemas.ts";
import { type Role, UNIT_SCOPED_ROLES } from "../../authz/roles.ts";
import type { RosterPlan, RosterRoleTarget, RosterRowCode, RowError } from "./roster.schemas.ts";
import {
	japanMidnight,
	parseFlag,
	ROLE_ALIASES,
	ROSTER_COLUMNS,
	ROSTER_HEADERS,
	ROSTER_ROLES,
	type RosterCells,
} from "./roster-format.ts";

/** What the plan is computed against: the tenant as it is now. */
export interface RosterState {
	categories: readonly { code: string; label: string }[];
	units: readonly { id: string; code: string }[];
	staff: readonly StaffNow[];
	/** Every account by user name (staff or not). */
	accounts: ReadonlyMap<string, { id: string; disabled: boolean }>;
	/** Roster-managed role assignments in force, of any account. */
	roles: readonly { id: string; accountId: string; role: string; orgUnitId: string | null }[];
}

export interface StaffNow {
	id: string;
	accountId: string;
	staffNumber: string;
	username: string;
	displayName: string;
	email: string | null;
	worksInMynumber: boolean;
	category: string;
	orgUnitId: string;
	title: string | null;
	active: boolean;
}

interface ValidRow {
	row: number;
	staffNumber: string;
	displayName: string;
	username: string;
	email: string | null;
	category: string;
	unitId: string;
	unitCode: string;
	title: string | null;
	roles: RosterRoleTarget[];
	worksInMynumber: boolean;
	effectiveAt: string;
}

const emailSchema = z.email();

/**
 * A row's problem with its catalogue code and parameters; `message` is the Japanese text, as
 * the ledger import gives it (the screen shows the code's text in the reader's language).
 */
function rowError(
	row: number,
	column: string | null,
	code: RosterRowCode,
	params: FileIssueParams = {},
): RowError {
	return { row, column, message: fileIssueText(code, params, "ja"), code, params };
}

/** Map the header row to column indexes; errors for missing required and unknown headers. */
function readHeader(
	header: readonly string[],
	errors: RowError[],
	headerRow: number,
): Map<string, number> {
	const index = new Map<string, number>();
	header.forEach((name, i) => {
		const cleaned = name.replace(/^\uFEFF/, "").trim();
		if (cleaned === "") return;
		if (!ROSTER_COLUMNS.some((c) => c.header === cleaned)) {
			errors.push(
				rowError(headerRow, cleaned, "column_unknown", {
					header: cleaned,
					headers: ROSTER_HEADERS.join("、"),
				}),
			);
		} else if (index.has(cleaned)) {
			errors.push(rowError(headerRow, cleaned, "column_duplicate", { header: cleaned }));
		} else index.set(cleaned, i);
	});
	for (const column of ROSTER_COLUMNS) {
		if (column.required && !index.has(column.header)) {
			errors.push(rowError(headerRow, column.header, "column_missing", { header: column.header }));
		}
	}
	return index;
}

function parseRoles(
	text: string,
	unitIds: ReadonlyMap<string, string>,
	fail: (code: RosterRowCode, params: FileIssueParams) => void,
): RosterRoleTarget[] {
	const targets: RosterRoleTarget[] = [];
	for (const token of text.split(/[;；,，、\s]+/).filter(Boolean)) {
		const [name = "", unitCode, extra] = token.split(/[@＠]/);
		const role = (ROLE_ALIASES[name] ?? name) as Role;
		if (extra !== undefined || !ROSTER_ROLES.includes(role)) {
			fail("roster_role_unknown", { token });
			continue;
		}
		if (UNIT_SCOPED_ROLES.has(role)) {
			if (!unitCode) {
				fail("roster_role_needs_unit", { token });
				continue;
			}
			const unitId = unitIds.get(unitCode);
			if (!unitId) {
				fail("roster_role_unit_unknown", { token, value: unitCode });
				continue;
			}
			targets.push({ role, unitId, unitCode });
		} else if (unitCode) {
			fail("roster_role_tenant_wide", { token });
		} else targets.push({ role, unitId: null, unitCode: null });
	}
	const seen = new Set<string>();
	return targets.filter((t) => {
		const key = `${t.role}@${t.unitId ?? ""}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Validate every data row, reporting each problem as {row, column, message}. The header is on
 * `headerRow` (1-based; below a title when the roster was read through a column mapping).
 */
export function validateRows(
	rows: readonly (readonly string[])[],
	state: RosterState,
	today: string,
	headerRow = 1,
): { valid: ValidRow[]; errors: RowError[]; listed: Set<string>; skipped: SkippedRows } {
	const errors: RowError[] = [];
	const skipped: SkippedRows = { skippedBlank: 0, skippedTotal: [] };
	const header = rows[headerRow - 1] ?? [];
	const data = rows.slice(headerRow);
	const index = readHeader(header, errors, headerRow);
	if (errors.length > 0) return { valid: [], errors, listed: new Set(), skipped };
	if (data.length === 0) {
		errors.push(rowError(headerRow, null, "roster_no_rows"));
	}
	const unitIds = new Map(state.units.map((u) => [u.code, u.id]));
	const categoryCodes = new Map<string, string>();
	for (const c of state.categories) {
		categoryCodes.set(c.code, c.code);
		categoryCodes.set(c.label, c.code);
	}
	const staffByNumber = new Map(state.staff.map((s) => [s.staffNumber, s]));
	const numbersSeen = new Map<string, number>();
	const usernamesSeen = new Map<string, number>();
	const valid: ValidRow[] = [];
	data.forEach((cells, i) => {
		const row = i + headerRow + 1;
		// Blank rows and a total row (合計…) are counted in the plan, not read as staff.
		if (skipRow(skipped, cells, row)) return;
		const before = errors.length;
		const fail = (column: string, code: RosterRowCode, params: FileIssueParams = {}) =>
			errors.push(rowError(row, column, code, params));
		const get = {} as RosterCells;
		for (const column of ROSTER_COLUMNS) {
			const at = index.get(column.header);
			const value = (at === undefined ? "" : (cells[at] ?? "")).trim();
			get[column.key] = value;
			if (column.required && value === "") {
				fail(column.header, "value_required", { header: column.header });
			} else if (value.length > column.max) {
				fail(column.header, "value_too_long", { max: column.max, length: value.length });
			}
		}
		// A staff number or unit code typed in full width (０１２３) is the same code; a number
		// already on the roster as written keeps its spelling.
		if (!staffByNumber.has(get.staffNumber)) get.staffNumber = halfWidth(get.staffNumber);
		if (!unitIds.has(get.unitCode)) get.unitCode = halfWidth(get.unitCode);
		const existing = staffByNumber.get(get.staffNumber);
		const firstRow = numbersSeen.get(get.staffNumber);
		if (get.staffNumber && firstRow !== undefined) {
			fail("職員番号", "roster_staff_number_repeated", {
				value: get.staffNumber,
				first: firstRow,
			});
		} else if (get.staffNumber) numbersSeen.set(get.staffNumber, row);
		if (get.username) {
			const otherRow = usernamesSeen.get(get.username);
			if (otherRow !== undefined) {
				fail("ユーザー名", "roster_username_repeated", { value: get.username, first: otherRow });
			} else usernamesSeen.set(get.username, row);
			const owner = state.accounts.get(get.username);
			const ownerStaff = owner && state.staff.find((s) => s.accountId === owner.id);
			if (!usernameSchema.safeParse(get.username).success) {
				fail("ユーザー名", "roster_username_invalid");
			} else if (existing && existing.username !== get.username) {
				fail("ユーザー名", "roster_username_fixed", { current: existing.username });
			} else if (!existing && ownerStaff) {
				fail("ユーザー名", "roster_username_taken", { staffNumber: ownerStaff.staffNumber });
			} else if (!existing && owner?.disabled) {
				fail("ユーザー名", "roster_username_disabled");
			}
		}
		if (get.email && !emailSchema.safeParse(get.email).success) {
			fail("メールアドレス", "roster_email_invalid");
		}
		const category = categoryCodes.get(get.category);
		if (get.category && !category) {
			fail("職員区分", "roster_category_unknown", { value: get.category });
		}
		const unitId = unitIds.get(get.unitCode);
		if (get.unitCode && !unitId) fail("所属コード", "roster_unit_unknown", { value: get.unitCode });
		const roles = parseRoles(get.roles, unitIds, (code, params) => fail("役割", code, params));
		const mynumber = parseFlag(get.worksInMynumber);
		if (mynumber === undefined) fail("マイナンバー利用事務", "roster_flag_invalid");
		const read = get.effectiveDate ? readJapaneseDate(get.effectiveDate) : null;
		const effectiveAt = read === null ? today : read.ok ? japanMidnight(read.iso) : undefined;
		if (read && !read.ok) {
			if (read.error.code === "date_outside_era")
				fail("発令日", read.error.code, read.error.params);
			else fail("発令日", "roster_date_invalid");
		}
		if (errors.length > before || !category || !unitId || !effectiveAt) return;
		valid.push({
			row,
			staffNumber: get.staffNumber,
			displayName: get.displayName,
			username: get.username,
			email: get.email || null,
			category,
			unitId,
			unitCode: get.unitCode,
			title: get.title || null,
			roles,
			worksInMynumber: mynumber ?? false,
			effectiveAt,
		});
	});
	return { valid, errors, listed: new Set(numbersSeen.keys()), skipped };
}

/**
 * Compare a roster with the tenant as it is: new staff, moves, detail changes, role changes,
 * returning staff and leavers (staff missing from the roster). Pure: no database, no clock.
 *
 * @example
 * const plan = computeRosterPlan(table.rows, await loadRosterState(db, tenantId), todayInJapan());
 */
export function computeRosterPlan(
	rows: readonly (readonly string[])[],
	state: RosterState,
	today: string,
	actorAccountId?: string,
	headerRow = 1,
): RosterPlan {
	const { valid, errors, listed, skipped } = validateRows(rows, state, today, headerRow);
	const plan: RosterPlan = {
		errors,
		rowCount: Math.max(0, rows.length - headerRow),
		...skipped,
		newStaff: [],
		moves: [],
		updates: [],
		roleChanges: [],
		returning: [],
		leavers: [],
		counts: {},
	};
	const unitCodes = new Map(state.units.map((u) => [u.id, u.code]));
	const staffByNumber = new Map(state.staff.map((s) => [s.staffNumber, s]));
	for (const v of valid) {
		const now = staffByNumber.get(v.staffNumber);
		if (!now) {
			// An account made before the person was on a roster (by hand) becomes their staff record.
			const linked = state.accounts.get(v.username)?.id ?? null;
			const roles = linked ? roleDiff(state, unitCodes, linked, v.roles) : null;
			if (linked && roles && roles.end.length > 0) {
				plan.roleChanges.push({
					row: v.row,
					staffId: "",
					accountId: linked,
					staffNumber: v.staffNumber,
					displayName: v.displayName,
					effectiveAt: v.effectiveAt,
					end: roles.end,
					start: [],
				});
			}
			plan.newStaff.push({
				accountId: linked,
				row: v.row,
				staffNumber: v.staffNumber,
				displayName: v.displayName,
				username: v.username,
				email: v.email,
				category: v.category,
				unitId: v.unitId,
				unitCode: v.unitCode,
				title: v.title,
				worksInMynumber: v.worksInMynumber,
				roles: roles ? roles.start : v.roles,
				effectiveAt: v.effectiveAt,
			});
			continue;
		}
		const who = {
			row: v.row,
			staffId: now.id,
			accountId: now.accountId,
			staffNumber: v.staffNumber,
			displayName: v.displayName,
		};
		if (!now.active) plan.returning.push(who);
		if (now.orgUnitId !== v.unitId) {
			plan.moves.push({
				...who,
				fromUnitCode: unitCodes.get(now.orgUnitId) ?? "",
				toUnitId: v.unitId,
				toUnitCode: v.unitCode,
				effectiveAt: v.effectiveAt,
			});
		}
		const changed = (
			field: RosterPlan["updates"][number]["field"],
			before: string | null,
			after: string | null,
		) => {
			if (before !== after) plan.updates.push({ ...who, field, before, after });
		};
		changed("category", now.category, v.category);
		changed("title", now.title, v.title);
		changed("displayName", now.displayName, v.displayName);
		changed("email", now.email, v.email);
		changed("worksInMynumber", String(now.worksInMynumber), String(v.worksInMynumber));
		const { end, start } = roleDiff(state, unitCodes, now.accountId, v.roles);
		if (end.length > 0 || start.length > 0) {
			plan.roleChanges.push({ ...who, effectiveAt: v.effectiveAt, end, start });
		}
	}
	// A roster whose header cannot be read lists nobody: that is not everybody leaving.
	const unreadable = errors.some((e) => e.row === headerRow);
	for (const s of unreadable ? [] : state.staff) {
		if (!s.active || listed.has(s.staffNumber)) continue;
		if (s.accountId === actorAccountId) {
			errors.push(
				rowError(headerRow, "職員番号", "roster_self_missing", { staffNumber: s.staffNumber }),
			);
			continue;
		}
		plan.leavers.push({
			staffId: s.id,
			accountId: s.accountId,
			staffNumber: s.staffNumber,
			displayName: s.displayName,
			username: s.username,
			unitCode: unitCodes.get(s.orgUnitId) ?? "",
			endRoles: state.roles.filter((r) => r.accountId === s.accountId).map((r) => r.id),
		});
	}
	plan.counts = {
		newStaff: plan.newStaff.length,
		moves: plan.moves.length,
		updates: plan.updates.length,
		roleChanges: plan.roleChanges.length,
		returning: plan.returning.length,
		leavers: plan.leavers.length,
		accountsToDisable: plan.leavers.length,
		invalidRows: new Set(errors.map((e) => e.row)).size,
	};
	return plan;
}

/** The roster-managed roles an account holds and the roster does not list, and the reverse. */
function roleDiff(
	state: RosterState,
	unitCodes: ReadonlyMap<string, string>,
	accountId: string,
	wantedRoles: readonly RosterRoleTarget[],
) {
	const held = state.roles.filter((r) => r.accountId === accountId);
	const wanted = new Set(wantedRoles.map((t) => `${t.role}@${t.unitId ?? ""}`));
	const have = new Set(held.map((h) => `${h.role}@${h.orgUnitId ?? ""}`));
	const end = held
		.filter((h) => !wanted.has(`${h.role}@${h.orgUnitId ?? ""}`))
		.map((h) => ({
			assignmentId: h.id,
			role: h.role,
			unitCode: h.orgUnitId ? (unitCodes.get(h.orgUnitId) ?? null) : null,
		}));
	const start = wantedRoles.filter((t) => !have.has(`${t.role}@${t.unitId ?? ""}`));
	return { end, start };
}
