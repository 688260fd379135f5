import type {
	CloudServiceKind,
	CloudServiceState,
	DataLocation,
	IsmapStatus,
} from "./cloud-rules.ts";
import { CLOUD_LIMITS } from "./cloud-services.schemas.ts";

/**
 * The register's spreadsheet layout: Japanese headers, in this order in the export. `required`
 * columns must be in the header row; `informational` ones are written by the export (state,
 * approval, flags: they change only through the register's steps) and ignored by the import.
 */
export const SERVICE_COLUMNS = [
	{ key: "code", header: "サービス番号", required: true, max: CLOUD_LIMITS.code },
	{ key: "name", header: "サービス名", required: true, max: CLOUD_LIMITS.name },
	{ key: "provider", header: "提供事業者", required: true, max: CLOUD_LIMITS.provider },
	{ key: "kind", header: "種別", required: true, max: 40 },
	{ key: "unit", header: "所管課", required: true, max: 200 },
	{ key: "unitName", header: "所管課名", required: false, max: 200, informational: true },
	{ key: "purpose", header: "利用目的", required: false, max: CLOUD_LIMITS.purpose },
	{
		key: "dataDescription",
		header: "保存する情報",
		required: false,
		max: CLOUD_LIMITS.dataDescription,
	},
	{ key: "dataLevel", header: "格付け", required: true, max: 40 },
	{ key: "ismap", header: "ISMAP", required: true, max: 40 },
	{ key: "dataLocation", header: "データの保存場所", required: true, max: 40 },
	{
		key: "locationDetail",
		header: "保存場所の詳細",
		required: false,
		max: CLOUD_LIMITS.locationDetail,
	},
	{ key: "slaUptime", header: "稼働率", required: false, max: CLOUD_LIMITS.sla },
	{ key: "slaRecovery", header: "復旧時間", required: false, max: CLOUD_LIMITS.sla },
	{ key: "backups", header: "バックアップ", required: true, max: 20 },
	{ key: "nextReviewOn", header: "次回見直し日", required: false, max: 20 },
	{ key: "notes", header: "備考", required: false, max: CLOUD_LIMITS.notes },
	{ key: "state", header: "状態", required: false, max: 40, informational: true },
	{
		key: "approvedMax",
		header: "承認された格付けの上限",
		required: false,
		max: 40,
		informational: true,
	},
	{ key: "flags", header: "指摘", required: false, max: 400, informational: true },
] as const;

export type ServiceColumn = (typeof SERVICE_COLUMNS)[number];
export type ServiceColumnKey = ServiceColumn["key"];
export const SERVICE_HEADERS: readonly string[] = SERVICE_COLUMNS.map((column) => column.header);
export const SERVICE_SHEET = "クラウドサービス等利用台帳";

export const KIND_LABELS: Record<CloudServiceKind, string> = {
	saas: "SaaS",
	iaas: "IaaS",
	paas: "PaaS",
	web_conferencing: "Web会議",
	free_mail: "フリーメール",
	other: "その他",
};
export const ISMAP_LABELS: Record<IsmapStatus, string> = {
	ismap: "ISMAP",
	ismap_liu: "ISMAP-LIU",
	none: "なし",
};
export const LOCATION_LABELS: Record<DataLocation, string> = {
	japan: "国内",
	overseas: "国外",
	unknown: "不明",
};
export const BACKUP_LABELS = { yes: "あり", no: "なし" } as const;
export const STATE_LABELS: Record<CloudServiceState, string> = {
	draft: "登録中",
	requested: "承認申請中",
	approved: "承認済み",
	refused: "却下",
	in_use: "利用中",
	retired: "利用終了",
};
export const FLAG_LABELS: Record<string, string> = {
	over_approval: "承認を超える格付け",
	strict_unmet: "要件未充足",
	review_overdue: "見直し期限超過",
	free_mail_prohibited: "フリーメール禁止",
};

const fold = (text: string) => text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();

/** A code from its label or the code itself (full width and case folded); undefined if neither. */
export function parseLabel<T extends string>(
	labels: Record<T, string>,
	input: string,
	aliases: Record<string, T> = {},
): T | undefined {
	const wanted = fold(input);
	for (const [code, label] of Object.entries(labels) as [T, string][]) {
		if (fold(label) === wanted || fold(code) === wanted) return code;
	}
	for (const [alias, code] of Object.entries(aliases)) if (fold(alias) === wanted) return code;
	return undefined;
}

export const BACKUP_ALIASES: Record<string, "yes" | "no"> = {
	有: "yes",
	無: "no",
	true: "yes",
	false: "no",
	"1": "yes",
	"0": "no",
	"○": "yes",
	"×": "no",
};
export const LOCATION_ALIASES: Record<string, DataLocation> = { 日本: "japan", 海外: "overseas" };
