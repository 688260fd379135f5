import { sql } from "kysely";
import type { Db, Engine } from "../../src/db/connection.ts";
import type { Database } from "../../src/db/schema.ts";

/** The chain head of a tenant: how many events it has and the hash of the last. */
export async function auditHead(db: Db, tenantId: string): Promise<{ seq: number; hash: string }> {
	const head = await db
		.selectFrom("audit_heads")
		.select(["seq", "hash"])
		.where("tenant_id", "=", tenantId)
		.executeTakeFirstOrThrow();
	return { seq: Number(head.seq), hash: head.hash };
}

/** A tenant's audit events in chain order, with their data parsed. */
export async function auditEvents(db: Db, tenantId: string) {
	const rows = await db
		.selectFrom("audit_events")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("seq")
		.execute();
	return rows.map((row) => ({
		...row,
		seq: Number(row.seq),
		payload: JSON.parse(row.data) as Record<string, unknown>,
	}));
}

/** Rows of a table, optionally of one tenant only. */
export async function countRows(
	db: Db,
	table: Exclude<keyof Database, "instance_settings">,
	tenantId?: string,
): Promise<number> {
	let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
	if (tenantId) query = query.where("tenant_id", "=", tenantId);
	const { n } = await query.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * Run `work` with the append-only triggers of audit_events out of the way, the way someone with
 * DDL rights could tamper with the log; the triggers are back when this returns.
 */
export async function withoutAuditTriggers<T>(
	deps: { db: Db; engine: Engine },
	work: () => Promise<T>,
): Promise<T> {
	const { db, engine } = deps;
	if (engine === "postgres") {
		await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(db);
	} else {
		await sql`DROP TRIGGER audit_events_no_update`.execute(db);
		await sql`DROP TRIGGER audit_events_no_delete`.execute(db);
	}
	try {
		return await work();
	} finally {
		if (engine === "postgres") {
			await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(db);
		} else {
			for (const operation of ["UPDATE", "DELETE"]) {
				await sql
					.raw(
						`CREATE TRIGGER audit_events_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_events
						 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
					)
					.execute(db);
			}
		}
	}
}

/**
 * Make every INSERT into audit_events fail until the returned function is called; with `type`,
 * only inserts of that event type, so a use case fails midway after its earlier writes.
 */
export async function breakAuditInserts(
	deps: { db: Db; engine: Engine },
	options: { type?: string } = {},
): Promise<() => Promise<void>> {
	const { db, engine } = deps;
	const type = options.type?.replaceAll("'", "''");
	const when = type ? `WHEN (NEW.type = '${type}')` : "";
	if (engine === "postgres") {
		await sql`
			CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'audit storage unavailable (test)'; END $$`.execute(db);
		await sql
			.raw(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events
			FOR EACH ROW ${when} EXECUTE FUNCTION test_refuse_audit()`)
			.execute(db);
		return async () => {
			await sql`DROP TRIGGER test_refuse_audit ON audit_events`.execute(db);
			await sql`DROP FUNCTION test_refuse_audit()`.execute(db);
		};
	}
	await sql
		.raw(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events ${when}
		BEGIN SELECT RAISE(ABORT, 'audit storage unavailable (test)'); END`)
		.execute(db);
	return async () => {
		await sql`DROP TRIGGER test_refuse_audit`.execute(db);
	};
}
