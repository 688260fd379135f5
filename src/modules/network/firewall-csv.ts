import {
	type NetworkIssueCode,
	type NetworkIssueParams,
	networkIssueText,
} from "../../shared/network-issues.ts";
import { readTable } from "../../shared/tabular.ts";
import { ANY_ADDRESS, parseCidr } from "./address.ts";
import { type Flow, modelIdSchema, type NetworkModelFile } from "./model.schema.ts";
import { indexModel } from "./model-index.ts";

/** A firewall row that could not become a flow: 1-based row (the header is row 1) and column. */
export interface FirewallRowError {
	row: number;
	column: string;
	/** Why, as a stable code of src/shared/network-issues.ts; people read its catalogue text. */
	code: NetworkIssueCode;
	params: NetworkIssueParams;
	/** The English catalogue text, for developers and the CLI. */
	message: string;
}

function rowError(
	row: number,
	column: string,
	code: NetworkIssueCode,
	params: NetworkIssueParams = {},
): FirewallRowError {
	return { row, column, code, params, message: networkIssueText(code, params, "en") };
}

export interface FirewallFlows {
	/** One flow per permitted source × destination; deny rows are skipped. */
	flows: Flow[];
	/** The spreadsheet row of each flow (same order as `flows`). */
	rows: number[];
	errors: FirewallRowError[];
	/** Rows that deny traffic: not flows, counted for the report. */
	deniedRows: number;
}

type Field =
	| "id"
	| "source"
	| "destination"
	| "protocol"
	| "port"
	| "action"
	| "via"
	| "purpose"
	| "classification"
	| "owner"
	| "note";

/** Accepted headers per field, Japanese first (the documented layout), then English. */
export const FIREWALL_HEADERS: Record<Field, readonly string[]> = {
	id: ["ルールID", "ルール番号", "id", "rule", "rule id"],
	source: ["送信元", "source", "src"],
	destination: ["宛先", "destination", "dst"],
	protocol: ["プロトコル", "protocol"],
	port: ["ポート", "宛先ポート", "port"],
	action: ["動作", "アクション", "action"],
	via: ["経由", "経由ゲートウェイ", "via"],
	purpose: ["目的", "用途", "purpose"],
	classification: ["最高格付", "格付", "classification"],
	owner: ["所管", "管理者", "owner"],
	note: ["備考", "note"],
};

const REQUIRED: readonly Field[] = ["id", "source", "destination", "action"];
const ALLOW = new Set(["許可", "allow", "permit", "accept", "pass"]);
const DENY = new Set(["拒否", "deny", "drop", "reject", "block", "破棄"]);

/**
 * Reads a firewall rule base exported as CSV (UTF-8 with or without BOM, or Shift_JIS) or XLSX,
 * with the Japanese headers of `docs/network-format.md`. Each permitted source × destination
 * becomes a flow whose id is the rule id (`R10`, or `R10#2` when a cell lists several
 * addresses). Whole-file failures (encoding, size) throw the `Problem` of `readTable`.
 *
 * @example
 * const { flows, errors } = await parseFirewallCsv(readFileSync("rules.csv"));
 */
