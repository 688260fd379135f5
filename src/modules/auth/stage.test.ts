import assert from "node:assert/strict";
import { test } from "node:test";
import type { AccountRow } from "../accounts/accounts.repository.ts";
import type { HeldRole, Role } from "../authz/roles.ts";
import { ROLES } from "../authz/roles.ts";
import { mfaRequired, nextStage } from "./stage.ts";

function account(overrides: Partial<AccountRow> = {}): AccountRow {
	return {
		id: "a1",
		tenant_id: "t1",
		username: "tanaka",
		display_name: "田中",
		email: null,
		password_hash: "$argon2id$…",
		must_change_password: false,
		works_in_mynumber: false,
		totp_secret: null,
		totp_enabled_at: null,
		totp_last_step: null,
		recovery_codes: null,
		disabled_at: null,
		password_changed_at: "2026-04-01T00:00:00.000Z",
		created_at: "2026-04-01T00:00:00.000Z",
		updated_at: "2026-04-01T00:00:00.000Z",
		...overrides,
	};
}

const held = (...roles: Role[]): HeldRole[] => roles.map((role) => ({ role, orgUnitId: null }));
const ENROLLED = { totp_enabled_at: "2026-04-02T00:00:00.000Z", totp_secret: "v1.sealed" };

test("MFA is mandatory for every security role and for マイナンバー work, not for plain staff", () => {
	assert.equal(mfaRequired(account(), []), false);
	assert.equal(mfaRequired(account(), held("staff")), false);
	for (const role of ROLES.filter((r) => r !== "staff")) {
		assert.equal(mfaRequired(account(), held("staff", role)), true, role);
	}
	assert.equal(mfaRequired(account({ works_in_mynumber: true }), []), true);
	assert.equal(mfaRequired(account({ works_in_mynumber: 1 }), []), true, "SQLite flags are 0/1");
	assert.equal(mfaRequired(account({ works_in_mynumber: 0 }), []), false);
});

test("an enrolled account proves its second factor before anything else", () => {
	const enrolled = account({ ...ENROLLED, must_change_password: true });
	assert.equal(nextStage(enrolled, held("ciso"), false), "mfa_verify");
	assert.equal(nextStage(account(ENROLLED), [], false), "mfa_verify", "even when not mandatory");
	assert.equal(nextStage(enrolled, held("ciso"), true), "password_change");
	assert.equal(nextStage(account(ENROLLED), held("ciso"), true), "active");
});

test("a one-time password is replaced before enrolment", () => {
	const fresh = account({ must_change_password: true });
	assert.equal(nextStage(fresh, held("tenant_admin"), false), "password_change");
	assert.equal(nextStage(fresh, [], false), "password_change");
	assert.equal(nextStage(account({ must_change_password: 1 }), [], true), "password_change");
});

test("where MFA is mandatory and missing, enrolment comes next; otherwise the application", () => {
	assert.equal(nextStage(account(), held("auditor"), false), "mfa_enroll");
	assert.equal(nextStage(account({ works_in_mynumber: true }), [], false), "mfa_enroll");
	assert.equal(nextStage(account(), [], false), "active");
	assert.equal(nextStage(account(), held("staff"), true), "active");
});
