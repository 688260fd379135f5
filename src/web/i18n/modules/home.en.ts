import type { homeJa } from "./home.ja.ts";

/** English messages of Home, the grouped menu and dead ends: every key of the Japanese ones. */
export const homeEn: Record<keyof typeof homeJa, string> = {
	"docs.notification.backup_failed": "The scheduled backup failed. See Home for the reason.",
	"docs.notification.backup_drill_failed": "The restore drill failed. See Home for the reason.",
	"home.backup.title": "Backups",
	"home.backup.lastBackup": "Last good backup: {at}",
	"home.backup.noBackup": "No good backup yet.",
	"home.backup.lastDrill": "Last good restore drill: {at}",
	"home.backup.noDrill": "No good restore drill yet.",
	"home.backup.backupOverdue":
		"No good backup for more than 26 hours. Check the schedule (MAMORI_BACKUP_DIR) and the backup key.",
	"home.backup.drillOverdue":
		"No good restore drill for more than 8 days. Check the newest backup with “mamori backup verify”.",
	"home.backup.backupFailed": "The backup of {at} failed:",
	"home.backup.drillFailed": "The restore drill of {at} failed:",
	"home.setup.title": "Getting started",
	"home.setup.lead":
		"Take these steps in order to start using the system for your municipality. Steps tick themselves off when done.",
	"home.setup.progress": "{done} of {total} steps done",
	"home.setup.done": "Done",
	"home.setup.todo": "Not done",
	"home.setup.step.organisation": "Enter the organisation (departments, sections)",
	"home.setup.step.staff": "Import the staff roster",
	"home.setup.step.roles": "Assign the roles of the security organisation",
	"home.setup.step.policy": "Import and publish the security policy",
	"home.setup.step.assets": "Record assets in the asset ledger",
	"home.setup.step.network": "Enter the three-tier network model",
	"home.setup.step.mail": "Review and save the mail sanitisation settings",
	"home.setup.count.organisation": "Departments, sections etc.: {count}",
	"home.setup.count.staff": "Staff in post: {count}",
	"home.setup.count.roles": "Staff holding roles: {count}",
	"home.setup.count.policy": "Published documents: {count}",
	"home.setup.count.assets": "Assets recorded: {count}",
	"home.setup.count.network": "Nodes in the model: {count}",
	"home.setup.count.mail": "Settings saved: {count}",
	"home.setup.hint.organisation":
		"The policy pack's agencies are there from the start; the step is done once units are entered under them.",
	"home.setup.hint.staff": "Done once a roster (Excel) is imported.",
	"home.setup.hint.roles": "Done once a CISO is appointed.",
	"home.setup.hint.policy": "Done once the basic policy is published.",
	"home.setup.hint.assets": "Done once at least one asset is recorded.",
	"home.setup.hint.network": "Done once the model is saved.",
	"home.setup.hint.mail": "If the defaults suit you, saving them as they are completes the step.",

	"home.work.title": "Waiting for you",
	"home.work.none": "Nothing is waiting for you right now.",
	"home.work.kind.take_out_decisions": "Take-out requests to decide: {count}",
	"home.work.kind.policy_approvals": "Policy versions to approve: {count}",
	"home.work.kind.policy_publications": "Approved policy versions to publish: {count}",
	"home.work.kind.acknowledgements": "Policy documents to acknowledge: {count}",
	"home.work.kind.mail_release_decisions": "Requests for an original attachment to decide: {count}",

	"nav.group.organisation": "Organisation",
	"nav.group.policy": "Policy",
	"nav.group.assets": "Information assets",
	"nav.group.technical": "Technical measures",
	"nav.group.review": "Review and improvement",
	"nav.group.admin": "Administration",

	"deadEnd.requiresRoles": "This needs the role of {roles}.",
	"deadEnd.rolesJoin": ", ",
	"deadEnd.rolesOr": " or ",
	"deadEnd.askRoles": "Someone with the role of {roles} does this.",
	"recovery.download": "Save as a text file",
	"recovery.print": "Print",
	"recovery.copy": "Copy",
	"recovery.copied": "The recovery codes were copied to the clipboard.",
	"recovery.copyFailed": "Could not copy. Select the codes and copy them, or save or print them.",
	"recovery.fileName": "Mamori_recovery_codes_{tenant}_{user}.txt",
	"recovery.fileHeader": "Mamori recovery codes ({tenant} / {user}). Each code works once.",
	"recovery.confirm":
		"I have saved, printed or copied the recovery codes and keep them in a safe place",
	"recovery.confirmHint": "Confirm that you keep them to continue.",
	"enroll.secretGroups": "Shown in groups of four; you need not type the spaces.",
	"deadEnd.disposalStart":
		"A disposal or lease return starts from the asset: open it in the asset ledger and choose “{button}”.",
	"deadEnd.openLedger": "Open the asset ledger",
	"deadEnd.networkNotSetUp": "No model entered yet",
	"deadEnd.networkNotSetUpLead":
		"Enter the three-tier model (nodes and routes) and it is checked against the policy. Start with the import or the editor below.",
	"deadEnd.startVersion":
		"Start with “{upload}” above to import the text of your current policy, or write a new draft.",
	"deadEnd.confirmCloseTitle": "Complete this record?",
	"deadEnd.confirmClose":
		"Once completed, the asset is disposed of (returned) and no certificate or photo can be added to this record. This cannot be undone.",
} satisfies Record<keyof typeof homeJa, string>;
