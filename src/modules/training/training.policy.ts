import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use training (研修・訓練). `training-desk.ts` narrows the managers (部局 / 課) to their
 * units' staff; the CISO, 統括 and auditors see every unit. Everyone takes their own courses.
 */
export const trainingPolicy = definePolicy({
	/** The plan, the courses and the completion rates. */
	"training.read": ["ciso", "chief_officer", "department_officer", "section_manager", "auditor"],
	/** Plan the year's courses (the training owner), import drill results. */
	"training.manage": ["ciso", "chief_officer"],
	/** Record attendance by hand or by roster import: the owner, or a unit's manager for the unit. */
	"training.record": ["ciso", "chief_officer", "department_officer", "section_manager"],
	/** Completion per unit as XLSX; the year's figures. */
	"training.export": ["ciso", "chief_officer", "department_officer", "section_manager", "auditor"],
	/**
	 * The year's figures as an input of the yearly review (見直し) and the status report: those who
	 * read reviews, over every unit (a review is the committee's record).
	 */
	"training.review_input": ["tenant_admin", "ciso", "chief_officer", "auditor"],
	/** My training: what I owe, and the e-learning quiz. Every account is staff. */
	"training.take": ["staff"],
});

export type TrainingAction = keyof typeof trainingPolicy;
