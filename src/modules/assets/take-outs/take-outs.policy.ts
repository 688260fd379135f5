import { definePolicy } from "../../authz/policy.ts";

/**
 * Take-out (持ち出し). Anyone may ask (for an asset of their own unit or one they manage; the use
 * case checks which); the unit's 情報セキュリティ管理者 decides, as may those above them (責任者 for
 * their department, 統括 and the CISO for the whole tenant). `take-out-desk.ts` narrows each
 * decider to their units, following the pack's `approvals.takeOut`.
 */
export const takeOutsPolicy = definePolicy({
	"take_out.read": ["staff"],
	"take_out.request": ["staff"],
	"take_out.decide": ["section_manager", "department_officer", "chief_officer", "ciso"],
	"take_out.return": ["staff"],
});
