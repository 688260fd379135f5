import { type RefObject, useLayoutEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";

/** Zoom steps, as multiples of the width that fits the box. */
export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

/**
 * The diagram's zoom: 1 fits the whole diagram into its box; larger steps make it wider than
 * the box, which then scrolls. The point at the centre of the box stays there on each step.
 */
export function useDiagramZoom(box: RefObject<HTMLElement | null>) {
	const [step, setStep] = useState(0);
	const centre = useRef<{ x: number; y: number } | null>(null);

	useLayoutEffect(() => {
		const element = box.current;
		const at = centre.current;
		if (!element || !at) return;
		element.scrollLeft = at.x * element.scrollWidth - element.clientWidth / 2;
		element.scrollTop = at.y * element.scrollHeight - element.clientHeight / 2;
		centre.current = null;
	});

	const go = (next: number) => {
		const element = box.current;
		if (element) {
			centre.current = {
				x: (element.scrollLeft + element.clientWidth / 2) / element.scrollWidth,
				y: (element.scrollTop + element.clientHeight / 2) / element.scrollHeight,
			};
		}
		setStep(Math.max(0, Math.min(ZOOM_STEPS.length - 1, next)));
	};
	return { zoom: ZOOM_STEPS[step] ?? 1, step, go };
}

/** The zoom buttons above the diagram: out, fit, in, and the current zoom. */
export function DiagramZoom({ step, go }: { step: number; go(step: number): void }) {
	const { t } = useI18n();
	const zoom = ZOOM_STEPS[step] ?? 1;
	return (
		<fieldset className="network-zoom">
			<legend className="visually-hidden">{t("network.zoom.label")}</legend>
			<button
				type="button"
				className="button button-small"
				onClick={() => go(step - 1)}
				disabled={step === 0}
			>
				<span aria-hidden="true">− </span>
				{t("network.zoom.out")}
			</button>
			<button type="button" className="button button-small" onClick={() => go(0)}>
				{t("network.zoom.fit")}
			</button>
			<button
				type="button"
				className="button button-small"
				onClick={() => go(step + 1)}
				disabled={step === ZOOM_STEPS.length - 1}
			>
				<span aria-hidden="true">+ </span>
				{t("network.zoom.in")}
			</button>
			<output className="network-zoom-level" aria-live="polite" data-testid="network-zoom-level">
				{t("network.zoom.level", { percent: Math.round(zoom * 100) })}
			</output>
			{zoom > 1 ? <span className="muted">{t("network.zoom.hint")}</span> : null}
		</fieldset>
	);
}
