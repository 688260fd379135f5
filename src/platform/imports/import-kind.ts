import type { Database } from "../../db/schema.ts";
import type { AppDeps } from "../../deps.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import type { ColumnMapping, MappingTarget } from "./mapping.schemas.ts";

/** Rows checked against the module's rule, and rows written so far. */
export interface ImportProgress {
	checked: number;
	written: number;
}

/** One run of a module's import, inside the import worker thread, on its own connection. */
export interface ImportRun {
	deps: AppDeps;
	actor: Actor;
	bytes: Uint8Array;
	/** The module's options as stored with the request; the module validates them. */
	options: unknown;
	/** The city's own layout, read through this column mapping; null for the import's own layout. */
	mapping: ColumnMapping | null;
	/** The platform import being applied; null for a dry run or a CLI run. */
	importId: string | null;
	/** Dry run: check only. */
	dryRun: boolean;
	/** Report progress; cheap to call often (the pipeline throttles what it sends). */
	progress(update: ImportProgress): void;
}

/** What a run ends with: whether its changes were committed, and the module's JSON report. */
export interface ImportOutcome {
	applied: boolean;
	result: unknown;
	progress: ImportProgress;
}

/**
 * What a module declares to have its files imported by the platform's pipeline: its name, who
 * may import, the run (bounded read → header → every row checked → one transaction, in the
 * import worker thread) and the tables an applied run fills, analysed afterwards on PostgreSQL.
 *
 * @example
 * export const ledgerImport: ImportKind = {
 *   name: "assets.ledger", tables: ["assets"], authorize: (a) => authorize(a, assetsPolicy, "asset.import"),
 *   run: (r) => importAssets(r.deps.db, r.actor, r.bytes, options, r.progress),
 * };
 */
export interface ImportKind {
	/** `<module>.<what>`, stable: stored with each import. */
	name: string;
	/** Throws a `Problem` unless the actor may import (and read the import's progress). */
	authorize(actor: Actor): void;
	run(run: ImportRun): Promise<ImportOutcome>;
	/**
	 * The fields a column mapping can fill, for proposing one (docs/column-mapping.md); the
	 * import's options may choose among layouts (a drill's results or a roster of attendance).
	 */
	mappingTarget?(deps: AppDeps, actor: Actor, options: unknown): Promise<MappingTarget>;
	tables: readonly (keyof Database)[];
}
