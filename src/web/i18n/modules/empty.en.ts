import type { emptyJa } from "./empty.ja.ts";

/** English messages of empty list pages and confirmations: every key of the Japanese ones. */
export const emptyEn: Record<keyof typeof emptyJa, string> = {
	"empty.filtered": "Nothing matches. Change the filter or clear it.",
	"empty.assets.title": "No information assets are registered yet",
	"empty.assets.guidance":
		"Register them one by one with “{create}”, or bring in an Excel ledger with “{import}”.",
	"empty.staff.title": "No staff are registered yet",
	"empty.staff.guidance": "Importing the staff roster (Excel) registers the staff and their units.",
	"empty.staff.action": "Import the staff roster",
	"empty.orgUnits.title": "No organisational units are registered yet",
	"empty.orgUnits.guidance":
		"Add them with “{create}” below, departments first, or import the staff roster, which registers units too.",
	"empty.takeOuts.guidance":
		"Take-outs are requested for assets in the information asset ledger. Register assets there first.",
	"empty.takeOuts.action": "Open the asset ledger",
	"empty.risks.title": "No risks are registered yet",
	"empty.risks.guidance":
		"With “{create}”, register a threat to an information asset with its likelihood and impact.",
	"empty.mail.title": "No mail has been received yet",
	"empty.mail.guidance":
		"Received mail appears here once sanitised. Receiving and sanitising are set up under “{settings}” on this page.",
	"empty.mail.action": "Go to the settings",
	"empty.accounts.title": "There are no accounts yet",
	"empty.accounts.guidance":
		"Create one with “{create}”, or import the staff roster to create them all.",
	"empty.audit.title": "No actions have been recorded yet",
	"empty.audit.guidance": "Sign-ins, registrations and changes are recorded here as they happen.",
	"confirm.approve.title": "Approve this version?",
	"confirm.approve.message":
		"Approving fixes the version's content; it can no longer be edited. This cannot be undone.",
	"confirm.publishIrreversible":
		"Publishing (entry into force) cannot be undone. A published version can no longer be changed.",
	"confirm.release.approveTitle": "Release the original attachment?",
	"confirm.release.approveMessage":
		"Once approved, the original, unsanitised file is sent to the requester. This decision cannot be undone.",
	"confirm.release.refuseTitle": "Refuse the release of the original?",
	"confirm.release.refuseMessage":
		"The requester is told of the refusal. This decision cannot be undone.",
} as const;
