import { z } from "@hono/zod-openapi";
import { roleSchema } from "../authz/roles.ts";
import { dateStyleSchema } from "../tenants/tenants.schemas.ts";

export const loginInputSchema = z
	.strictObject({
		tenant: z.string().min(1).max(40),
		username: z.string().min(1).max(100),
		password: z.string().min(1).max(256),
	})
	.openapi("LoginInput");

export const codeInputSchema = z
	.strictObject({ code: z.string().min(6).max(20).openapi({ example: "123456" }) })
	.openapi("CodeInput");

export const passwordChangeInputSchema = z
	.strictObject({
		currentPassword: z.string().min(1).max(256),
		newPassword: z.string().min(1).max(256),
	})
	.openapi("PasswordChangeInput");

export const stageSchema = z
	.enum(["mfa_verify", "password_change", "mfa_enroll", "active"])
	.openapi("SessionStage");

export const sessionInfoSchema = z
	.object({
		csrfToken: z.string(),
		session: z
			.object({
				stage: stageSchema,
				tenant: z.object({
					slug: z.string(),
					name: z.string(),
					dateStyle: dateStyleSchema.openapi({
						description: "How the tenant writes dates on screen and in exports",
					}),
				}),
				account: z.object({
					id: z.string(),
					username: z.string(),
					displayName: z.string(),
					mfaEnrolled: z.boolean(),
					mfaRequired: z.boolean(),
					recoveryCodesLeft: z.number().int(),
				}),
				roles: z.array(z.object({ role: roleSchema, orgUnitId: z.string().nullable() })),
				permissions: z
					.array(z.string())
					.openapi({ description: "Every action the caller may take" }),
				actionRoles: z.record(z.string(), z.array(z.string())).openapi({
					description: "The roles that may take each action, to say who may act",
				}),
			})
			.nullable(),
	})
	.openapi("SessionInfo");

const renewedCsrfToken = z.string().openapi({
	description: "The CSRF token of the new session that replaced the caller's (see Set-Cookie)",
});

export const stageResultSchema = z
	.object({ stage: stageSchema, csrfToken: renewedCsrfToken })
	.openapi("StageResult");

export const enrollmentSchema = z
	.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() })
	.openapi("TotpEnrollment");

export const enrollmentResultSchema = z
	.object({ stage: stageSchema, recoveryCodes: z.array(z.string()), csrfToken: renewedCsrfToken })
	.openapi("TotpEnrollmentResult");
