import { useMemo, useState } from "react";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { answererKey, type ChecklistItem, scaleKey } from "./types.ts";

const ANSWERERS = ["all_staff", "manager", "system_admin"] as const;

interface Filter {
	text: string;
	answerer: string;
	clause: string;
	requiredOnly: boolean;
}

const EMPTY: Filter = { text: "", answerer: "", clause: "", requiredOnly: false };

/** The clause an item is grouped under in the filter: `6(3)①` → `6(3)`. */
function clauseGroup(item: ChecklistItem): string {
	return item.policyClause?.replace(/[①-⑳]$/u, "") ?? "";
}

function matches(item: ChecklistItem, filter: Filter): boolean {
	if (filter.answerer && item.answerer !== filter.answerer) return false;
	if (filter.clause && clauseGroup(item) !== filter.clause) return false;
	if (filter.requiredOnly && !item.required) return false;
	const text = filter.text.trim().toLowerCase();
	if (!text) return true;
	return [item.number, item.question, item.evidence ?? ""].some((value) =>
		value.toLowerCase().includes(text),
	);
}

/** A version's items in a table, filtered as one types (a checklist holds at most 3,000). */
export function ChecklistItems({ items }: { items: readonly ChecklistItem[] }) {
	const { t, label, lang } = useI18n();
	const [filter, setFilter] = useState<Filter>(EMPTY);
	const clauses = useMemo(
		() => [...new Set(items.map(clauseGroup).filter((clause) => clause !== ""))],
		[items],
	);
	const shown = items.filter((item) => matches(item, filter));
	const set = (changes: Partial<Filter>) => setFilter({ ...filter, ...changes });

	const packRule = (item: ChecklistItem) => {
		if (!item.packRef) return null;
		const [kind, code = ""] = item.packRef.split(":");
		const words =
			item.packRule?.summary?.[lang] ??
			(kind === "provision" ? label("pack.provision", code) : item.packRef);
		return (
			<>
				{words}
				{item.packRule && !item.packRule.inPack ? (
					<span className="badge badge-warn">{t("checklists.item.notInPack")}</span>
				) : null}
			</>
		);
	};

	return (
		<section aria-labelledby="checklist-items">
			<h2 id="checklist-items">{t("checklists.itemsLabel")}</h2>
			<form
				className="filters"
				aria-label={t("checklists.filter.label")}
				onSubmit={(event) => event.preventDefault()}
			>
				<div className="form-row">
					<Field label={t("checklists.filter.text")}>
						{(id) => (
							<input
								id={id}
								type="search"
								value={filter.text}
								onChange={(event) => set({ text: event.target.value })}
							/>
						)}
					</Field>
					<Field label={t("checklists.filter.answerer")}>
						{(id) => (
							<select
								id={id}
								value={filter.answerer}
								onChange={(event) => set({ answerer: event.target.value })}
							>
								<option value="">{t("checklists.filter.all")}</option>
								{ANSWERERS.map((answerer) => (
									<option key={answerer} value={answerer}>
										{t(answererKey(answerer))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("checklists.filter.clause")}>
						{(id) => (
							<select
								id={id}
								value={filter.clause}
								onChange={(event) => set({ clause: event.target.value })}
							>
								<option value="">{t("checklists.filter.all")}</option>
								{clauses.map((clause) => (
									<option key={clause} value={clause}>
										{clause}
									</option>
								))}
							</select>
						)}
					</Field>
					<label className="field field-checkbox">
						<input
							type="checkbox"
							checked={filter.requiredOnly}
							onChange={(event) => set({ requiredOnly: event.target.checked })}
						/>
						{t("checklists.filter.requiredOnly")}
					</label>
				</div>
				<div className="form-row-actions">
					<button type="button" className="button" onClick={() => setFilter(EMPTY)}>
						{t("checklists.filter.clear")}
					</button>
				</div>
			</form>
			<p role="status" data-testid="checklist-item-count">
				{t("checklists.filter.count", { shown: shown.length, total: items.length })}
			</p>
			{shown.length === 0 ? (
				<p className="empty">{t("checklists.none")}</p>
			) : (
				<div className="table-wrap">
					<table
						className="table table-compact"
						aria-label={t("checklists.itemsLabel")}
						data-testid="checklist-items"
					>
						<thead>
							<tr>
								<th scope="col">{t("checklists.item.number")}</th>
								<th scope="col">{t("checklists.item.policyClause")}</th>
								<th scope="col">{t("checklists.item.standardsChapter")}</th>
								<th scope="col">{t("checklists.item.question")}</th>
								<th scope="col">{t("checklists.item.answerer")}</th>
								<th scope="col">{t("checklists.item.scale")}</th>
								<th scope="col">{t("checklists.item.required")}</th>
								<th scope="col">{t("checklists.item.evidence")}</th>
								<th scope="col">{t("checklists.item.packRef")}</th>
							</tr>
						</thead>
						<tbody>
							{shown.map((item) => (
								<tr key={item.id} data-item={item.number}>
									<th scope="row" className="nowrap">
										{item.number}
									</th>
									<td className="nowrap">{item.policyClause ?? "—"}</td>
									<td className="nowrap">{item.standardsChapter ?? "—"}</td>
									<td className="checklist-question">{item.question}</td>
									<td>{t(answererKey(item.answerer))}</td>
									<td>
										{t(scaleKey(item.scale))}
										{item.levels.length > 0 ? (
											<span className="checklist-levels muted">
												{t("checklists.item.levels", { levels: item.levels.join(" / ") })}
											</span>
										) : null}
									</td>
									<td>{item.required ? t("common.yes") : t("common.no")}</td>
									<td>{item.evidence ?? "—"}</td>
									<td>{packRule(item) ?? "—"}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	);
}
