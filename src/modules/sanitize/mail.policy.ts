import { definePolicy } from "../authz/policy.ts";

/**
 * The 無害化 gateway's mail: every account reads the mail addressed to it (officers see more, see
 * `mail.scope.ts`) and may ask for an original attachment; a unit's 情報セキュリティ管理者
 * (section_manager, for its unit) or the chief officer decides; officers see the summary.
 */
export const mailPolicy = definePolicy({
	"mail.read": ["staff"],
	"mail.release_request": ["staff"],
	"mail.release_decide": ["section_manager", "chief_officer"],
	"mail.summary": ["section_manager", "chief_officer", "ciso"],
});
