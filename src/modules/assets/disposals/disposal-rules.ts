import type { AssetKind } from "../assets.schemas.ts";

/** How an asset left: four ways of erasing or destroying it, a plain deletion, or a lease return. */
export const DISPOSAL_METHODS = [
	"physical_destruction",
	"degaussing",
	"overwrite",
	"contractor_erasure",
	"deletion",
	"lease_return",
] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

/** Methods after which nothing can be restored (物理破壊, 磁気消去, 上書き消去, 委託業者による消去). */
export const IRRECOVERABLE_METHODS: ReadonlySet<DisposalMethod> = new Set([
	"physical_destruction",
	"degaussing",
	"overwrite",
	"contractor_erasure",
]);

/** Methods done by someone outside: the record names them. */
export const NEEDS_CONTRACTOR: ReadonlySet<DisposalMethod> = new Set([
	"contractor_erasure",
	"lease_return",
]);

export const FILE_KINDS = ["certificate", "photo"] as const;
export type DisposalFileKind = (typeof FILE_KINDS)[number];

/** The asset's lifecycle once the record is closed. */
export function finalLifecycle(method: DisposalMethod): "disposed" | "returned" {
	return method === "lease_return" ? "returned" : "disposed";
}

/**
 * Whether a method is acceptable for the asset's class: an `irrecoverable` class refuses a plain
 * deletion. A lease return is allowed; the lessor's erasure certificate is then required.
 */
export function methodAllowed(
	method: DisposalMethod,
	disposal: "irrecoverable" | "standard",
): boolean {
	return disposal === "standard" || method !== "deletion";
}

/**
 * Whether closing needs an erasure certificate (消去証明書): always for storage media (kind
 * `systems`, equipment and media), and for a lease return of an asset whose class requires
 * irrecoverable disposal.
 */
export function certificateRequired(
	kind: AssetKind,
	method: DisposalMethod,
	disposal: "irrecoverable" | "standard",
): boolean {
	return kind === "systems" || (method === "lease_return" && disposal === "irrecoverable");
}
