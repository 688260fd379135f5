import type { Transaction } from "kysely";
import type { Db } from "./connection.ts";
import type { Database } from "./schema.ts";

/** The handle every write path requires: writes happen only inside `inTransaction`. */
export type Tx = Transaction<Database>;

/**
 * Run `work` in one transaction. Everything it writes, including its audit events, commits
 * together or not at all. Side effects (mail, jobs) belong after this returns.
 *
 * @example
 * const account = await inTransaction(db, (tx) => createAccount(tx, actor, input));
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
	return db.transaction().execute(work);
}
