import { z } from "zod";
import type { Role } from "../../authz/roles.ts";
import {
	ALWAYS,
	items,
	localizedLabelSchema,
	localizedTextSchema,
	prop,
	reportDuplicates,
	text,
	yearMonthSchema,
} from "./pack.primitives.ts";

/** The 組織体制 roles a policy defines; the same codes as the authorization roles. */
export const POLICY_ROLES = [
	"ciso",
	"chief_officer",
	"department_officer",
	"section_manager",
	"system_admin",
	"csirt",
	"auditor",
] as const satisfies readonly Role[];
export type PolicyRole = (typeof POLICY_ROLES)[number];

export const policyRoleSchema = z.enum(POLICY_ROLES);

export const roleDefinitionSchema = z.strictObject({
	code: policyRoleSchema,
	title: localizedLabelSchema,
	typicalHolder: localizedLabelSchema,
	duties: localizedTextSchema,
	/** When the policy introduced the role, if its history says so. */
	since: yearMonthSchema.optional(),
});

/** The 情報セキュリティ委員会. */
export const committeeSchema = z.strictObject({
	name: localizedLabelSchema,
	chair: policyRoleSchema,
	members: z.array(policyRoleSchema).min(1),
});

const APPROVERS: readonly string[] = [...POLICY_ROLES, "committee"];

/** Who decides one kind of request: a role, or the committee as a body. */
export const approvalSchema = z.strictObject({
	approver: z.enum([...POLICY_ROLES, "committee"]),
	delegate: policyRoleSchema.optional(),
	notify: z.array(policyRoleSchema).optional(),
	note: localizedTextSchema.optional(),
});
export type Approval = z.infer<typeof approvalSchema>;

/** Adopting or revising the policy: an approval that may keep its drafter out of the decision. */
export const policyApprovalSchema = approvalSchema.extend({
	/**
	 * 起案者 ≠ 決裁者: whoever drafted or submitted a revision may neither approve nor publish it.
	 * Absent or false: the policy does not require it.
	 */
	separateDrafter: z.boolean().optional(),
});
export type PolicyApproval = z.infer<typeof policyApprovalSchema>;

/** 例外措置: who decides, and how long before an exception's end its managers are reminded. */
export const exceptionApprovalSchema = approvalSchema.extend({
	/** Days before the end date the unit's managers and the deciders are reminded; absent: 14. */
	reminderDays: z.number().int().min(1).max(180).optional(),
});
export type ExceptionApproval = z.infer<typeof exceptionApprovalSchema>;

export const approvalsSchema = z.strictObject({
	/** Adopting or revising the policy. */
	policy: policyApprovalSchema,
	/** 例外措置: deviating from a rule for a period. */
	exception: exceptionApprovalSchema,
	/** 持ち出し of classified assets. */
	takeOut: approvalSchema,
	/** Deciding an asset's class. */
	classification: approvalSchema,
	/** 業務委託 and 再委託. */
	outsourcing: approvalSchema,
	cloudServices: approvalSchema,
	/** Opening an official social-media account; absent where the policy has no such rules. */
	socialMediaAccounts: approvalSchema.optional(),
	/** Reading the non-public procedures (実施手順 / 運用マニュアル). */
	proceduresAccess: approvalSchema,
	/** Reading the emergency response plan; absent: the same roles as the procedures. */
	emergencyPlanAccess: approvalSchema.optional(),
});

export const organisationSchema = z
	.strictObject({
		roles: z.array(roleDefinitionSchema).min(1),
		committee: committeeSchema.optional(),
		approvals: approvalsSchema,
	})
	.superRefine((value, ctx) => {
		reportDuplicates(prop(value, "roles"), ["code"], ctx, ["roles"]);
		const declared = new Set(
			items(prop(value, "roles")).flatMap((role) => text(prop(role, "code")) ?? []),
		);
		const hasCommittee = prop(value, "committee") !== undefined;
		const expect = (code: unknown, path: PropertyKey[]) => {
			// Codes outside the vocabulary already fail the enum; report only undeclared known ones.
			if (typeof code !== "string" || !APPROVERS.includes(code)) return;
			if (code === "committee" ? hasCommittee : declared.has(code)) return;
			ctx.addIssue({
				code: "custom",
				message:
					code === "committee"
						? "no committee is declared"
						: `role "${code}" is not declared in organisation.roles`,
				path,
			});
		};
		const committee = prop(value, "committee");
		expect(prop(committee, "chair"), ["committee", "chair"]);
		items(prop(committee, "members")).forEach((member, i) => {
			expect(member, ["committee", "members", i]);
		});
		const approvals = prop(value, "approvals");
		if (typeof approvals !== "object" || approvals === null) return;
		for (const [kind, approval] of Object.entries(approvals)) {
			const base = ["approvals", kind];
			expect(prop(approval, "approver"), [...base, "approver"]);
			expect(prop(approval, "delegate"), [...base, "delegate"]);
			items(prop(approval, "notify")).forEach((role, i) => {
				expect(role, [...base, "notify", i]);
			});
		}
	}, ALWAYS);
