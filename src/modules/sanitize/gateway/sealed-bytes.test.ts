import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { backoffSeconds } from "./deliver-queue.ts";
import { relayFailure } from "./relay.ts";
import { SealedBytes } from "./sealed-bytes.ts";

test("sealed bytes open to the original and hide it", () => {
	const box = new SealedBytes(randomBytes(32));
	const plain = Buffer.from("Subject: 極秘\r\n\r\nsecret body", "utf8");
	const sealed = box.seal(plain);
	assert.equal(sealed.includes(Buffer.from("secret body")), false);
	assert.ok(box.open(sealed).equals(plain));
	assert.notDeepEqual(box.seal(plain), sealed, "a fresh IV each time");
});

test("a tampered or foreign blob does not open", () => {
	const box = new SealedBytes(randomBytes(32));
	const sealed = box.seal(Buffer.from("original"));
	const tampered = Buffer.from(sealed);
	tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
	assert.throws(() => box.open(tampered));
	assert.throws(() => new SealedBytes(randomBytes(32)).open(sealed));
	assert.throws(() => box.open(Buffer.from("nonsense")), /malformed/);
});

test("retries back off to at most an hour; 5xx is permanent, no reply is unreachable", () => {
	assert.deepEqual([1, 2, 3, 4].map(backoffSeconds), [60, 120, 240, 480]);
	assert.equal(backoffSeconds(20), 3600);
	assert.deepEqual(relayFailure({ responseCode: 550, message: "no" }), {
		permanent: true,
		unreachable: false,
		message: "no",
	});
	assert.equal(relayFailure({ responseCode: 451, message: "later" }).permanent, false);
	assert.equal(relayFailure({ code: "ECONNREFUSED", message: "refused" }).unreachable, true);
});
