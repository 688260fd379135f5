import type { ReactNode } from "react";
import { useActionRoles, useCan } from "../session.tsx";
import { WhoMay } from "./RequiredRoles.tsx";

interface EmptyStateProps {
	/** What is missing, e.g. 「まだ資産が登録されていません」. */
	title: string;
	/** What to do, for the caller who may take `action`. */
	guidance?: string;
	/** The permission that fills the page. */
	action: string;
	/** The control that starts it (a button or a link), shown only to those who may. */
	children?: ReactNode;
	testId?: string;
}

/**
 * An empty page that is no dead end: it says what to do and offers the action, or names the
 * roles that may take it when the caller may not.
 */
export function EmptyState({ title, guidance, action, children, testId }: EmptyStateProps) {
	const can = useCan();
	const rolesFor = useActionRoles();
	const may = can(action);
	return (
		<div className="empty empty-state" data-testid={testId ?? "empty-state"}>
			<p className="empty-title">{title}</p>
			{may ? (
				<>
					{guidance ? <p>{guidance}</p> : null}
					{children ? <div className="button-row">{children}</div> : null}
				</>
			) : (
				<WhoMay roles={rolesFor(action)} />
			)}
		</div>
	);
}
