import { type FormEvent, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { PolicySection } from "./types.ts";

type SectionInput = Schemas["PolicySectionInput"];

function toInput(sections: PolicySection[]): SectionInput[] {
	return sections.map((s) => ({
		label: s.label,
		title: s.title,
		body: s.body,
		children: toInput(s.children),
	}));
}

/** A copy of the tree with the section at `path` (child indexes) changed. */
function update(
	list: SectionInput[],
	path: number[],
	patch: Partial<SectionInput>,
): SectionInput[] {
	const [head, ...rest] = path;
	return list.map((s, i) =>
		i !== head
			? s
			: rest.length === 0
				? { ...s, ...patch }
				: { ...s, children: update(s.children, rest, patch) },
	);
}

function Fields({
	sections,
	path,
	onChange,
}: {
	sections: SectionInput[];
	path: number[];
	onChange(path: number[], patch: Partial<SectionInput>): void;
}) {
	const { t } = useI18n();
	return (
		<ol className="section-tree">
			{sections.map((s, i) => {
				const at = [...path, i];
				const id = `edit-${at.join("-")}`;
				return (
					<li key={id} className="policy-section draft-section">
						<div className="draft-heading">
							<span className="section-label">{s.label}</span>
							<label className="visually-hidden" htmlFor={`${id}-title`}>
								{t("docs.sectionTitle", { label: s.label })}
							</label>
							<input
								id={`${id}-title`}
								value={s.title}
								onChange={(event) => onChange(at, { title: event.target.value })}
							/>
						</div>
						<label className="visually-hidden" htmlFor={`${id}-body`}>
							{t("docs.sectionBody", { label: s.label })}
						</label>
						<textarea
							id={`${id}-body`}
							rows={Math.min(12, Math.max(2, s.body.split("\n").length + 1))}
							value={s.body}
							onChange={(event) => onChange(at, { body: event.target.value })}
						/>
						{s.children.length > 0 ? (
							<Fields sections={s.children} path={at} onChange={onChange} />
						) : null}
					</li>
				);
			})}
		</ol>
	);
}

/** Edit a draft's section titles and text in place; numbering (and so anchors) stays. */
export function DraftEditor({
	versionId,
	sections,
	onSaved,
	onCancel,
}: {
	versionId: string;
	sections: PolicySection[];
	onSaved(): void | Promise<void>;
	onCancel(): void;
}) {
	const { t } = useI18n();
	const [draft, setDraft] = useState<SectionInput[]>(() => toInput(sections));
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function save(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			await call(
				api.PATCH("/api/policy-versions/{id}", {
					params: { path: { id: versionId } },
					body: { sections: draft },
				}),
			);
			await onSaved();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form className="form draft-editor" onSubmit={save}>
			<Fields
				sections={draft}
				path={[]}
				onChange={(path, patch) => setDraft((current) => update(current, path, patch))}
			/>
			<ErrorAlert error={error} />
			<div className="form-actions">
				<button type="submit" className="button button-primary" disabled={busy}>
					{t("docs.saveDraft")}
				</button>
				<button type="button" className="button" onClick={onCancel}>
					{t("common.cancel")}
				</button>
			</div>
		</form>
	);
}
