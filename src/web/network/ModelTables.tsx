import { useState } from "react";
import { ConfirmDialog } from "../components/Dialog.tsx";
import { type I18n, useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { EntityDialog } from "./EntityDialog.tsx";
import { ENTITY_KINDS, type Entity, type EntityKind, withEntity } from "./editor-specs.ts";
import type { NetworkModel, Selection, ViolationIndex } from "./types.ts";

/** Rows shown per table; the filter finds the others. */
const MAX_ROWS = 200;

type Editing = { kind: EntityKind; index: number | null } | null;

function cells(
	kind: EntityKind,
	entity: Entity,
	{ t, label }: Pick<I18n, "t" | "label">,
): string[] {
	const yes = (flag: boolean | undefined, text: string) => (flag ? text : "");
	switch (kind) {
		case "segments": {
			const s = entity as NetworkModel["segments"][number];
			return [label("network.kind", s.kind), s.name ?? "", (s.cidrs ?? []).join(", ")];
		}
		case "nodes": {
			const n = entity as NetworkModel["nodes"][number];
			return [
				label("network.nodeKind", n.kind),
				n.segment,
				n.name ?? "",
				[
					yes(n.mfa, t("network.field.mfaShort")),
					yes(n.takeOutBlocked, t("network.field.takeOutShort")),
					yes(n.handlesMyNumber, t("network.field.myNumberShort")),
				]
					.filter(Boolean)
					.join(" "),
				n.assetId ?? "",
			];
		}
		case "gateways": {
			const g = entity as NetworkModel["gateways"][number];
			return [
				label("network.gatewayKind", g.kind),
				g.name ?? "",
				`${g.between[0]} ⇔ ${g.between[1]}`,
			];
		}
		case "flows": {
			const f = entity as NetworkModel["flows"][number];
			return [
				f.source,
				f.destination,
				[f.protocol, f.port].filter((x) => x !== undefined && x !== "").join("/"),
				(f.via ?? []).join(" → "),
				f.purpose ?? "",
			];
		}
	}
}

const HEADERS: Record<EntityKind, MessageKey[]> = {
	segments: ["network.field.kind", "network.field.name", "network.field.cidrs"],
	nodes: [
		"network.field.kind",
		"network.field.segment",
		"network.field.name",
		"network.field.controls",
		"network.field.assetId",
	],
	gateways: ["network.field.kind", "network.field.name", "network.field.between"],
	flows: [
		"network.field.source",
		"network.field.destination",
		"network.field.protocolPort",
		"network.field.via",
		"network.field.purpose",
	],
};

/** The segments, nodes, gateways and flows of the draft, each with add, edit and delete. */
export function ModelTables({
	model,
	violations,
	canEdit,
	onChange,
	onSelect,
}: {
	model: NetworkModel;
	violations: ViolationIndex;
	canEdit: boolean;
	onChange(model: NetworkModel): void;
	onSelect(selection: Selection): void;
}) {
	const { t, label } = useI18n();
	const [editing, setEditing] = useState<Editing>(null);
	const [deleting, setDeleting] = useState<{ kind: EntityKind; index: number } | null>(null);
	const [filter, setFilter] = useState<Record<EntityKind, string>>({
		segments: "",
		nodes: "",
		gateways: "",
		flows: "",
	});

	const table = (kind: EntityKind) => {
		const items = model[kind] as Entity[];
		const needle = filter[kind].trim().toLowerCase();
		const rows = items
			.map((entity, index) => ({ entity, index }))
			.filter(({ entity }) => !needle || JSON.stringify(entity).toLowerCase().includes(needle));
		const found = (id: string) =>
			(kind === "flows" ? violations.byFlow.get(id) : violations.byElement.get(id)) ?? [];
		/** Violations no exception in force covers. */
		const bad = (id: string) => found(id).filter((v) => !v.exception).length;
		/** The references of exceptions in force covering the entity's violations. */
		const excepted = (id: string) => [
			...new Set(found(id).flatMap((v) => (v.exception ? [v.exception.reference] : []))),
		];
		const captionId = `network-table-${kind}`;
		return (
			<section key={kind} className="network-table" aria-labelledby={captionId}>
				<div className="network-table-header">
					<h3 id={captionId}>
						{t(`network.table.${kind}`)} <span className="muted">({items.length})</span>
					</h3>
					<input
						type="search"
						aria-label={t("network.table.filter", { what: t(`network.table.${kind}`) })}
						placeholder={t("common.search")}
						value={filter[kind]}
						onChange={(event) => setFilter({ ...filter, [kind]: event.target.value })}
					/>
					{canEdit ? (
						<button
							type="button"
							className="button button-small"
							onClick={() => setEditing({ kind, index: null })}
						>
							{t("network.editor.add", { what: t(`network.table.${kind}`) })}
						</button>
					) : null}
				</div>
				<div className="table-wrap">
					<table className="table table-compact">
						<caption className="visually-hidden">{t(`network.table.${kind}`)}</caption>
						<thead>
							<tr>
								<th scope="col">{t("network.field.id")}</th>
								{HEADERS[kind].map((key) => (
									<th key={key} scope="col">
										{t(key)}
									</th>
								))}
								<th scope="col">{t("network.field.verdict")}</th>
								{canEdit ? <th scope="col">{t("common.actions")}</th> : null}
							</tr>
						</thead>
						<tbody>
							{rows.slice(0, MAX_ROWS).map(({ entity, index }) => {
								const count = bad(entity.id);
								const references = excepted(entity.id);
								return (
									<tr key={`${entity.id}:${index}`}>
										<th scope="row">
											<button
												type="button"
												className="button-link"
												onClick={() =>
													onSelect({ kind: kind === "flows" ? "flow" : "element", id: entity.id })
												}
											>
												{entity.id}
											</button>
										</th>
										{cells(kind, entity, { t, label }).map((cell, i) => (
											// biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
											<td key={i}>{cell}</td>
										))}
										<td>
											{count > 0 ? (
												<span className="badge badge-danger">
													{t("network.verdict.violationCount", { count })}
												</span>
											) : null}
											{references.map((reference) => (
												<span key={reference} className="badge badge-warn" data-verdict="exception">
													{t("network.verdict.exceptionRef", { reference })}
												</span>
											))}
											{count === 0 && references.length === 0 ? (
												<span className="badge badge-ok">{t("network.verdict.ok")}</span>
											) : null}
										</td>
										{canEdit ? (
											<td className="button-row">
												<button
													type="button"
													className="button button-small"
													onClick={() => setEditing({ kind, index })}
												>
													{t("network.editor.edit")}
												</button>
												<button
													type="button"
													className="button button-small button-danger"
													onClick={() => setDeleting({ kind, index })}
												>
													{t("network.editor.delete")}
												</button>
											</td>
										) : null}
									</tr>
								);
							})}
						</tbody>
					</table>
				</div>
				{rows.length > MAX_ROWS ? (
					<p className="muted">{t("network.table.more", { count: rows.length - MAX_ROWS })}</p>
				) : null}
			</section>
		);
	};

	const editingEntity =
		editing && editing.index !== null
			? ((model[editing.kind] as Entity[])[editing.index] ?? null)
			: null;
	const deletingEntity = deleting ? (model[deleting.kind] as Entity[])[deleting.index] : undefined;
	return (
		<div className="network-tables">
			{ENTITY_KINDS.map(table)}
			{editing ? (
				<EntityDialog
					kind={editing.kind}
					model={model}
					entity={editingEntity}
					onClose={() => setEditing(null)}
					onSave={(entity) => {
						onChange(withEntity(model, editing.kind, editing.index, entity));
						setEditing(null);
					}}
				/>
			) : null}
			{deleting && deletingEntity ? (
				<ConfirmDialog
					title={t("network.editor.deleteTitle")}
					message={t("network.editor.deleteMessage", { id: deletingEntity.id })}
					confirmLabel={t("network.editor.delete")}
					danger
					onClose={() => setDeleting(null)}
					onConfirm={() => {
						onChange(withEntity(model, deleting.kind, deleting.index, null));
						setDeleting(null);
					}}
				/>
			) : null}
		</div>
	);
}
