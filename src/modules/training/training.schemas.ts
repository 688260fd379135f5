import { z } from "@hono/zod-openapi";
import { mappingChoiceFields } from "../../platform/imports/mapping-choice.schema.ts";
import { skippedRowsFields } from "../../platform/imports/skipped-rows.schema.ts";

export const TRAINING_KINDS = ["in_person", "e_learning", "phishing_drill"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_AUDIENCES = [
	"all_staff",
	"new_staff",
	"managers",
	"system_admins",
	"contractors",
] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

/** Length and count limits shared by the forms and the API. */
export const TRAINING_LIMITS = {
	title: 200,
	description: 4000,
	questions: 50,
	question: 1000,
	choices: 8,
	choice: 500,
	remindDays: 90,
} as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);

/** One question of an e-learning quiz, with the index of the right choice. */
export const quizQuestionSchema = z
	.strictObject({
		question: text(TRAINING_LIMITS.question),
		choices: z.array(text(TRAINING_LIMITS.choice)).min(2).max(TRAINING_LIMITS.choices),
		answer: z.number().int().min(0),
	})
	.refine((q) => q.answer < q.choices.length, {
		message: "the answer must be one of the choices",
		path: ["answer"],
	});
export const quizSchema = z.array(quizQuestionSchema).min(1).max(TRAINING_LIMITS.questions);
export type Quiz = z.infer<typeof quizSchema>;

/** What a course says once planned: everything but its fiscal year may change later. */
const courseFields = {
	title: text(TRAINING_LIMITS.title),
	description: z.string().trim().max(TRAINING_LIMITS.description).default(""),
	kind: z.enum(TRAINING_KINDS),
	audience: z.enum(TRAINING_AUDIENCES),
	dueOn: daySchema,
	heldOn: daySchema.nullable().default(null),
	/** Days before the due date to remind at; null: the policy pack's (`training.reminderDays`). */
	remindDays: z.number().int().min(0).max(TRAINING_LIMITS.remindDays).nullable().default(null),
	quiz: quizSchema.nullable().default(null),
	/** Per cent of right answers needed to pass. */
	passMark: z.number().int().min(1).max(100).nullable().default(null),
};
const fiscalYearSchema = z.number().int().min(2000).max(2100);

/** A course of the fiscal year's plan; an e-learning course carries its quiz and pass mark. */
export const createCourseSchema = z
	.strictObject({ fiscalYear: fiscalYearSchema, ...courseFields })
	.openapi("TrainingCourseInput");
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

/**
 * A course changed at the version read. The fiscal year stays: when given, it must be the
 * course's own (so a form may send the course back whole).
 */
export const updateCourseSchema = z
	.strictObject({
		...courseFields,
		fiscalYear: fiscalYearSchema.optional(),
		version: z.number().int().min(1),
	})
	.openapi("TrainingCourseUpdate");
export type UpdateCourseInput = z.infer<typeof updateCourseSchema>;

const rateSchema = z.object({ owed: z.number().int(), completed: z.number().int() });

export const courseSchema = z
	.object({
		id: z.string(),
		fiscalYear: z.number().int(),
		title: z.string(),
		description: z.string(),
		kind: z.enum(TRAINING_KINDS),
		audience: z.enum(TRAINING_AUDIENCES),
		dueOn: z.string(),
		heldOn: z.string().nullable(),
		/** The course's own reminder days; null: the policy pack's (`packReminderDays`). */
		remindDays: z.number().int().nullable(),
		passMark: z.number().int().nullable(),
		questionCount: z.number().int(),
		/** The quiz with its answers, for those who may plan courses (to change it); else null. */
		quiz: quizSchema.nullable(),
		ownerLabel: z.string(),
		version: z.number().int(),
		/** Over the staff the caller sees. */
		rate: rateSchema,
	})
	.openapi("TrainingCourse");
export type CourseView = z.infer<typeof courseSchema>;

export const courseListSchema = z
	.object({
		items: z.array(courseSchema),
		/** The policy pack's reminder days, for a course that sets none (largest first). */
		packReminderDays: z.array(z.number().int()),
		allowedActions: z.array(z.string()),
	})
	.openapi("TrainingCourseList");

