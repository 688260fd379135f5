import { takeOutsJobs } from "../../modules/assets/take-outs/take-outs.jobs.ts";
import { campaignsJobs } from "../../modules/assurance/campaigns/campaigns.jobs.ts";
import { findingsJobs } from "../../modules/assurance/findings/findings.jobs.ts";
import { auditJobs } from "../../modules/audit-log/audit-log.jobs.ts";
import { backupJobs } from "../../modules/backup/backup.jobs.ts";
import { cloudServicesJobs } from "../../modules/cloud-services/cloud-services.jobs.ts";
import { contractsJobs } from "../../modules/contracts/contracts.jobs.ts";
import { exceptionsJobs } from "../../modules/exceptions/exceptions.jobs.ts";
import { incidentsJobs } from "../../modules/incidents/incidents.jobs.ts";
import { myNumberJobs } from "../../modules/my-number/my-number.jobs.ts";
import { documentsJobs } from "../../modules/policies/documents/documents.jobs.ts";
import { socialMediaJobs } from "../../modules/social-media/social-media.jobs.ts";
import { trainingJobs } from "../../modules/training/training.jobs.ts";
import { webhooksJobs } from "../../modules/webhooks/webhooks.jobs.ts";
import { importJobs } from "../imports/imports.jobs.ts";
import type { JobDeclaration } from "./job.ts";

/**
 * Every job this version of Mamori knows, as declared by the modules that own them. A job in the
 * table whose name is not here fails visibly (and is kept), never silently.
 */
export const JOBS: readonly JobDeclaration[] = [
	...documentsJobs,
	...auditJobs,
	...importJobs,
	...incidentsJobs,
	...findingsJobs,
	...campaignsJobs,
	...exceptionsJobs,
	...socialMediaJobs,
	...cloudServicesJobs,
	...backupJobs,
	...contractsJobs,
	...webhooksJobs,
	...takeOutsJobs,
	...myNumberJobs,
	...trainingJobs,
];
