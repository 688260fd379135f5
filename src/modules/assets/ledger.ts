import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { refusal, ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { allowedActions } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import type { ClassificationScheme } from "../policies/pack/classification.schema.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { type AssetScope, assetScope, inScope } from "./asset-scope.ts";
import { assetsPolicy } from "./assets.policy.ts";
import type { AssetRow } from "./assets.repository.ts";
import type { assetSchema } from "./assets.schemas.ts";
import {
	type Classification,
	ClassificationError,
	classificationOf,
	deriveHandling,
	ledgerScheme,
	levelsOfKey,
} from "./classification.ts";

/** What every ledger use case needs: the tenant's scheme and the caller's reach. */
export interface Ledger {
	actor: Actor;
	scheme: ClassificationScheme;
	read: AssetScope;
	write: AssetScope;
}

/**
 * Load the tenant's classification scheme and the caller's scopes.
 *
 * @throws Problem `not_found` when the tenant has no policy pack
 */
export async function openLedger(db: Queryable, actor: Actor): Promise<Ledger> {
	const pack = await currentTenantPack(db, actor.tenantId);
	if (!pack) throw new Problem("not_found", "this tenant has no policy pack yet");
	return {
		actor,
		scheme: ledgerScheme(pack.pack),
		read: await assetScope(db, actor, "read"),
		write: await assetScope(db, actor, "write"),
	};
}

/** Validate level codes against the tenant's scheme, as a 400 naming the field. */
export function classify(
	ledger: Ledger,
	levels: readonly string[],
	path = "levels",
): Classification {
	try {
		return classificationOf(ledger.scheme, levels);
	} catch (error) {
		if (!(error instanceof ClassificationError)) throw error;
		throw new Problem("validation_failed", error.message, {
			issues: [ruleIssue(path, error.code, error.message, error.params)],
		});
	}
}

/** The asset if the caller may see it (404 otherwise: out-of-scope assets do not exist for them). */
export function visible(ledger: Ledger, row: AssetRow | undefined): AssetRow {
	if (!row || !inScope(ledger.read, row.owner_unit_id)) {
		throw new Problem("not_found", "no such asset");
	}
	return row;
}

/** The asset if the caller may change it. */
export function editable(ledger: Ledger, row: AssetRow | undefined): AssetRow {
	const asset = visible(ledger, row);
	if (!inScope(ledger.write, asset.owner_unit_id)) {
		throw refusal("forbidden", "read_only_scope", "you may read this asset but not change it");
	}
	return asset;
}

/** A unit the caller may put assets in. */
export function assertWritableUnit(ledger: Ledger, unitId: string, path = "ownerUnitId"): void {
	if (!inScope(ledger.write, unitId)) {
		throw new Problem("validation_failed", "the owner unit is not one you manage", {
			issues: [ruleIssue(path, "org_unit_not_managed", "not a unit you manage")],
		});
	}
}

export type AssetView = z.infer<typeof assetSchema>;

/** Whitelist what leaves the server, with the handling the pack derives for its class. */
export function presentAsset(ledger: Ledger, row: AssetRow): AssetView {
	const levels = levelsOfKey(row.class_key);
	let handling: AssetView["handling"] = null;
	if (row.scheme === ledger.scheme.code) {
		try {
			handling = deriveHandling(ledger.scheme, levels);
		} catch {
			handling = null;
		}
	}
	const writable = inScope(ledger.write, row.owner_unit_id);
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		kind: row.kind as AssetView["kind"],
		ownerUnit: { id: row.owner_unit_id, code: row.unit_code, name: row.unit_name },
		managerName: row.manager_name,
		location: row.location,
		zone: row.zone as AssetView["zone"],
		classification: { scheme: row.scheme, levels, key: row.class_key, rank: row.class_rank },
		personalData: row.personal_data as AssetView["personalData"],
		retention: row.retention,
		lifecycle: row.lifecycle as AssetView["lifecycle"],
		relatedSystem: row.related_system,
		notes: row.notes,
		version: row.version,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		handling,
		allowedActions: allowedActions(ledger.actor, assetsPolicy).filter(
			(action) => action === "asset.read" || writable,
		),
	};
}
