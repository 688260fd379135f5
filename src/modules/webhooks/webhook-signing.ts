import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/**
 * Our wrapper of the `standardwebhooks` library (MIT): the signing secrets and the three headers
 * of the Standard Webhooks specification. Nothing else in Mamori imports the library.
 */

/** A new signing secret: `whsec_` and 32 random bytes in base64, as the specification shows. */
export function newSigningSecret(): string {
	return `whsec_${randomBytes(32).toString("base64")}`;
}

export interface SignedHeaders {
	"webhook-id": string;
	"webhook-timestamp": string;
	"webhook-signature": string;
}

/**
 * The headers of one attempt: the event's id (the same on every attempt), the attempt's time in
 * seconds, and `v1,<HMAC-SHA256 of id.timestamp.body>`.
 *
 * @example
 * const headers = signedHeaders(secret, "msg_2Kd…", new Date(), body);
 */
export function signedHeaders(secret: string, id: string, at: Date, body: string): SignedHeaders {
	const signature = new Webhook(secret).sign(id, at, body);
	return {
		"webhook-id": id,
		"webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
		"webhook-signature": signature,
	};
}
