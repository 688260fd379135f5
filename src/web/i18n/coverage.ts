// Compile-time checks that the catalogues label every stable code the API can send. A new role,
// audit event type, org unit kind or error code fails `tsc` until ja.ts (and so en.ts) has it.
import type { PasswordIssueCode } from "../../modules/auth/password-rule.ts";
import type { ImportWarning } from "../../modules/policies/import/import.schemas.ts";
import type { FileIssueCode } from "../../shared/file-issues.ts";
import type { IssueCode } from "../../shared/issues.ts";
import type { NetworkFindingCode } from "../../shared/network-findings.ts";
import type { NetworkIssueCode } from "../../shared/network-issues.ts";
import type { ProblemCode } from "../../shared/problem.ts";
import type { AuditEventType, OrgUnitKind, Role } from "../api/client.ts";
import type { MessageKey } from "./ja.ts";

type Missing<Prefix extends string, Code extends string> = Exclude<`${Prefix}.${Code}`, MessageKey>;
type NoneMissing<T> = [T] extends [never] ? true : false;
type Assert<T extends true> = T;

export type RolesLabelled = Assert<NoneMissing<Missing<"role", Role>>>;
export type AuditEventsLabelled = Assert<NoneMissing<Missing<"audit.type", AuditEventType>>>;
export type OrgUnitKindsLabelled = Assert<NoneMissing<Missing<"org.kind", OrgUnitKind>>>;
export type ProblemsLabelled = Assert<NoneMissing<Missing<"error", ProblemCode>>>;
export type PasswordIssuesLabelled = Assert<NoneMissing<Missing<"issue", PasswordIssueCode>>>;
export type FileIssuesLabelled = Assert<NoneMissing<Missing<"fileIssue", FileIssueCode>>>;
export type ImportWarningsLabelled = Assert<
	NoneMissing<Missing<"docs.warning", ImportWarning["code"]>>
>;
export type NetworkIssuesLabelled = Assert<NoneMissing<Missing<"networkIssue", NetworkIssueCode>>>;
export type NetworkFindingsWorded = Assert<
	NoneMissing<
		| Missing<"networkFinding.message", NetworkFindingCode>
		| Missing<"networkFinding.remedy", NetworkFindingCode>
	>
>;
export type IssuesLabelled = Assert<NoneMissing<Missing<"issue", IssueCode>>>;
/** The password rule's codes are part of the server's one list of issue codes. */
export type PasswordIssuesListed = Assert<NoneMissing<Exclude<PasswordIssueCode, IssueCode>>>;
