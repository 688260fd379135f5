import type { apiTokensJa } from "./api-tokens.ja.ts";

/** API tokens of machine clients (English), merged into en.ts. */
export const apiTokensEn: Record<keyof typeof apiTokensJa, string> = {
	"apiTokens.nav": "API tokens",
	"apiTokens.navDesc":
		"Tokens for other systems (the sanitising gateway, a SIEM, an inventory tool) to call the API: issue and revoke them.",
	"apiTokens.title": "API tokens",
	"apiTokens.lead":
		"Give each system that calls Mamori's API without a person a token of its own, with the scopes it needs and an expiry. Every call with a token is audited under the system's name. A token can never manage accounts, roles or tokens.",
	"apiTokens.create": "Issue token",
	"apiTokens.field.clientName": "Client name",
	"apiTokens.field.clientNameHint":
		"The calling system, as the audit log will name it (e.g. sanitising gateway).",
	"apiTokens.field.scopes": "Scopes (what it may do)",
	"apiTokens.field.expiresOn": "Expires on",
	"apiTokens.field.expiresOnHint":
		"It works until the end of this day (Japan time); a year at most.",
	"apiTokens.scope.assets.read": "Read the asset ledger",
	"apiTokens.scope.assets.import": "Import the asset ledger",
	"apiTokens.scope.incidents.create": "Open incidents",
	"apiTokens.scope.incidents.read": "Read incidents",
	"apiTokens.scope.findings.read": "Read findings",
	"apiTokens.secret.title": "Token for {client}",
	"apiTokens.secret.warning":
		"This token is shown now only. Once you leave this screen it cannot be shown again. Copy it and set it up in the calling system safely; if it is lost, revoke it and issue a new one.",
	"apiTokens.secret.label": "Token",
	"apiTokens.secret.copy": "Copy",
	"apiTokens.secret.copied": "The token is copied.",
	"apiTokens.secret.copyFailed": "Could not copy. Select the field and copy it by hand.",
	"apiTokens.secret.done": "Done",
	"apiTokens.list": "Issued tokens",
	"apiTokens.empty": "No token has been issued yet.",
	"apiTokens.col.client": "Client",
	"apiTokens.col.scopes": "Scopes",
	"apiTokens.col.expires": "Expires",
	"apiTokens.col.created": "Issued",
	"apiTokens.col.lastUsed": "Last used",
	"apiTokens.col.state": "State",
	"apiTokens.col.actions": "Actions",
	"apiTokens.neverUsed": "Never",
	"apiTokens.state.active": "Active",
	"apiTokens.state.expired": "Expired",
	"apiTokens.state.revoked": "Revoked",
	"apiTokens.revoke": "Revoke",
	"apiTokens.revokeNamed": "Revoke the token of {client}",
	"apiTokens.revokeConfirm":
		"Revoke the token of {client}? Every call with it will be refused from now on. This cannot be undone.",
	"audit.type.api_token.created": "API token created",
	"audit.type.api_token.revoked": "API token revoked",
	"audit.type.api_token.called": "Call with an API token",
	"issue.field.clientName": "client name",
	"issue.field.scopes": "scopes",
	"issue.field.expiresAt": "expiry",
	"issue.api_token_expiry_past": "The expiry must lie in the future.",
	"issue.api_token_expiry_too_far": "A token may live at most {max} days.",
	"issue.api_token_already_revoked": "The token is revoked already.",
};
