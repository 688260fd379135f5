import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Reads may run on the pool or inside a transaction; writes take `Tx` only. */
export type Queryable = Kysely<Database>;
