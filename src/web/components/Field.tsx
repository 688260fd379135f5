import { type ReactElement, type ReactNode, useId } from "react";
import { useI18n } from "../i18n/i18n.tsx";

interface FieldProps {
	label: string;
	hint?: string | undefined;
	required?: boolean;
	className?: string;
	/** The control, given the id and aria-describedby to put on it. */
	children(id: string, describedBy: string | undefined): ReactElement;
}

/**
 * A labelled form control with an optional hint tied to it for screen readers. Mark the control
 * itself `required` when `required` is set.
 */
export function Field({ label, hint, required = false, className, children }: FieldProps) {
	const { t } = useI18n();
	const id = useId();
	const hintId = hint ? `${id}-hint` : undefined;
	return (
		<div className={`field ${className ?? ""}`}>
			<span className="field-label">
				<label htmlFor={id}>{label}</label>
				{/* Screen readers hear "required" from the control's own attribute. */}
				{required ? (
					<span className="field-required" aria-hidden="true">
						{t("common.required")}
					</span>
				) : null}
			</span>
			{children(id, hintId)}
			{hint ? (
				<p className="field-hint" id={hintId}>
					{hint}
				</p>
			) : null}
		</div>
	);
}

/** A checkbox with its label to the right. */
export function CheckboxField({
	label,
	checked,
	onChange,
}: {
	label: ReactNode;
	checked: boolean;
	onChange(checked: boolean): void;
}) {
	const id = useId();
	return (
		<div className="field field-checkbox">
			<input
				id={id}
				type="checkbox"
				checked={checked}
				onChange={(event) => onChange(event.target.checked)}
			/>
			<label htmlFor={id}>{label}</label>
		</div>
	);
}
