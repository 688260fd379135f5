import { type ReactNode, useEffect, useId, useRef } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";

interface DialogProps {
	title: string;
	onClose(): void;
	children: ReactNode;
	/** For a dialog holding a wide table. */
	wide?: boolean;
}

/**
 * A modal dialog on the native `<dialog>`: focus is kept inside, Escape closes it, and focus
 * returns to where it was when it closes.
 */
export function Dialog({ title, onClose, children, wide = false }: DialogProps) {
	const { t } = useI18n();
	const ref = useRef<HTMLDialogElement>(null);
	const titleId = useId();

	useEffect(() => {
		const dialog = ref.current;
		const opener = document.activeElement;
		if (dialog && !dialog.open) dialog.showModal();
		return () => {
			dialog?.close();
			if (opener instanceof HTMLElement) opener.focus();
		};
	}, []);

	return (
		<dialog
			ref={ref}
			className={wide ? "dialog dialog-wide" : "dialog"}
			aria-labelledby={titleId}
			onCancel={(event) => {
				event.preventDefault();
				onClose();
			}}
		>
			<div className="dialog-header">
				<h2 id={titleId}>{title}</h2>
				<button
					type="button"
					className="button-icon"
					onClick={onClose}
					aria-label={t("common.close")}
				>
					×
				</button>
			</div>
			<div className="dialog-body">{children}</div>
		</dialog>
	);
}

interface ConfirmProps {
	title: string;
	message: string;
	confirmLabel: string;
	danger?: boolean;
	busy?: boolean;
	error?: unknown;
	onConfirm(): void;
	onClose(): void;
}

/** Ask before an action that cannot be undone. */
export function ConfirmDialog(props: ConfirmProps) {
	const { t } = useI18n();
	return (
		<Dialog title={props.title} onClose={props.onClose}>
			<p>{props.message}</p>
			<ErrorAlert error={props.error} />
			<div className="form-actions">
				<button
					type="button"
					className={props.danger ? "button button-danger" : "button button-primary"}
					onClick={props.onConfirm}
					disabled={props.busy}
				>
					{props.confirmLabel}
				</button>
				<button type="button" className="button" onClick={props.onClose}>
					{t("common.cancel")}
				</button>
			</div>
		</Dialog>
	);
}
