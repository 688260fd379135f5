import type { Queryable } from "../../db/queryable.ts";
import { assetSummaries } from "../assets/asset-summaries.ts";
import { can } from "../authz/policy.ts";
import { contractSummaries } from "../contracts/contract-summaries.ts";
import { modelZonesOfAssets } from "../network/asset-tiers.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { staffWithAccounts } from "../org/staff.repository.ts";
import { myNumberPolicy } from "./my-number.policy.ts";
import {
	type AffairRow,
	handlersOf,
	linksOf,
	listAffairs,
	noticesOfAffair,
	provisionsOf,
} from "./my-number.repository.ts";
import type { AffairView } from "./my-number.schemas.ts";
import { isResponsible, type MyNumberDesk, mayKeep, visibleAffair } from "./my-number-desk.ts";
import {
	type AffairKind,
	type HandlerEndReason,
	handlerHolds,
	type PiaLevel,
	type PiaStatus,
	piaOverdue,
} from "./my-number-rules.ts";

/** Names the register shows: staff (by staff id) and units. */
export async function registerNames(db: Queryable, tenantId: string) {
	const [units, staff] = await Promise.all([
		listOrgUnits(db, tenantId),
		staffWithAccounts(db, tenantId).execute(),
	]);
	return {
		units: new Map(units.map((unit) => [unit.id, unit.name])),
		staff: new Map(
			staff.map((s) => [
				s.id,
				{ name: s.display_name, unitId: s.org_unit_id, active: Boolean(s.active) },
			]),
		),
	};
}

/** A linked asset is outside the My Number tier when the ledger or the network model says so. */
export async function assetLinks(db: Queryable, tenantId: string, assetIds: readonly string[]) {
	const [assets, modelZones] = await Promise.all([
		assetSummaries(db, tenantId, { ids: assetIds }),
		modelZonesOfAssets(db, tenantId, assetIds),
	]);
	return assets.map((asset) => {
		const modelZone = modelZones.get(asset.assetId) ?? null;
		return {
			assetId: asset.assetId,
			code: asset.code,
			name: asset.name,
			ledgerZone: asset.zone,
			modelZone,
			outsideTier:
				asset.zone !== "mynumber" || (modelZones.has(asset.assetId) && modelZone !== "mynumber"),
		};
	});
}

/** The affairs the caller sees: every one for the CISO, 統括 and auditors, else their own. */
export async function listVisibleAffairs(db: Queryable, desk: MyNumberDesk) {
	const tenantId = desk.actor.tenantId;
	const affairs = await listAffairs(db, tenantId, desk.seesAll ? undefined : desk.ownStaffIds);
	const ids = affairs.map((a) => a.id);
	const [names, handlers, links] = await Promise.all([
		registerNames(db, tenantId),
		handlersOf(db, tenantId, ids),
		linksOf(db, tenantId, ids),
	]);
	const assets = await assetLinks(
		db,
		tenantId,
		links.filter((l) => l.kind === "asset").map((l) => l.target_id),
	);
	const outside = new Set(assets.filter((a) => a.outsideTier).map((a) => a.assetId));
	const unseen = await Promise.all(
		affairs.map(async (affair) =>
			isResponsible(desk, affair)
				? (await noticesOfAffair(db, tenantId, affair.id)).filter(
						(n) => n.seen_at === null && n.account_id === desk.actor.accountId,
					).length
				: 0,
		),
	);
	return {
		items: affairs.map((affair, i) => ({
			id: affair.id,
			name: affair.name,
			kind: affair.kind as AffairKind,
			responsible: names.staff.get(affair.responsible_staff_id)?.name ?? "",
			currentHandlers: handlers.filter(
				(h) => h.affair_id === affair.id && handlerHolds(h, desk.today),
			).length,
			piaLevel: affair.pia_level as PiaLevel,
			piaStatus: affair.pia_status as PiaStatus,
			piaDueOn: affair.pia_due_on,
			piaOverdue: piaOverdue(affair, desk.today),
			assetsOutsideTier: links.filter(
				(l) => l.affair_id === affair.id && l.kind === "asset" && outside.has(l.target_id),
			).length,
			unseenNotices: unseen[i] ?? 0,
		})),
		mayManage: can(desk.actor, myNumberPolicy, "my_number.manage"),
		mayReport: can(desk.actor, myNumberPolicy, "my_number.report"),
	};
}

