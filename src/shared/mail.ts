export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

/** Sender address of Mamori's mail (`MAMORI_MAIL_FROM`, else a no-reply address). */
const FROM = process.env.MAMORI_MAIL_FROM || "Mamori <no-reply@mamori.invalid>";

/**
 * Send plain-text mails through the SMTP server at `smtpUrl` (nodemailer), one by one so that a
 * bad address does not stop the rest. Returns how many were accepted. Call after commit.
 *
 * @example
 * await sendMails("smtp://127.0.0.1:2525", [{ to: "a@example.jp", subject: "…", text: "…" }]);
 */
export async function sendMails(
	smtpUrl: string,
	messages: readonly MailMessage[],
): Promise<number> {
	if (messages.length === 0) return 0;
	// nodemailer is loaded on the first mail, not at start-up.
	const { createTransport } = await import("nodemailer");
	const transport = createTransport(smtpUrl);
	let sent = 0;
	try {
		for (const message of messages) {
			try {
				await transport.sendMail({ from: FROM, ...message });
				sent += 1;
			} catch (error) {
				console.error(`mail to ${message.to} failed: ${String(error)}`);
			}
		}
	} finally {
		transport.close();
	}
	return sent;
}

/**
 * Send one plain-text mail and fail loudly: throws when the SMTP server does not accept it, so a
 * job that sends it is retried by the scheduler rather than losing the mail. Call after commit.
 *
 * @example
 * await sendMail("smtp://127.0.0.1:2525", { to: "a@example.jp", subject: "…", text: "…" });
 */
export async function sendMail(smtpUrl: string, message: MailMessage): Promise<void> {
	const { createTransport } = await import("nodemailer");
	const transport = createTransport(smtpUrl);
	try {
		await transport.sendMail({ from: FROM, ...message });
	} finally {
		transport.close();
	}
}
