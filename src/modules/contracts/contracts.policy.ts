import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use 業務委託 at all; `contract-desk.ts` then narrows each person to the contracts of the
 * units they manage (the CISO, 統括 and auditors see all), and the pack narrows deciding 再委託 to
 * its approver, delegate and those above them (`organisation.approvals.outsourcing`).
 */
export const contractsPolicy = definePolicy({
	"contract.read": ["ciso", "chief_officer", "department_officer", "section_manager", "auditor"],
	/** Register contractors and contracts of a unit one manages; record the end of a contract. */
	"contract.manage": ["ciso", "chief_officer", "department_officer", "section_manager"],
	/** The ceiling of deciding 再委託; the pack narrows it to its approver and delegate. */
	"contract.decide": ["ciso", "chief_officer"],
	/** Periodic checks of a contractor (a failed one raises a finding) and the clause check of all. */
	"contract.check": ["ciso", "chief_officer"],
	"contract.import": ["ciso", "chief_officer"],
	"contract.export": ["ciso", "chief_officer", "auditor"],
});

export type ContractAction = keyof typeof contractsPolicy;
