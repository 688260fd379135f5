import { type KeyboardEvent, useId, useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";

export interface Target {
	id: string;
	label: string;
}

interface Props {
	/** What is picked: `対象の通信`. */
	legend: string;
	/** Finds what matches a search (the empty search lists the first ones). */
	search(q: string): Promise<Target[]>;
	chosen: readonly Target[];
	onChange(chosen: Target[]): void;
	/** The `name` of the search box, for tests and autofill. */
	name: string;
}

/**
 * Pick ids by searching what they name (flows and nodes of the network model, assets of the
 * ledger): a search box, the matches each with an add button, and the chosen ones each with a
 * remove button. Nothing is typed as an id.
 */
export function TargetPicker({ legend, search, chosen, onChange, name }: Props) {
	const { t } = useI18n();
	const queryId = useId();
	const [q, setQ] = useState("");
	const [found, setFound] = useState<Target[] | null>(null);
	const [failed, setFailed] = useState(false);
	const picked = new Set(chosen.map((target) => target.id));

	async function run() {
		try {
			setFound(await search(q.trim()));
			setFailed(false);
		} catch {
			setFound([]);
			setFailed(true);
		}
	}

	function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
		// Enter searches; it must not send the request form.
		if (event.key === "Enter") {
			event.preventDefault();
			void run();
		}
	}

	return (
		<fieldset className="target-picker" data-picker={name}>
			<legend>{legend}</legend>
			<ul
				className="target-picker-chosen"
				aria-label={t("exceptions.picker.chosen", { what: legend })}
			>
				{chosen.length === 0 ? (
					<li className="muted">{t("exceptions.picker.nothingChosen")}</li>
				) : (
					chosen.map((target) => (
						<li key={target.id}>
							<span>{target.label}</span> <code>{target.id}</code>{" "}
							<button
								type="button"
								className="button button-small"
								aria-label={t("exceptions.picker.removeLabel", { label: target.label })}
								onClick={() => onChange(chosen.filter((other) => other.id !== target.id))}
							>
								{t("exceptions.picker.remove")}
							</button>
						</li>
					))
				)}
			</ul>
			<div className="target-picker-search">
				<label htmlFor={queryId}>{t("exceptions.picker.query", { what: legend })}</label>
				<input
					id={queryId}
					type="search"
					name={name}
					value={q}
					onChange={(event) => setQ(event.target.value)}
					onKeyDown={onKeyDown}
				/>
				<button type="button" className="button" onClick={() => void run()}>
					{t("exceptions.picker.search")}
				</button>
			</div>
			{found !== null ? (
				<ul
					className="target-picker-found"
					aria-label={t("exceptions.picker.found", { what: legend })}
				>
					{failed ? <li role="alert">{t("exceptions.picker.failed")}</li> : null}
					{!failed && found.length === 0 ? (
						<li className="muted">{t("exceptions.picker.none")}</li>
					) : null}
					{found.map((target) => (
						<li key={target.id}>
							<span>{target.label}</span> <code>{target.id}</code>{" "}
							<button
								type="button"
								className="button button-small"
								disabled={picked.has(target.id)}
								aria-label={t("exceptions.picker.addLabel", { label: target.label })}
								onClick={() => onChange([...chosen, target])}
							>
								{t("exceptions.picker.add")}
							</button>
						</li>
					))}
				</ul>
			) : null}
		</fieldset>
	);
}
