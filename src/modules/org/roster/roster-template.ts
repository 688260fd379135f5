import type { Queryable } from "../../../db/queryable.ts";
import { toCsv } from "../../../shared/csv.ts";
import {
	type ListValidation,
	listOfValues,
	listSource,
	type SheetOut,
	writeXlsx,
} from "../../../shared/tabular.ts";
import { type Role, UNIT_SCOPED_ROLES } from "../../authz/roles.ts";
import type { PolicyPack } from "../../policies/pack/pack.schema.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { listOrgUnits } from "../org.repository.ts";
import { treeOrder } from "../org-rules.ts";
import {
	ROLE_ALIASES,
	ROSTER_COLUMNS,
	ROSTER_HEADERS,
	ROSTER_ROLES,
	TEMPLATE_EXAMPLE,
} from "./roster-format.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The sheets of the XLSX template besides the roster itself. */
export const ROSTER_CODE_SHEETS = {
	units: "所属コード",
	roles: "役割",
	categories: "職員区分",
} as const;

const KIND_LABELS: Record<string, string> = {
	agency: "機関",
	department: "部局",
	section: "課",
	subsection: "係",
	system: "システム",
};

const columnOf = (key: (typeof ROSTER_COLUMNS)[number]["key"]) =>
	ROSTER_COLUMNS.findIndex((column) => column.key === key);

/** The Japanese name of a role: the pack's title, else the longest short name the roster accepts. */
function roleTitle(pack: PolicyPack | undefined, role: Role): string {
	const titled = pack?.organisation.roles.find((r) => r.code === role)?.title.ja;
	if (titled) return titled;
	if (role === "committee_member" && pack?.organisation.committee) {
		return `${pack.organisation.committee.name.ja}の委員`;
	}
	const aliases = Object.entries(ROLE_ALIASES).filter(([, r]) => r === role);
	return aliases.map(([alias]) => alias).sort((a, b) => b.length - a.length)[0] ?? role;
}

/** Every token the 役割 column accepts: each role's code, then its Japanese short names. */
function roleRows(pack: PolicyPack | undefined): string[][] {
	return ROSTER_ROLES.flatMap((role) => {
		const scope = UNIT_SCOPED_ROLES.has(role) ? `必要（例: ${role}@所属コード）` : "不要";
		const aliases = Object.entries(ROLE_ALIASES).filter(([, r]) => r === role);
		return [role, ...aliases.map(([alias]) => alias)].map((token) => [
			token,
			role,
			roleTitle(pack, role),
			scope,
		]);
	});
}

/** The example row, naming one of this tenant's units (a 課 when there is one) instead of ours. */
function exampleRow(units: readonly { code: string; kind: string }[]): string[] {
	const unit = units.find((u) => u.kind === "section") ?? units[0];
	const example = [...TEMPLATE_EXAMPLE];
	const placeholder = example[columnOf("unitCode")] ?? "";
	if (!unit) return example;
	return example.map((cell) => cell.replaceAll(placeholder, unit.code));
}

/**
 * The roster template: headers and one example row, plus (in XLSX) sheets listing this tenant's
 * 所属コード (in the city's order), the role tokens and the staff categories, and Excel
 * drop-downs on the roster's closed columns (職員区分, 所属コード, マイナンバー利用事務) and on
 * 役割 (which offers the tokens but accepts combinations such as `管理者@010100; 委員`).
 */
export async function rosterTemplate(
	db: Queryable,
	tenantId: string,
	format: "xlsx" | "csv",
): Promise<{ bytes: Uint8Array; type: string }> {
	const units = treeOrder(await listOrgUnits(db, tenantId)).map(({ unit }) => unit);
	const example = exampleRow(units);
	if (format === "csv") {
		const text = toCsv([...ROSTER_HEADERS], [example]);
		return { bytes: new TextEncoder().encode(text), type: "text/csv; charset=utf-8" };
	}
	const pack = (await currentTenantPack(db, tenantId))?.pack;
	const nameOf = new Map(units.map((u) => [u.id, u.name]));
	const unitRows = units.map((unit) => [
		unit.code,
		unit.name,
		KIND_LABELS[unit.kind] ?? unit.kind,
		unit.parent_id ? (nameOf.get(unit.parent_id) ?? "") : "",
	]);
	const roles = roleRows(pack);
	const categories = (pack?.staffCategories ?? []).map((c) => [c.label.ja, c.code]);
	const { units: unitSheet, roles: roleSheet, categories: categorySheet } = ROSTER_CODE_SHEETS;
	const validations: ListValidation[] = [];
	const drop = (key: Parameters<typeof columnOf>[0], formula: string | null, strict = true) => {
		if (formula)
			validations.push({
				column: columnOf(key),
				formula,
				errorStyle: strict ? "stop" : "information",
			});
	};
	drop("category", listSource(categorySheet, 0, 2, categories.length + 1));
	drop("unitCode", listSource(unitSheet, 0, 2, unitRows.length + 1));
	drop("roles", listSource(roleSheet, 0, 2, roles.length + 1), false);
	drop("worksInMynumber", listOfValues(["○", "×"]));
	const sheets: SheetOut[] = [
		{ name: "名簿", header: [...ROSTER_HEADERS], rows: [example], validations },
		{
			name: unitSheet,
			header: ["所属コード", "所属名", "種別", "上位の所属"],
			rows: unitRows,
			widths: [14, 30, 10, 30],
		},
		{
			name: roleSheet,
			header: ["役割に書く値", "役割コード", "役割", "所属の指定"],
			rows: roles,
			widths: [28, 20, 30, 32],
		},
		{ name: categorySheet, header: ["職員区分", "コード"], rows: categories },
	];
	return { bytes: await writeXlsx(sheets), type: XLSX_TYPE };
}
