import type { Schemas } from "../api/client.ts";
import type { MessageKey } from "../i18n/ja.ts";

export type Asset = Schemas["Asset"];
export type AssetHandling = NonNullable<Asset["handling"]>;
export type LedgerOptions = Schemas["AssetLedgerOptions"];

export const KINDS = ["systems", "information", "documents"] as const;
export const ZONES = ["mynumber", "lgwan", "internet", "standalone", "other"] as const;
export const PERSONAL = ["none", "personal", "specific_personal"] as const;
export const LIFECYCLE = [
	"planned",
	"in_use",
	"stored",
	"taken_out",
	"disposal_pending",
	"disposed",
	"returned",
] as const;

export const kindKey = (kind: string) => `assets.kind.${kind}` as MessageKey;
export const zoneKey = (zone: string) => `assets.zone.${zone}` as MessageKey;
export const personalKey = (value: string) => `assets.personal.${value}` as MessageKey;
export const lifecycleKey = (value: string) => `assets.lifecycle.${value}` as MessageKey;
export const axisKey = (axis: string) => `assets.axis.${axis}` as MessageKey;
export const ruleKey = (rule: string) => `assets.rule.${rule}` as MessageKey;

/** The handling rows shown with an asset, in the order a security officer reads them. */
export const HANDLING_ROWS = [
	"labelRequired",
	"issuedDevicesOnly",
	"storage",
	"copying",
	"encryptInTransit",
	"trustedLinesOnly",
	"takeOut",
	"protectWhenCarried",
	"disposal",
	"outsourcing",
	"backup",
	"tamperDetection",
] as const satisfies readonly (keyof AssetHandling)[];
