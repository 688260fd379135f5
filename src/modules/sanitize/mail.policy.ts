import { definePolicy } from "../authz/policy.ts";

/**
 * The 無害化 gateway's mail: every account reads the mail addressed to it (officers see more, see
 * `mail.scope.ts`) and may ask for an original attachment; a unit's 情報セキュリティ管理者
 * (section_manager, for its unit) or the chief officer decides (and may resend an approved file
 * that did not go out); officers see the summary and the gateway settings; the tenant
 * administrator and the CISO change the settings (the tenant's 無害化 policy).
 */
export const mailPolicy = definePolicy({
	"mail.read": ["staff"],
	"mail.release_request": ["staff"],
	"mail.release_decide": ["section_manager", "chief_officer"],
	"mail.summary": ["section_manager", "chief_officer", "ciso"],
	"mail.settings_read": ["section_manager", "chief_officer", "ciso", "tenant_admin"],
	"mail.settings_change": ["tenant_admin", "ciso"],
});