/** One affair as the register shows it, with the caller's allowed actions. */
export async function presentAffair(
	db: Queryable,
	desk: MyNumberDesk,
	affair: AffairRow,
): Promise<AffairView> {
	const tenantId = desk.actor.tenantId;
	const [names, handlers, links, provisions, notices] = await Promise.all([
		registerNames(db, tenantId),
		handlersOf(db, tenantId, [affair.id]),
		linksOf(db, tenantId, [affair.id]),
		provisionsOf(db, tenantId, [affair.id]),
		noticesOfAffair(db, tenantId, affair.id),
	]);
	const [assets, contracts] = await Promise.all([
		assetLinks(
			db,
			tenantId,
			links.filter((l) => l.kind === "asset").map((l) => l.target_id),
		),
		contractSummaries(db, tenantId, {
			ids: links.filter((l) => l.kind === "contract").map((l) => l.target_id),
		}),
	]);
	const handlerName = (staffId: string) => names.staff.get(staffId)?.name ?? "";
	const allowed: ("keep" | "manage")[] = [];
	if (mayKeep(desk, affair)) allowed.push("keep");
	if (can(desk.actor, myNumberPolicy, "my_number.manage")) allowed.push("manage");
	return {
		id: affair.id,
		name: affair.name,
		kind: affair.kind as AffairKind,
		legalBasis: affair.legal_basis,
		responsible: {
			staffId: affair.responsible_staff_id,
			name: handlerName(affair.responsible_staff_id),
		},
		piaLevel: affair.pia_level as PiaLevel,
		piaStatus: affair.pia_status as PiaStatus,
		piaDoneOn: affair.pia_done_on,
		piaDueOn: affair.pia_due_on,
		piaOverdue: piaOverdue(affair, desk.today),
		handlers: handlers.map((h) => ({
			id: h.id,
			staffId: h.staff_id,
			name: handlerName(h.staff_id),
			unitName: names.units.get(h.org_unit_id) ?? "",
			startsOn: h.starts_on,
			endsOn: h.ends_on,
			endReason: h.end_reason as HandlerEndReason | null,
			current: handlerHolds(h, desk.today),
		})),
		assets,
		contracts: contracts.map((c) => ({
			contractId: c.contractId,
			code: c.code,
			title: c.title,
			contractorName: c.contractorName,
			state: c.state,
			subcontracts: c.subcontracts,
		})),
		provisions: provisions.map((p) => ({
			id: p.id,
			providedOn: p.provided_on,
			recipient: p.recipient,
			legalBasis: p.legal_basis,
			items: p.items,
			personCount: Number(p.person_count),
			recordedBy: p.recorded_by_label,
		})),
		// The responsible person sees the notices addressed to them; the CISO and 統括 all.
		notices: notices
			.filter((n) => desk.seesAll || n.account_id === desk.actor.accountId)
			.map((n) => {
				const entry = handlers.find((h) => h.id === n.handler_id);
				return {
					id: n.id,
					handlerName: entry ? handlerName(entry.staff_id) : "",
					endsOn: entry?.ends_on ?? null,
					endReason: (entry?.end_reason ?? null) as HandlerEndReason | null,
					createdAt: n.created_at,
					seenAt: n.seen_at,
				};
			}),
		version: Number(affair.version),
		allowedActions: allowed,
	};
}

export async function getAffair(db: Queryable, desk: MyNumberDesk, id: string) {
	return presentAffair(db, desk, await visibleAffair(db, desk, id));
}

/** Active staff to choose a responsible person or handler from. */
export async function myNumberOptions(db: Queryable, desk: MyNumberDesk) {
	const names = await registerNames(db, desk.actor.tenantId);
	return {
		staff: [...names.staff.entries()]
			.filter(([, s]) => s.active)
			.map(([id, s]) => ({ id, name: s.name, unitName: names.units.get(s.unitId) ?? "" })),
	};
}
