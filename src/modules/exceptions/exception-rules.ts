import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";

export const EXCEPTION_STATES = [
	"requested",
	"approved",
	"refused",
	"withdrawn",
	"lapsed",
] as const;
export type ExceptionState = (typeof EXCEPTION_STATES)[number];

/** What one may do with an exception, by its state. */
export type ExceptionStep = "approve" | "refuse" | "withdraw" | "renew";

const STEPS_FROM: Record<ExceptionState, readonly ExceptionStep[]> = {
	requested: ["approve", "refuse", "withdraw"],
	approved: ["withdraw", "renew"],
	refused: [],
	withdrawn: [],
	lapsed: ["renew"],
};

/** Whether `step` may be taken from `state`. */
export function stepAllowed(state: ExceptionState, step: ExceptionStep): boolean {
	return STEPS_FROM[state].includes(step);
}

/**
 * The roles that decide an exception in this tenant, read from the pack
 * (`organisation.approvals.exception`): its approver and delegate, each only if the module's
 * ceiling lets that role decide at all. A committee approver is represented by its chair.
 *
 * @example
 * decidingRoles(pack) // ["ciso", "chief_officer"] for the bundled packs
 */
export function decidingRoles(pack: PolicyPack): Role[] {
	const rule = pack.organisation.approvals.exception;
	const named: Role[] = [];
	const approver =
		rule.approver === "committee" ? pack.organisation.committee?.chair : rule.approver;
	if (approver) named.push(approver);
	if (rule.delegate && !named.includes(rule.delegate)) named.push(rule.delegate);
	const ceiling = exceptionsPolicy["exception.decide"];
	return named.filter((role) => ceiling.includes(role));
}

/** The role under which the actor decides (the approver first), or undefined. */
export function decidingRole(actor: Actor, pack: PolicyPack): Role | undefined {
	if (!can(actor, exceptionsPolicy, "exception.decide")) return undefined;
	return decidingRoles(pack).find((role) => actor.roles.some((held) => held.role === role));
}

/** In force on `today` (a Japan date): approved, started and not past its end date. */
export function inForce(
	row: { state: string; starts_on: string; ends_on: string },
	today: string,
): boolean {
	return row.state === "approved" && row.starts_on <= today && today <= row.ends_on;
}

/**
 * The era code of a fiscal year as references carry it: `R8` for 2026 (令和8年度), `H30` for 2018.
 */
export function eraCode(fiscalYear: number): string {
	if (fiscalYear >= 2019) return `R${fiscalYear - 2018}`;
	if (fiscalYear >= 1989) return `H${fiscalYear - 1988}`;
	return String(fiscalYear);
}

/** `例外-R8-0001`: the reference of the `number`th exception of a fiscal year. */
export function exceptionReference(fiscalYear: number, number: number): string {
	return `例外-${eraCode(fiscalYear)}-${String(number).padStart(4, "0")}`;
}

/** How many days before its end an exception's managers are reminded when the pack is silent. */
export const DEFAULT_REMINDER_DAYS = 14;

/**
 * How many days before its end an exception's managers and deciders are reminded: the pack's
 * `organisation.approvals.exception.reminderDays`, else 14.
 */
export function reminderDays(pack: PolicyPack): number {
	return pack.organisation.approvals.exception.reminderDays ?? DEFAULT_REMINDER_DAYS;
}
