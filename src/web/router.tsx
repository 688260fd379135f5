import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from "react";
import { useSyncExternalStore } from "react";

const CHANGE = "mamori:navigate";

function subscribe(onChange: () => void): () => void {
	window.addEventListener("popstate", onChange);
	window.addEventListener(CHANGE, onChange);
	return () => {
		window.removeEventListener("popstate", onChange);
		window.removeEventListener(CHANGE, onChange);
	};
}

/** The current path; the server answers every non-API path with the app, so deep links work. */
export function usePath(): string {
	return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The current query string (`?zone=lgwan`), following back/forward and `navigate`. */
export function useSearch(): string {
	return useSyncExternalStore(subscribe, () => window.location.search);
}

/** Go to a path inside the app without reloading. */
export function navigate(to: string): void {
	if (to === window.location.pathname + window.location.search) return;
	window.history.pushState(null, "", to);
	window.dispatchEvent(new Event(CHANGE));
}

interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
	to: string;
	children: ReactNode;
}

/** A real link (open in new tab works) that navigates in place on a plain click. */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
	function handle(event: MouseEvent<HTMLAnchorElement>) {
		onClick?.(event);
		if (event.defaultPrevented || event.button !== 0) return;
		if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		navigate(to);
	}
	return (
		<a href={to} onClick={handle} {...rest}>
			{children}
		</a>
	);
}
