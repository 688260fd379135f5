import type { apiTokensJa } from "./api-tokens.ja.ts";

/** API tokens of machine clients (English), merged into en.ts. */
export const apiTokensEn: Record<keyof typeof apiTokensJa, string> = {
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
