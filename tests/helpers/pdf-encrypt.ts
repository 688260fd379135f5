// Encrypted PDFs built at test time with the PDF standard security handler (revision 3, RC4
// 128-bit), so tests can tell "needs a password to open" from "owner password only".
import { createHash } from "node:crypto";
import { handPdf } from "./attachment-corpus.ts";

/** The padding string of the standard security handler (ISO 32000-1, 7.6.3.3). */
const PADDING = Buffer.from(
	"28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a",
	"hex",
);
const FILE_ID = Buffer.from("6d616d6f72692d746573742d69642d31", "hex");
const PERMISSIONS = -3904; // print and copy refused: what an owner password usually protects

/** RC4, written out: OpenSSL 3 keeps it in the legacy provider, which Node does not load. */
function rc4(key: Buffer, data: Buffer): Buffer {
	const s = Array.from({ length: 256 }, (_, i) => i);
	let j = 0;
	for (let i = 0; i < 256; i++) {
		j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
		[s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
	}
	const out = Buffer.alloc(data.length);
	let i = 0;
	j = 0;
	for (let n = 0; n < data.length; n++) {
		i = (i + 1) & 255;
		j = (j + (s[i] ?? 0)) & 255;
		[s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
		out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 255] ?? 0);
	}
	return out;
}

const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();

function padded(password: string): Buffer {
	return Buffer.concat([Buffer.from(password, "latin1"), PADDING]).subarray(0, 32);
}

/** RC4 with the key, then 19 more passes with the key XOR 1 … 19 (revision 3). */
function rc4Rounds(key: Buffer, data: Buffer): Buffer {
	let out = rc4(key, data);
	for (let round = 1; round <= 19; round++)
		out = rc4(Buffer.from(key.map((byte) => byte ^ round)), out);
	return out;
}

function ownerValue(owner: string, user: string): Buffer {
	let hash = md5(padded(owner || user));
	for (let round = 0; round < 50; round++) hash = md5(hash);
	return rc4Rounds(hash.subarray(0, 16), padded(user));
}

function fileKey(user: string, owner: Buffer): Buffer {
	const permissions = Buffer.alloc(4);
	permissions.writeInt32LE(PERMISSIONS);
	let key = md5(padded(user), owner, permissions, FILE_ID);
	for (let round = 0; round < 50; round++) key = md5(key.subarray(0, 16));
	return key.subarray(0, 16);
}

function userValue(key: Buffer): Buffer {
	return Buffer.concat([rc4Rounds(key, md5(PADDING, FILE_ID)), Buffer.alloc(16)]);
}

function objectKey(key: Buffer, object: number): Buffer {
	const suffix = Buffer.from([object & 255, (object >> 8) & 255, (object >> 16) & 255, 0, 0]);
	return md5(key, suffix).subarray(0, 16);
}

const hex = (bytes: Buffer) => `<${bytes.toString("hex")}>`;

export interface EncryptedPdfOptions {
	/** Needed to open the document; "" opens without one. */
	userPassword: string;
	ownerPassword: string;
	/**
	 * Encrypt only embedded files (`/EFF`), leaving the pages in clear (`/StmF /StrF /Identity`),
	 * as "encrypt file attachments only" does.
	 */
	embeddedFilesOnly?: boolean;
}

/**
 * A one-page PDF ("Hello") encrypted with the standard security handler; with an embedded file.
 *
 * @example
 * ownerPasswordPdf(); // opens without a password, printing and copying refused
 */
export function encryptedPdfWith(options: EncryptedPdfOptions): Buffer {
	const owner = ownerValue(options.ownerPassword, options.userPassword);
	const key = fileKey(options.userPassword, owner);
	const clear = (_object: number, data: Buffer) => data;
	const pages = options.embeddedFilesOnly
		? clear
		: (object: number, data: Buffer) => rc4(objectKey(key, object), data);
	const embedded = (object: number, data: Buffer) => rc4(objectKey(key, object), data);
	const content = pages(4, Buffer.from("BT /F1 24 Tf 72 720 Td (Hello) Tj ET", "latin1"));
	const attachment = embedded(8, Buffer.from("attached secret\n", "latin1"));
	const name = pages(7, Buffer.from("note.txt", "latin1"));
	const encrypt = options.embeddedFilesOnly
		? `<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /V2 /Length 16 /AuthEvent /EFOpen >> >> /StmF /Identity /StrF /Identity /EFF /StdCF /O ${hex(owner)} /U ${hex(userValue(key))} /P ${PERMISSIONS} >>`
		: `<< /Filter /Standard /V 2 /R 3 /Length 128 /O ${hex(owner)} /U ${hex(userValue(key))} /P ${PERMISSIONS} >>`;
	return handPdf(
		[
			"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a) 7 0 R] >> >> >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			`<< /Length ${content.length} >>\nstream\n${content.toString("latin1")}\nendstream`,
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
			encrypt,
			`<< /Type /Filespec /F ${hex(name)} /EF << /F 8 0 R >> >>`,
			`<< /Type /EmbeddedFile /Length ${attachment.length} >>\nstream\n${attachment.toString("latin1")}\nendstream`,
		],
		`/Encrypt 6 0 R /ID [${hex(FILE_ID)} ${hex(FILE_ID)}] `,
	);
}

/** Opens without a password; an owner password refuses printing and copying. */
export function ownerPasswordPdf(): Buffer {
	return encryptedPdfWith({ userPassword: "", ownerPassword: "owner-secret" });
}

/** Needs the user password "open-sesame" to open at all. */
export function userPasswordPdf(): Buffer {
	return encryptedPdfWith({ userPassword: "open-sesame", ownerPassword: "owner-secret" });
}

/** Pages in clear; only the embedded file is encrypted, under a password. */
export function encryptedAttachmentsPdf(): Buffer {
	return encryptedPdfWith({
		userPassword: "attachments-only",
		ownerPassword: "owner-secret",
		embeddedFilesOnly: true,
	});
}