export const yearQuerySchema = z.object({
	fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Completion per unit and per staff category, counted by the database at each request. */
export const completionSchema = z
	.object({
		fiscalYear: z.number().int(),
		courseId: z.string().nullable(),
		units: z.array(
			z.object({
				unitId: z.string(),
				unitCode: z.string(),
				unitName: z.string(),
				...rateSchema.shape,
			}),
		),
		categories: z.array(z.object({ category: z.string(), ...rateSchema.shape })),
		total: rateSchema,
	})
	.openapi("TrainingCompletion");
export type CompletionView = z.infer<typeof completionSchema>;

export const completionQuerySchema = yearQuerySchema.extend({
	courseId: idSchema.optional(),
});

/** Who owes a course in the units the caller sees. */
export const attendeeListSchema = z
	.object({
		items: z.array(
			z.object({
				staffId: z.string(),
				staffNumber: z.string(),
				displayName: z.string(),
				unitName: z.string(),
				completedAt: z.string().nullable(),
				completedVia: z.string().nullable(),
				mayRecord: z.boolean(),
			}),
		),
	})
	.openapi("TrainingAttendees");

export const recordAttendanceSchema = z
	.strictObject({
		staffIds: z.array(idSchema).min(1).max(500),
		/** The day they attended (Japan); today when left out. */
		attendedOn: daySchema.optional(),
	})
	.openapi("TrainingAttendance");

export const recordOutcomeSchema = z
	.object({ recorded: z.number().int(), alreadyCompleted: z.number().int() })
	.openapi("TrainingAttendanceOutcome");

/** My training: what I owe and what I did. */
export const myTrainingSchema = z
	.object({
		items: z.array(
			z.object({
				courseId: z.string(),
				title: z.string(),
				description: z.string(),
				kind: z.enum(TRAINING_KINDS),
				dueOn: z.string(),
				heldOn: z.string().nullable(),
				completedAt: z.string().nullable(),
				overdue: z.boolean(),
				/** e-learning with a quiz: the questions (never the answers) and the pass mark. */
				quiz: z
					.object({
						passMark: z.number().int(),
						questions: z.array(z.object({ question: z.string(), choices: z.array(z.string()) })),
					})
					.nullable(),
				attempts: z.number().int(),
				lastScore: z.number().int().nullable(),
			}),
		),
	})
	.openapi("MyTraining");

export const quizAnswersSchema = z
	.strictObject({ answers: z.array(z.number().int().min(0)).min(1).max(TRAINING_LIMITS.questions) })
	.openapi("TrainingQuizAnswers");

export const quizResultSchema = z
	.object({ score: z.number().int(), passMark: z.number().int(), passed: z.boolean() })
	.openapi("TrainingQuizResult");

/** The phishing drill's figures per unit. */
export const drillResultsSchema = z
	.object({
		units: z.array(
			z.object({
				unitId: z.string(),
				unitName: z.string(),
				targeted: z.number().int(),
				opened: z.number().int(),
				clicked: z.number().int(),
				reported: z.number().int(),
			}),
		),
	})
	.openapi("TrainingDrillResults");

export const trainingImportSchema = z
	.strictObject({
		courseId: idSchema,
		filename: z.string().min(1).max(255),
		contentBase64: z.string().min(1),
		mode: z.enum(["dry_run", "apply"]),
		...mappingChoiceFields,
	})
	.openapi("TrainingImport");

export const trainingImportReportSchema = z
	.object({
		format: z.enum(["xlsx", "csv"]).nullable(),
		encoding: z.enum(["utf-8", "shift_jis"]).nullable(),
		errors: z.array(
			z.object({
				row: z.number().int().nullable(),
				column: z.string().nullable(),
				message: z.string(),
				code: z.string().optional(),
				params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
			}),
		),
		errorCount: z.number().int(),
		...skippedRowsFields,
		rows: z.number().int(),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
		applied: z.boolean(),
	})
	.openapi("TrainingImportReport");
export type TrainingImportReport = z.infer<typeof trainingImportReportSchema>;

/** The fiscal year's figures for the yearly review and the status report. */
export const trainingYearSchema = z
	.object({
		fiscalYear: z.number().int(),
		courses: z.array(
			z.object({
				title: z.string(),
				kind: z.enum(TRAINING_KINDS),
				audience: z.enum(TRAINING_AUDIENCES),
				dueOn: z.string(),
				...rateSchema.shape,
			}),
		),
		total: rateSchema,
		drills: z.object({
			targeted: z.number().int(),
			opened: z.number().int(),
			clicked: z.number().int(),
			reported: z.number().int(),
		}),
	})
	.openapi("TrainingYear");
export type TrainingYear = z.infer<typeof trainingYearSchema>;
