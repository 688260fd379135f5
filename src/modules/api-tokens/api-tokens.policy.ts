import { definePolicy } from "../authz/policy.ts";

/** Only the tenant administrator makes, lists and revokes API tokens, and never with a token. */
export const apiTokensPolicy = definePolicy({
	"api_token.manage": ["tenant_admin"],
});
