import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { DbHandle, Engine } from "./connection.ts";
import * as platform from "./migrations/0001-platform.ts";
import * as tenantPacks from "./migrations/0002-tenant-packs.ts";
import * as orgStaff from "./migrations/0003-org-staff.ts";
import * as policyDocuments from "./migrations/0004-policy-documents.ts";
import * as policyReviews from "./migrations/0005-policy-reviews.ts";
import * as assets from "./migrations/0006-assets.ts";
import * as network from "./migrations/0007-network.ts";
import * as mailGateway from "./migrations/0008-mail-gateway.ts";
import * as assetCustody from "./migrations/0009-asset-custody.ts";
import * as risks from "./migrations/0010-risks.ts";
import * as assetSearchIndex from "./migrations/0011-asset-search-index.ts";
import * as jobs from "./migrations/0012-jobs.ts";
import * as imports from "./migrations/0013-imports.ts";
import * as mailDedup from "./migrations/0014-mail-dedup.ts";
import * as notificationReminders from "./migrations/0015-notification-reminders.ts";
import * as policyDecisions from "./migrations/0016-policy-decisions.ts";
import * as orgUnitOrder from "./migrations/0017-org-unit-order.ts";
import * as incidents from "./migrations/0018-incidents.ts";
import * as tenantDateStyle from "./migrations/0019-tenant-date-style.ts";
import * as incidentNotifications from "./migrations/0020-incident-notifications.ts";
import * as incidentCasework from "./migrations/0021-incident-casework.ts";
import * as tenantIncidentPreliminaryDays from "./migrations/0022-tenant-incident-preliminary-days.ts";
import * as drills from "./migrations/0023-drills.ts";
import * as mailHeldReasonCode from "./migrations/0024-mail-held-reason-code.ts";
import * as incidentIndexes from "./migrations/0025-incident-indexes.ts";
import * as incidentFiguresAndSources from "./migrations/0026-incident-figures-and-sources.ts";
import * as assuranceChecklists from "./migrations/0027-assurance-checklists.ts";
import * as findings from "./migrations/0028-findings.ts";
import * as assuranceAudits from "./migrations/0029-assurance-audits.ts";
import * as assuranceCampaigns from "./migrations/0030-assurance-campaigns.ts";
import * as auditFieldwork from "./migrations/0031-audit-fieldwork.ts";
import * as campaignClose from "./migrations/0032-campaign-close.ts";
import * as exceptions from "./migrations/0034-exceptions.ts";
import * as contracts from "./migrations/0035-contracts.ts";
import * as cloudServices from "./migrations/0036-cloud-services.ts";
import * as socialMedia from "./migrations/0037-social-media.ts";
import * as backupRuns from "./migrations/0038-backup-runs.ts";
import * as training from "./migrations/0039-training.ts";
import * as myNumber from "./migrations/0040-my-number.ts";
import * as secureAreas from "./migrations/0041-secure-areas.ts";
import * as directory from "./migrations/0042-directory.ts";
import * as apiTokens from "./migrations/0043-api-tokens.ts";
import * as webhooks from "./migrations/0044-webhooks.ts";
import * as oidcSignIn from "./migrations/0045-oidc-sign-in.ts";
import * as importMappings from "./migrations/0046-import-mappings.ts";
import * as secureAreaFlagsIndex from "./migrations/0049-secure-area-flags-index.ts";
import * as trainingPackReminders from "./migrations/0050-training-pack-reminders.ts";

interface EngineMigration {
	up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Forward-only: append new entries, never edit or reorder old ones. */
const MIGRATIONS: Record<string, EngineMigration> = {
	"0001-platform": platform,
	"0002-tenant-packs": tenantPacks,
	"0003-org-staff": orgStaff,
	"0004-policy-documents": policyDocuments,
	"0005-policy-reviews": policyReviews,
	"0006-assets": assets,
	"0007-network": network,
	"0008-mail-gateway": mailGateway,
	"0009-asset-custody": assetCustody,
	"0010-risks": risks,
	"0011-asset-search-index": assetSearchIndex,
	"0012-jobs": jobs,
	"0013-imports": imports,
	"0014-mail-dedup": mailDedup,
	"0015-notification-reminders": notificationReminders,
	"0016-policy-decisions": policyDecisions,
	"0017-org-unit-order": orgUnitOrder,
	"0018-incidents": incidents,
	"0019-tenant-date-style": tenantDateStyle,
	"0020-incident-notifications": incidentNotifications,
	"0021-incident-casework": incidentCasework,
	"0022-tenant-incident-preliminary-days": tenantIncidentPreliminaryDays,
	"0023-drills": drills,
	"0024-mail-held-reason-code": mailHeldReasonCode,
	"0025-incident-indexes": incidentIndexes,
	"0027-assurance-checklists": assuranceChecklists,
	"0028-findings": findings,
	"0026-incident-figures-and-sources": incidentFiguresAndSources,
	"0029-assurance-audits": assuranceAudits,
	"0030-assurance-campaigns": assuranceCampaigns,
	"0031-audit-fieldwork": auditFieldwork,
	"0032-campaign-close": campaignClose,
	"0034-exceptions": exceptions,
	"0037-social-media": socialMedia,
	"0036-cloud-services": cloudServices,
	"0035-contracts": contracts,
	"0038-backup-runs": backupRuns,
	"0039-training": training,
	"0040-my-number": myNumber,
	"0041-secure-areas": secureAreas,
	"0042-directory": directory,
	"0043-api-tokens": apiTokens,
	"0044-webhooks": webhooks,
	"0045-oidc-sign-in": oidcSignIn,
	"0046-import-mappings": importMappings,
	"0049-secure-area-flags-index": secureAreaFlagsIndex,
	"0050-training-pack-reminders": trainingPackReminders,
};

/** Every migration this version knows, oldest first: the newest is the schema version. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

class InCodeMigrations implements MigrationProvider {
	readonly #engine: Engine;
	constructor(engine: Engine) {
		this.#engine = engine;
	}
	async getMigrations(): Promise<Record<string, Migration>> {
		const engine = this.#engine;
		return Object.fromEntries(
			Object.entries(MIGRATIONS).map(([name, migration]) => [
				name,
				{ up: (db: Kysely<unknown>) => migration.up(db, engine) },
			]),
		);
	}
}

function migratorOf(handle: DbHandle): Migrator {
	return new Migrator({
		db: handle.db as unknown as Kysely<unknown>,
		provider: new InCodeMigrations(handle.engine),
		migrationTableName: "mamori_migrations",
		migrationLockTableName: "mamori_migrations_lock",
	});
}

/** Bring an empty or older schema to migration `name` exactly (a restore of an older backup). */
export async function migrateTo(handle: DbHandle, name: string): Promise<void> {
	const { error } = await migratorOf(handle).migrateTo(name);
	if (error) {
		throw new Error(
			`migration to ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
			{ cause: error },
		);
	}
}

/** Bring the schema up to date. Returns the names of the migrations applied now. */
export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
	const { error, results } = await migratorOf(handle).migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
		throw new Error(
			`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
			// Kept so that a database fault (unreachable, locked, full) is still recognised as one.
			{ cause: error },
		);
	}
	return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
