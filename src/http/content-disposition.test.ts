import assert from "node:assert/strict";
import { test } from "node:test";
import { attachmentDisposition } from "./content-disposition.ts";

test("filename= carries no path separator, control character or quote; filename* the UTF-8 name", () => {
	const header = attachmentDisposition('../..\\etc/"廃棄"\r\nX-Injected: 1\u0000.pdf');
	const plain = /filename="([^"]*)"/.exec(header)?.[1] ?? "";
	assert.ok(
		[...plain].every((char) => char.charCodeAt(0) >= 0x20 && !'/\\"'.includes(char)),
		plain,
	);
	assert.equal(plain, ".._.._etc_______X-Injected: 1_.pdf");
	const star = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1] ?? "";
	assert.equal(decodeURIComponent(star), '.._.._etc_"廃棄"__X-Injected: 1_.pdf');
	assert.doesNotMatch(header, /[\r\n]/);
});

test("an ordinary name is kept; an empty one gets a name", () => {
	assert.equal(
		attachmentDisposition("asset-ledger.xlsx"),
		`attachment; filename="asset-ledger.xlsx"; filename*=UTF-8''asset-ledger.xlsx`,
	);
	assert.equal(
		attachmentDisposition("証明書 (1).pdf"),
		`attachment; filename="___ (1).pdf"; filename*=UTF-8''%E8%A8%BC%E6%98%8E%E6%9B%B8%20%281%29.pdf`,
	);
	assert.match(attachmentDisposition("\u0000"), /filename="_"/);
	assert.match(attachmentDisposition("  "), /filename="download"/);
});
