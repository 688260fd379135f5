import type { ReactNode } from "react";

/** A titled part of the pack page; a region named by its heading, so it can be found and read. */
export function PackSection({
	id,
	title,
	children,
	extra,
}: {
	id: string;
	title: string;
	children: ReactNode;
	extra?: ReactNode;
}) {
	return (
		<section className="pack-section" aria-labelledby={`pack-${id}`}>
			<h2 id={`pack-${id}`}>
				{title}
				{extra ? <span className="heading-sub"> {extra}</span> : null}
			</h2>
			{children}
		</section>
	);
}
