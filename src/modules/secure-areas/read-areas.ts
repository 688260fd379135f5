import type { Queryable } from "../../db/queryable.ts";
import { assetsInArea } from "./area-assets.ts";
import { type AreaDesk, canSeeArea, mayKeep, mayManageAreas, visibleArea } from "./area-desk.ts";
import { activePeople, type Person, peopleByIds } from "./people.ts";
import { type AreaRow, areaCounts, listAreaRows, permitsOf } from "./secure-areas.repository.ts";
import { SECURE_AREA_LEVELS, type SecureAreaLevel } from "./secure-areas.schemas.ts";

function summary(
	desk: AreaDesk,
	row: AreaRow,
	people: ReadonlyMap<string, Person>,
	counts: { permits: ReadonlyMap<string, number>; assets: ReadonlyMap<string, number> },
) {
	const actions: ("keep" | "manage")[] = [];
	if (mayKeep(desk, row)) actions.push("keep");
	if (mayManageAreas(desk)) actions.push("manage");
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		level: row.level as SecureAreaLevel,
		location: row.location,
		manager: people.get(row.manager_staff_id) ?? null,
		permitCount: counts.permits.get(row.id) ?? 0,
		assetCount: counts.assets.get(row.id) ?? 0,
		version: Number(row.version),
		actions,
	};
}

/** The areas the caller sees: the ones they manage, or all for the CISO, 統括 and auditors. */
export async function listVisibleAreas(db: Queryable, desk: AreaDesk) {
	const tenantId = desk.actor.tenantId;
	const rows = (await listAreaRows(db, tenantId)).filter((row) => canSeeArea(desk, row));
	const people = await peopleByIds(
		db,
		tenantId,
		rows.map((row) => row.manager_staff_id),
	);
	const counts = await areaCounts(db, tenantId);
	return { items: rows.map((row) => summary(desk, row, people, counts)) };
}

/** One area with its permits and located assets. */
export async function getArea(db: Queryable, desk: AreaDesk, id: string) {
	const row = await visibleArea(db, desk, id);
	return presentArea(db, desk, row);
}

export async function presentArea(db: Queryable, desk: AreaDesk, row: AreaRow) {
	const tenantId = desk.actor.tenantId;
	const permits = await permitsOf(db, tenantId, [row.id]);
	const people = await peopleByIds(db, tenantId, [
		row.manager_staff_id,
		...permits.map((p) => p.staff_id),
	]);
	const assets = await assetsInArea(db, tenantId, row.id);
	const counts = {
		permits: new Map([[row.id, permits.length]]),
		assets: new Map([[row.id, assets.length]]),
	};
	return {
		...summary(desk, row, people, counts),
		permits: permits
			.map((permit) => ({
				id: permit.id,
				staff: people.get(permit.staff_id) ?? {
					staffId: permit.staff_id,
					staffNumber: "",
					name: "",
				},
				untilOn: permit.until_on,
				expired: permit.until_on < desk.today,
			}))
			.sort((a, b) => a.staff.staffNumber.localeCompare(b.staff.staffNumber)),
		assets,
	};
}

/** Staff to pick from, and the levels. */
export async function areaOptions(db: Queryable, desk: AreaDesk) {
	return { staff: await activePeople(db, desk.actor.tenantId), levels: [...SECURE_AREA_LEVELS] };
}
