import assert from "node:assert/strict";
import { test } from "node:test";
import { addressAllowed, parseAllowedHosts, targetAllowed } from "./allowed-hosts.ts";

const list = parseAllowedHosts(
	"siem.city.lg.jp:8443, 10.20.0.0/16, 127.0.0.1, [fd00::5]:9000, portal",
);

test("a host listed by name, with its port when one is given", () => {
	assert.equal(targetAllowed(list, new URL("https://siem.city.lg.jp:8443/hook")), true);
	assert.equal(targetAllowed(list, new URL("https://SIEM.city.lg.jp:8443/x")), true);
	assert.equal(targetAllowed(list, new URL("https://siem.city.lg.jp/hook")), false);
	assert.equal(targetAllowed(list, new URL("http://portal/any")), true);
	assert.equal(targetAllowed(list, new URL("http://evil.example/")), false);
});

test("an address within a listed network or address", () => {
	assert.equal(targetAllowed(list, new URL("http://10.20.3.4/")), true);
	assert.equal(targetAllowed(list, new URL("http://10.21.3.4/")), false);
	assert.equal(targetAllowed(list, new URL("http://127.0.0.1:3000/")), true);
	assert.equal(targetAllowed(list, new URL("http://[fd00::5]:9000/")), true);
	assert.equal(targetAllowed(list, new URL("http://[fd00::5]:9001/")), false);
});

test("a listed name may not resolve to loopback or link-local unless an address entry lists it", () => {
	const url = new URL("http://portal/hook");
	assert.equal(addressAllowed(list, url, "192.168.1.10"), true);
	assert.equal(addressAllowed(list, url, "169.254.169.254"), false);
	assert.equal(addressAllowed(list, url, "127.0.0.2"), false);
	assert.equal(addressAllowed(list, url, "::1"), false);
	assert.equal(addressAllowed(list, url, "127.0.0.1"), true);
	assert.equal(addressAllowed(list, new URL("http://other/"), "192.168.1.10"), false);
});

test("a wrong entry is named", () => {
	assert.throws(() => parseAllowedHosts("ok.example, bad host"), /"bad host"/);
	assert.throws(() => parseAllowedHosts("10.0.0.0/33"), /prefix/);
	assert.throws(() => parseAllowedHosts("a.example:99999"), /port/);
	assert.deepEqual(parseAllowedHosts(""), []);
});
