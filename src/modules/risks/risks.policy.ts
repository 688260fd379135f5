import { definePolicy } from "../authz/policy.ts";

const RISK_WRITERS = [
	"tenant_admin",
	"chief_officer",
	"department_officer",
	"section_manager",
	"system_admin",
] as const;

/**
 * Who may use the risk register at all; `asset-scope.ts` then narrows each person to the risks of
 * their units, exactly as in the asset ledger. Accepting a risk is further narrowed by the pack
 * (see `acceptance.ts`): the CISO, or the role the pack names for 例外措置 when it is one of these.
 *
 * `risk.raise` is entering a new risk that a finding elsewhere brought to light (an incident's
 * lessons): whoever writes the register, in the units they manage, and the CISO and the CSIRT,
 * who oversee every case, in any unit (`Register.raise`). Changing the risk afterwards stays with
 * those who write the register, in the risk's unit.
 */
export const risksPolicy = definePolicy({
	"risk.read": [
		"tenant_admin",
		"ciso",
		"chief_officer",
		"department_officer",
		"section_manager",
		"system_admin",
		"csirt",
		"auditor",
	],
	"risk.write": RISK_WRITERS,
	"risk.raise": [...RISK_WRITERS, "ciso", "csirt"],
	"risk.accept": ["ciso", "chief_officer"],
});
