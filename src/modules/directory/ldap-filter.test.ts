import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeFilterValue, fillFilter, isWellFormedFilter } from "./ldap-filter.ts";

test("every RFC 4515 special character is escaped, so no value adds a clause or a wildcard", () => {
	assert.equal(escapeFilterValue("*"), "\\2a");
	assert.equal(escapeFilterValue("*)(uid=*"), "\\2a\\29\\28uid=\\2a");
	assert.equal(escapeFilterValue("a\\b"), "a\\5cb");
	assert.equal(escapeFilterValue("a\0b"), "a\\00b");
	assert.equal(escapeFilterValue("田中"), "田中");
	for (const hostile of ["*", ")(uid=*", "x)(|(uid=*", "\\", "\0", "tanaka)(objectClass=*"]) {
		const filter = fillFilter("(&(objectClass=inetOrgPerson)(uid={user}))", hostile);
		assert.ok(isWellFormedFilter(filter), filter);
		assert.equal(filter.includes("*"), false, filter);
	}
});

test("a configured filter must be one balanced expression", () => {
	assert.equal(isWellFormedFilter("(uid={user})"), true);
	assert.equal(isWellFormedFilter("(&(objectClass=user)(sAMAccountName={user}))"), true);
	assert.equal(isWellFormedFilter("(uid={user}))("), false);
	assert.equal(isWellFormedFilter("uid={user}"), false);
	assert.equal(isWellFormedFilter("(a)(b)"), false);
});
