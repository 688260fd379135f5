/** What a failed relay attempt means for the message. */
export interface RelayFailure {
	/** The downstream server refused the message for good (5xx): retrying will not help. */
	permanent: boolean;
	/** The downstream server could not be reached at all. */
	unreachable: boolean;
	message: string;
}

interface NodemailerError {
	code?: string;
	responseCode?: number;
	message?: string;
}

/** Classify a nodemailer error. */
export function relayFailure(error: unknown): RelayFailure {
	const e = (typeof error === "object" && error !== null ? error : {}) as NodemailerError;
	const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
	return {
		permanent: responseCode !== undefined && responseCode >= 500,
		unreachable: responseCode === undefined,
		message: e.message ?? String(error),
	};
}

/**
 * Hand a finished message to the LGWAN-side SMTP server (`smtp://host:port`), byte for byte, to
 * the envelope recipients. Throws nodemailer's error when the server is unreachable or refuses.
 *
 * @example
 * await relayRaw("smtp://10.0.0.5:25", { from: "a@x.jp", to: ["b@city.jp"] }, raw);
 */
export async function relayRaw(
	relayUrl: string,
	envelope: { from: string; to: string[] },
	raw: Buffer,
): Promise<void> {
	const { createTransport } = await import("nodemailer");
	const transport = createTransport({
		url: relayUrl,
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 60_000,
	});
	try {
		await transport.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw });
	} finally {
		transport.close();
	}
}
