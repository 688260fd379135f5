import { z } from "zod";

/**
 * Audit events of machine clients' API tokens (modules/api-tokens). The token itself is never
 * here, only its prefix. What a client does with its token is audited by each use case with the
 * client as actor (`api-token:<id>`, labelled with the client's name); its other calls (reads,
 * refusals) by the bearer middleware as `api_token.called`.
 */
const token = { clientName: z.string(), tokenPrefix: z.string() };

export const API_TOKEN_EVENTS = {
	"api_token.created": z.object({
		...token,
		scopes: z.array(z.string()),
		expiresAt: z.string(),
	}),
	"api_token.revoked": z.object(token),
	/**
	 * A call with the token that no use case audited: a read, or a call refused or failed. The
	 * actor is the client; `route` is the operation, `path` what was called.
	 */
	"api_token.called": z.object({
		method: z.string(),
		route: z.string(),
		path: z.string(),
		status: z.number().int(),
		tokenPrefix: z.string(),
	}),
};
