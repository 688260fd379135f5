import { z } from "zod";

/**
 * Audit events of 業務委託 (modules/contracts), merged into the catalogue of
 * audit-log.events.ts. The contract holds its texts and files; the log holds codes, the clauses
 * and gaps at each change, decisions and the SHA-256 of certificates and evidence.
 */
export const CONTRACT_EVENTS = {
	"contractor.created": z.object({ code: z.string(), name: z.string() }),
	"contractor.updated": z.object({ code: z.string(), changed: z.array(z.string()) }),
	"contractor.imported": z.object({
		format: z.enum(["csv", "xlsx"]),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
	}),
	"contractor.exported": z.object({ format: z.enum(["csv", "xlsx"]), rows: z.number().int() }),
	"contract.created": z.object({
		code: z.string(),
		contractorId: z.string(),
		orgUnitId: z.string(),
		assetIds: z.array(z.string()),
		clauses: z.array(z.string()),
		gaps: z.array(z.string()),
	}),
	"contract.updated": z.object({
		code: z.string(),
		changed: z.array(z.string()),
		clauses: z.array(z.string()),
		gaps: z.array(z.string()),
	}),
	"contract.imported": z.object({
		format: z.enum(["csv", "xlsx"]),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
	}),
	"contract.exported": z.object({ format: z.enum(["csv", "xlsx"]), rows: z.number().int() }),
	"contract.clauses_checked": z.object({
		contracts: z.number().int(),
		withGaps: z.number().int(),
		changed: z.number().int(),
	}),
	"contract.subcontract_requested": z.object({
		code: z.string(),
		subcontractId: z.string(),
		subcontractor: z.string(),
	}),
	/** Decided by the pack's approver or delegate (`role`). */
	"contract.subcontract_approved": z.object({
		code: z.string(),
		subcontractId: z.string(),
		role: z.string(),
		reason: z.string().nullable(),
	}),
	"contract.subcontract_refused": z.object({
		code: z.string(),
		subcontractId: z.string(),
		role: z.string(),
		reason: z.string().nullable(),
	}),
	"contract.checked": z.object({
		code: z.string(),
		checkId: z.string(),
		result: z.enum(["passed", "failed"]),
		failed: z.array(z.string()),
		evidenceSha256: z.string().nullable(),
		findingId: z.string().nullable(),
	}),
	"contract.ended": z.object({
		code: z.string(),
		kind: z.enum(["returned", "erased"]),
		endedOn: z.string(),
		fileName: z.string(),
		sha256: z.string(),
		size: z.number().int(),
	}),
};
