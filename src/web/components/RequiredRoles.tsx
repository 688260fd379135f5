import type { Problem } from "../api/client.ts";
import { type I18n, useI18n } from "../i18n/i18n.tsx";

/**
 * Role codes written as people read them: 「A、BまたはC」. Plain staff are left out (an action
 * open to staff is never refused for its roles).
 */
export function rolesText(roles: readonly string[], i18n: Pick<I18n, "t" | "label">): string {
	const names = roles.filter((role) => role !== "staff").map((role) => i18n.label("role", role));
	if (names.length <= 1) return names.join("");
	const last = names[names.length - 1];
	return `${names.slice(0, -1).join(i18n.t("deadEnd.rolesJoin"))}${i18n.t("deadEnd.rolesOr")}${last}`;
}

/** The roles named by a `forbidden` problem (`params.roles`, comma-separated), if any. */
export function requiredRolesOf(problem: Pick<Problem, "code" | "params">): string[] {
	const roles = problem.code === "forbidden" ? problem.params?.roles : undefined;
	return typeof roles === "string" && roles ? roles.split(",") : [];
}

/** 「この操作には〇〇の役割が必要です」 under a refusal that names the roles that may act. */
export function ForbiddenRoles({ problem }: { problem: Pick<Problem, "code" | "params"> }) {
	const i18n = useI18n();
	const roles = requiredRolesOf(problem);
	if (roles.length === 0) return null;
	return (
		<p className="alert-detail" data-testid="required-roles">
			{i18n.t("deadEnd.requiresRoles", { roles: rolesText(roles, i18n) })}
		</p>
	);
}

/** On a page whose action the caller may not take: who does it instead. */
export function WhoMay({ roles }: { roles: readonly string[] }) {
	const i18n = useI18n();
	if (roles.length === 0) return null;
	return <p className="muted">{i18n.t("deadEnd.askRoles", { roles: rolesText(roles, i18n) })}</p>;
}
