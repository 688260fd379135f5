import { definePolicy } from "../authz/policy.ts";

/**
 * Home: everyone sees what waits for them; the setup checklist is for those who set the tenant
 * up (its administrator, the CISO and the 統括情報セキュリティ責任者), and for auditors who check it.
 */
export const homePolicy = definePolicy({
	"home.my_work": ["staff"],
	"home.setup_progress": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	// The instance's backups and drills: its administrator looks after them.
	"home.backup_status": ["tenant_admin"],
});
