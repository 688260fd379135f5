import type { Queryable } from "../../db/queryable.ts";
import { staffWithAccounts } from "../org/staff.repository.ts";

/** A member of staff as the area's pages name them. */
export interface Person {
	staffId: string;
	staffNumber: string;
	name: string;
}

/** The roster's people of these ids (any state: an entry of someone since gone still names them). */
export async function peopleByIds(
	db: Queryable,
	tenantId: string,
	ids: Iterable<string | null>,
): Promise<Map<string, Person>> {
	const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
	const people = new Map<string, Person>();
	for (let i = 0; i < wanted.length; i += 500) {
		const rows = await staffWithAccounts(db, tenantId)
			.where("staff.id", "in", wanted.slice(i, i + 500))
			.execute();
		for (const row of rows)
			people.set(row.id, {
				staffId: row.id,
				staffNumber: row.staff_number,
				name: row.display_name,
			});
	}
	return people;
}

/** Active staff of the roster, to pick a manager, a permit holder or an escort. */
export async function activePeople(db: Queryable, tenantId: string): Promise<Person[]> {
	const rows = await staffWithAccounts(db, tenantId).where("staff.active", "=", true).execute();
	return rows.map((row) => ({
		staffId: row.id,
		staffNumber: row.staff_number,
		name: row.display_name,
	}));
}

/** Every staff number of the tenant's roster, to read a card reader's file. */
export async function staffByNumber(db: Queryable, tenantId: string): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom("staff")
		.select(["id", "staff_number"])
		.where("tenant_id", "=", tenantId)
		.execute();
	return new Map(rows.map((row) => [row.staff_number, row.id]));
}
