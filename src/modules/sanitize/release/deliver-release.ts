import type { ReleaseRequestRow } from "./release.repository.ts";

const FROM = process.env.MAMORI_MAIL_FROM || "Mamori <no-reply@mamori.invalid>";

/**
 * Mail an approved file to the recipient through Mamori's mail server (`MAMORI_SMTP_URL`).
 * Returns whether the server accepted it; without a server, or on failure, the approval stands
 * and the request shows as not yet delivered. Call after commit.
 */
export async function sendReleasedFile(
	smtpUrl: string | undefined,
	request: ReleaseRequestRow,
	file: { filename: string; contentType: string; content: Buffer; mode: "as_is" | "sanitized" },
): Promise<boolean> {
	if (!smtpUrl) return false;
	const { createTransport } = await import("nodemailer");
	const transport = createTransport(smtpUrl);
	const how =
		file.mode === "as_is" ? "原本のまま / as the original" : "無害化し直したもの / sanitised again";
	try {
		await transport.sendMail({
			from: FROM,
			to: request.recipient,
			subject: `【Mamori】添付ファイルの送付: ${request.filename}`,
			text: [
				"依頼された添付ファイルの取出しが承認されました。",
				"Your request for an original attachment was approved.",
				"",
				`ファイル / File: ${request.filename}`,
				`形式 / Delivered: ${how}`,
				`SHA-256 (original): ${request.sha256}`,
			].join("\n"),
			attachments: [
				{ filename: file.filename, content: file.content, contentType: file.contentType },
			],
		});
		return true;
	} catch (error) {
		console.error(`release ${request.id}: mail to ${request.recipient} failed: ${String(error)}`);
		return false;
	} finally {
		transport.close();
	}
}
