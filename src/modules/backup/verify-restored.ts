import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "../../db/connection.ts";
import { verifyTenantChain } from "../audit-log/verify-chain.ts";
import type { BackupManifest } from "./backup-manifest.ts";
import {
	pgQuery,
	pgTables,
	readFacts,
	type SnapshotFacts,
	sqliteFacts,
} from "./database-snapshot.ts";

export interface RestoredPlace {
	dataDir: string;
	databaseUrl: string | undefined;
}

export interface TenantCheck {
	slug: string;
	events: number;
	intact: boolean;
	/** Why not, when not: a broken link, or a head other than the manifest's. */
	reason?: string;
}

export interface RestoreReport {
	ok: boolean;
	tenants: TenantCheck[];
	tables: { table: string; rows: number; expected: number | undefined }[];
}

async function factsOf(place: RestoredPlace): Promise<SnapshotFacts> {
	if (!place.databaseUrl) return sqliteFacts(join(place.dataDir, "mamori.sqlite"));
	const client = new pg.Client({ connectionString: place.databaseUrl });
	await client.connect();
	try {
		return await readFacts(pgQuery(client), await pgTables(client));
	} finally {
		await client.end();
	}
}

/**
 * Check a restored database against its backup's manifest: every tenant's audit chain walks
 * intact up to exactly the head the manifest recorded, and every table has the rows it had.
 */
export async function verifyRestored(
	place: RestoredPlace,
	manifest: BackupManifest,
): Promise<RestoreReport> {
	const handle = openDatabase(place);
	const tenants: TenantCheck[] = [];
	try {
		for (const expected of manifest.tenants) {
			if (expected.seq === 0) {
				tenants.push({ slug: expected.slug, events: 0, intact: true });
				continue;
			}
			const verdict = await verifyTenantChain(handle.db, expected);
			if (!verdict.intact) {
				tenants.push({
					slug: expected.slug,
					events: verdict.events,
					intact: false,
					reason: verdict.reason,
				});
				continue;
			}
			const head = await handle.db
				.selectFrom("audit_heads")
				.select(["seq", "hash"])
				.where("tenant_id", "=", expected.id)
				.executeTakeFirst();
			const same =
				head !== undefined && Number(head.seq) === expected.seq && head.hash === expected.hash;
			tenants.push({
				slug: expected.slug,
				events: verdict.events,
				intact: same,
				...(same
					? {}
					: {
							reason: `the head is event ${head?.seq ?? 0}, the manifest recorded event ${expected.seq}`,
						}),
			});
		}
	} finally {
		await handle.db.destroy();
	}
	const facts = await factsOf(place);
	const names = new Set([...Object.keys(manifest.tables), ...Object.keys(facts.tables)]);
	const tables = [...names].sort().map((table) => ({
		table,
		rows: facts.tables[table] ?? 0,
		expected: manifest.tables[table],
	}));
	const missingTenants = manifest.tenants.length !== facts.tenants.length;
	const ok =
		!missingTenants &&
		tenants.every((t) => t.intact) &&
		tables.every((t) => t.expected === undefined || t.rows === t.expected);
	return { ok, tenants, tables };
}
