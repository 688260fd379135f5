import { z } from "@hono/zod-openapi";
import { mappingChoiceFields } from "../../../platform/imports/mapping-choice.schema.ts";
import type { FileIssueCode } from "../../../shared/file-issues.ts";
import { roleSchema } from "../../authz/roles.ts";

/**
 * Why a roster row (or its header) is refused: codes of the `fileIssue` catalogue
 * (src/shared/file-issues.ts), as the ledger import uses them. The screen shows their text.
 */
export const ROSTER_ROW_CODES = [
	"column_unknown",
	"column_duplicate",
	"column_missing",
	"value_required",
	"value_too_long",
	"roster_no_rows",
	"roster_staff_number_repeated",
	"roster_username_repeated",
	"roster_username_invalid",
	"roster_username_fixed",
	"roster_username_taken",
	"roster_username_disabled",
	"roster_email_invalid",
	"roster_category_unknown",
	"roster_unit_unknown",
	"roster_role_unknown",
	"roster_role_needs_unit",
	"roster_role_unit_unknown",
	"roster_role_tenant_wide",
	"roster_flag_invalid",
	"roster_date_invalid",
	"date_outside_era",
	"roster_self_missing",
	// A column mapping that does not fit the file's header (docs/column-mapping.md).
	"mapping_column_absent",
	"mapping_field_unknown",
	"mapping_kind_mismatch",
] as const satisfies readonly FileIssueCode[];
export type RosterRowCode = (typeof ROSTER_ROW_CODES)[number];

export const rowErrorSchema = z
	.object({
		row: z.number().int(),
		column: z.string().nullable(),
		/** The Japanese catalogue text of `code`, for the CLI and older clients. */
		message: z.string(),
		/** Absent only in previews stored before rows had codes; those keep their `message`. */
		code: z.enum(ROSTER_ROW_CODES).optional(),
		params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
	})
	.openapi("RosterRowError");
export type RowError = z.infer<typeof rowErrorSchema>;

export const rosterRoleTargetSchema = z.object({
	role: roleSchema,
	unitId: z.string().nullable(),
	unitCode: z.string().nullable(),
});
export type RosterRoleTarget = z.infer<typeof rosterRoleTargetSchema>;

const who = {
	row: z.number().int(),
	staffId: z.string(),
	accountId: z.string(),
	staffNumber: z.string(),
	displayName: z.string(),
};

export const UPDATE_FIELDS = [
	"category",
	"title",
	"displayName",
	"email",
	"worksInMynumber",
] as const;

/** What applying a roster will do; stored with the preview and carried out exactly. */
export const rosterPlanSchema = z
	.object({
		errors: z.array(rowErrorSchema),
		rowCount: z.number().int(),
		/** Blank rows skipped; 0 in previews stored before blank rows were counted. */
		skippedBlank: z.number().int().default(0),
		/** Row numbers of total rows (合計…) skipped; empty in previews stored before. */
		skippedTotal: z.array(z.number().int()).default([]),
		newStaff: z.array(
			z.object({
				/** An existing account (without a staff record) the new staff record is linked to. */
				accountId: z.string().nullable(),
				row: z.number().int(),
				staffNumber: z.string(),
				displayName: z.string(),
				username: z.string(),
				email: z.string().nullable(),
				category: z.string(),
				unitId: z.string(),
				unitCode: z.string(),
				title: z.string().nullable(),
				worksInMynumber: z.boolean(),
				roles: z.array(rosterRoleTargetSchema),
				effectiveAt: z.string(),
			}),
		),
		moves: z.array(
			z.object({
				...who,
				fromUnitCode: z.string(),
				toUnitId: z.string(),
				toUnitCode: z.string(),
				/** The 発令日 as an instant; absent in previews stored before moves kept it. */
				effectiveAt: z.string().optional(),
			}),
		),
		updates: z.array(
			z.object({
				...who,
				field: z.enum(UPDATE_FIELDS),
				before: z.string().nullable(),
				after: z.string().nullable(),
			}),
		),
		roleChanges: z.array(
			z.object({
				...who,
				effectiveAt: z.string(),
				end: z.array(
					z.object({ assignmentId: z.string(), role: z.string(), unitCode: z.string().nullable() }),
				),
				start: z.array(rosterRoleTargetSchema),
			}),
		),
		returning: z.array(z.object(who)),
		leavers: z.array(
			z.object({
				staffId: z.string(),
				accountId: z.string(),
				staffNumber: z.string(),
				displayName: z.string(),
				username: z.string(),
				unitCode: z.string(),
				endRoles: z.array(z.string()),
			}),
		),
		counts: z.record(z.string(), z.number().int()),
	})
	.openapi("RosterPlan");
export type RosterPlan = z.infer<typeof rosterPlanSchema>;

export const rosterUploadSchema = z
	.strictObject({
		fileName: z.string().trim().min(1).max(200),
		/** The file's bytes, base64-encoded (XLSX, or CSV in UTF-8 or Shift_JIS). */
		contentBase64: z.string().min(1),
		...mappingChoiceFields,
	})
	.openapi("RosterUpload");

export const rosterImportSchema = z
	.object({
		id: z.string(),
		fileName: z.string(),
		sha256: z.string(),
		status: z.enum(["previewed", "applied", "discarded"]),
		createdAt: z.string(),
		appliedAt: z.string().nullable(),
		plan: rosterPlanSchema,
		allowedActions: z.array(z.string()),
	})
	.openapi("RosterImport");

export const importIdParamSchema = z.object({ id: z.string().min(1).max(64) });

/** The report of a roster applied as an import job; the passwords are fetched once apart. */
export const rosterApplyReportSchema = z
	.object({
		rosterImportId: z.string(),
		counts: z.record(z.string(), z.number().int()),
		/** New accounts whose one-time passwords wait to be shown (once) and downloaded (once). */
		passwordsIssued: z.number().int(),
	})
	.openapi("RosterApplyReport");
export type RosterApplyReport = z.infer<typeof rosterApplyReportSchema>;

export const oneTimePasswordsSchema = z
	.object({
		oneTimePasswords: z.array(
			z.object({
				staffNumber: z.string(),
				username: z.string(),
				displayName: z.string(),
				oneTimePassword: z.string(),
			}),
		),
	})
	.openapi("RosterOneTimePasswords");
