import { z } from "zod";

/**
 * Audit events of machine clients' API tokens (modules/api-tokens). The token itself is never
 * here, only its prefix. What a client does with its token is audited by each use case with the
 * client as actor (`api-token:<id>`, labelled with the client's name).
 */
const token = { clientName: z.string(), tokenPrefix: z.string() };

export const API_TOKEN_EVENTS = {
	"api_token.created": z.object({
		...token,
		scopes: z.array(z.string()),
		expiresAt: z.string(),
	}),
	"api_token.revoked": z.object(token),
};