export async function parseFirewallCsv(content: Buffer): Promise<FirewallFlows> {
	const table = await readTable(content);
	const [header = [], ...body] = table.rows;
	const errors: FirewallRowError[] = [];
	const column = new Map<Field, number>();
	const normalised = header.map((cell) => cell.trim().toLowerCase());
	for (const [field, names] of Object.entries(FIREWALL_HEADERS) as [Field, readonly string[]][]) {
		const at = normalised.findIndex((cell) => names.some((name) => name.toLowerCase() === cell));
		if (at >= 0) column.set(field, at);
	}
	const missing = REQUIRED.filter((field) => !column.has(field));
	if (missing.length > 0) {
		for (const field of missing) {
			const heading = FIREWALL_HEADERS[field][0] ?? field;
			errors.push(rowError(1, heading, "firewall_header_missing", { column: heading }));
		}
		return { flows: [], rows: [], errors, deniedRows: 0 };
	}
	const flows: Flow[] = [];
	const rows: number[] = [];
	const seen = new Map<string, number>();
	let deniedRows = 0;
	body.forEach((cells, i) => {
		const row = i + 2;
		const cell = (field: Field) => {
			const at = column.get(field);
			return at === undefined ? "" : (cells[at] ?? "").trim();
		};
		if (cells.every((c) => c.trim() === "")) return;
		const fail = (field: Field, code: NetworkIssueCode, params: NetworkIssueParams = {}) =>
			errors.push(rowError(row, FIREWALL_HEADERS[field][0] ?? field, code, params));
		const id = cell("id");
		const action = cell("action").toLowerCase();
		if (DENY.has(action)) {
			deniedRows++;
			return;
		}
		let ok = true;
		if (!ALLOW.has(action)) {
			fail("action", "firewall_action_invalid", { value: cell("action") });
			ok = false;
		}
		if (!modelIdSchema.safeParse(id).success) {
			if (id === "") fail("id", "firewall_id_empty");
			else fail("id", "firewall_id_invalid", { value: id });
			ok = false;
		} else if (seen.has(id)) {
			fail("id", "firewall_id_duplicate", { value: id, first: seen.get(id) ?? 0 });
			ok = false;
		} else {
			seen.set(id, row);
		}
		const sources = addresses(cell("source"));
		const destinations = addresses(cell("destination"));
		for (const [field, list] of [
			["source", sources],
			["destination", destinations],
		] as const) {
			if (list.length === 0) {
				fail(field, "firewall_cell_empty");
				ok = false;
			}
		}
		const via =
			cell("via") === ""
				? undefined
				: cell("via")
						.split(/\s*(?:>|→|,|;|\s)\s*/u)
						.filter(Boolean);
		const invalidVia = via?.find((v) => !modelIdSchema.safeParse(v).success);
		if (invalidVia !== undefined) {
			fail("via", "firewall_via_invalid", { value: invalidVia });
			ok = false;
		}
		if (!ok) return;
		const port = cell("port");
		const many = sources.length * destinations.length > 1;
		let n = 0;
		for (const source of sources) {
			for (const destination of destinations) {
				n++;
				const flow: Flow = { id: many ? `${id}#${n}` : id, source, destination };
				const protocol = cell("protocol");
				if (protocol !== "") flow.protocol = protocol.slice(0, 40);
				if (port !== "")
					flow.port =
						/^\d+$/.test(port) && Number(port) <= 65535 ? Number(port) : port.slice(0, 100);
				if (via !== undefined) flow.via = via;
				for (const field of ["purpose", "classification", "owner", "note"] as const) {
					const value = cell(field);
					if (value !== "") flow[field] = value;
				}
				flows.push(flow);
				rows.push(row);
			}
		}
	});
	return { flows, rows, errors, deniedRows };
}

function addresses(cell: string): string[] {
	return cell.split(/[\s,;、]+/u).filter((part) => part !== "");
}

/**
 * The model with its flows replaced by a firewall's, plus one error per row whose address or
 * name matches nothing in the model (the rows are where the user fixes the mapping).
 *
 * @example
 * const { model: checked, errors } = withFirewallFlows(model, await parseFirewallCsv(bytes));
 */
export function withFirewallFlows(
	model: NetworkModelFile,
	firewall: FirewallFlows,
): { model: NetworkModelFile; errors: FirewallRowError[] } {
	const index = indexModel(model);
	const errors: FirewallRowError[] = [];
	const flows: Flow[] = [];
	firewall.flows.forEach((flow, i) => {
		const row = firewall.rows[i] ?? 0;
		let ok = true;
		for (const [end, header] of [
			["source", "送信元"],
			["destination", "宛先"],
		] as const) {
			if (index.resolve(flow[end]) !== null) continue;
			ok = false;
			const address = ANY_ADDRESS.has(flow[end].toLowerCase()) || parseCidr(flow[end]) !== null;
			const code = !address
				? "firewall_endpoint_unknown"
				: index.spans(flow[end])
					? "firewall_address_spans"
					: "firewall_address_unmatched";
			errors.push(rowError(row, header, code, { value: flow[end] }));
		}
		for (const via of flow.via ?? []) {
			const gateway = index.gateways.has(via);
			const cloud = index.segments.get(via)?.kind === "security_cloud";
			if (!gateway && !cloud) {
				ok = false;
				errors.push(rowError(row, "経由", "firewall_unknown_gateway", { value: via }));
			}
		}
		if (ok) flows.push(flow);
	});
	return { model: { ...model, flows }, errors };
}
