import type { refusalsJa } from "./refusals.ja.ts";

/** Why the server refused a request as a whole, in English: every key of the Japanese file. */
export const refusalsEn: Record<keyof typeof refusalsJa, string> = {
	"issue.stale_version": "Someone changed this first. Reload and try again.",
	"issue.created_meanwhile":
		"Another request created the same record at the same moment. Reload and check.",
	"issue.read_only_scope": "You may view this, but it lies outside the units you manage.",
	"issue.already_decided": "This has already been decided. Reload to see the decision.",
	"issue.file_too_large": "The file is too large. The limit is {limit}.",
	"issue.login_step_done": "This login step is already done. Reload the page.",
	"issue.totp_already_enrolled": "Two-factor authentication is already set up for this account.",
	"issue.login_steps_pending":
		"Finish the earlier login steps (such as changing your password) before setting up two-factor authentication.",
	"issue.totp_enrolment_not_started":
		"Setting up two-factor authentication has not started. Start again from the beginning.",
	"issue.second_factor_not_pending": "No verification code is expected now. Log in again.",
	"issue.release_not_approved": "This request is not approved, so nothing can be sent.",
	"issue.release_already_sent": "This file has already been sent.",
	"issue.release_category_never":
		"Files of the kind “{category}” are never delivered, neither as the original nor made harmless.",
	"issue.original_not_in_quarantine":
		"The original is no longer held in quarantine, so it cannot be sent. Ask the sender to send it again.",
	"issue.release_cannot_sanitize": "This file cannot be made harmless. Refuse the request instead.",
	"issue.release_decider_only":
		"Only the section security manager of the requester's unit or the chief security officer may decide this request.",
	"issue.release_recipient_only": "Only a recipient of this message may ask for the original.",
	"issue.attachment_delivered_unchanged":
		"This attachment was delivered unchanged; there is nothing to ask for.",
	"issue.original_purged":
		"The original was deleted after its retention period, so it cannot be sent.",
	"issue.release_already_requested": "This attachment has already been requested (or approved).",
	"issue.roster_passwords_gone":
		"The one-time passwords were already shown or downloaded, or none were issued. Reset a password if one is needed.",
	"issue.roster_stale":
		"Staff, accounts, roles or units changed after the check. Upload the roster again.",
	"issue.roster_settled": "This roster import is already “{rosterStatus}”.",
	"issue.roster_row_invalid":
		"Row {row} of the roster ({column}) has an error. See the preview, correct the file and upload it again.",
	"issue.roster_preview_only": "A roster is checked on its preview screen before it is applied.",
	"issue.asset_not_disposable": "This asset is “{lifecycle}”, so it cannot be disposed of now.",
	"issue.disposal_already_open": "This asset already has a disposal record that is not closed.",
	"issue.disposal_closed": "This disposal record is closed and can no longer change.",
	"issue.import_codes_taken":
		"While importing, someone else entered an asset ID of the file. Nothing was imported; check the file and import it again.",
	"issue.take_out_decider_only":
		"Only a section security manager of the asset's unit (or someone above) may decide this take-out.",
	"issue.own_request_decide": "You cannot decide your own request.",
	"issue.asset_not_at_hand": "This asset is “{lifecycle}”, so it cannot be taken out.",
	"issue.take_out_return_only": "Only the requester or the asset's managers may record a return.",
	"issue.take_out_not_out": "This take-out is “{takeOutStatus}”, so no return can be recorded.",
	"issue.take_out_not_own_asset":
		"You may ask to take out only your own unit's assets or assets you manage.",
	"issue.take_out_already_open": "This asset already has an open take-out request.",
	"issue.no_published_basic_policy":
		"There is no published basic policy yet. Publish one or upload its text.",
	"issue.no_basic_policy_document": "There is no basic policy document to revise.",
	"issue.review_exists": "The review for fiscal year {fiscalYear} already exists.",
	"issue.policy_text_too_long": "The text is too long. The limit is {max} characters.",
	"issue.version_status_wrong":
		"This version is “{documentStatus}”, so this step is not possible. Reload the page.",
	"issue.version_not_published": "This version has not been published.",
	"issue.version_not_published_to_you": "This version was not published to you.",
	"issue.version_not_draft": "Only a draft can be edited. This version is “{documentStatus}”.",
	"issue.draft_open":
		"Version {number} of this document is still “{documentStatus}”. Finish or edit that version first.",
	"issue.model_revision_stale":
		"Someone saved the network model as revision {current} after you opened revision {base}. Reload it and make your changes again.",
	"issue.risk_closed": "A closed risk cannot be accepted.",
	"issue.instance_admin_grant": "Only an instance administrator may grant that role.",
	"issue.instance_admin_account":
		"Only an instance administrator may change an instance administrator's account.",
	"issue.assignment_ended": "This role assignment has already ended.",
	"issue.own_tenant_admin_revoke": "You cannot revoke your own organisation administration.",
	"issue.local_password_off":
		"Sign-in with a Mamori password is turned off for your organisation. Sign in with the directory.",
	"issue.not_in_roster":
		"Your directory account is not in the staff roster (no matching employee number). Ask the information policy section.",
	"issue.oidc_state_invalid":
		"This sign-in link has expired or was already used. Start the sign-in again from the login page.",
	"issue.oidc_token_invalid":
		"The identity provider's answer could not be verified, so the sign-in was refused. Start again, or ask the information policy section.",
	"issue.oidc_provider_refused":
		"The identity provider did not complete the sign-in. Start again, or ask the information policy section.",
} as const;
