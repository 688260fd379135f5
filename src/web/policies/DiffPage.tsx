import "../styles/policies.css";
import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { CheckboxField } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { type PolicyDiff, versionPath } from "./types.ts";

type Row = PolicyDiff["rows"][number];
type Part = Row["bodyDiff"][number];

/** Parts keyed by where they start, so React keys stay stable without indexes. */
function keyed(parts: Part[]): { part: Part; key: string }[] {
	let at = 0;
	return parts.map((part) => {
		const key = `${part.kind}:${at}`;
		if (part.kind !== "added") at += part.text.length;
		return { part, key };
	});
}

function Marked({ parts, side }: { parts: Part[]; side: "before" | "after" }) {
	const hidden = side === "before" ? "added" : "removed";
	return (
		<>
			{keyed(parts)
				.filter(({ part }) => part.kind !== hidden)
				.map(({ part, key }) =>
					part.kind === "same" ? (
						<span key={key}>{part.text}</span>
					) : part.kind === "added" ? (
						<ins key={key}>{part.text}</ins>
					) : (
						<del key={key}>{part.text}</del>
					),
				)}
		</>
	);
}

function Cell({ row, side }: { row: Row; side: "before" | "after" }) {
	const section = row[side];
	if (!section) return <td className="diff-empty" />;
	const changed = row.change === "changed";
	return (
		<td className={`diff-cell diff-${row.change}`}>
			<p className="section-heading">
				<span className="section-label">{section.label}</span>{" "}
				{changed ? <Marked parts={row.titleDiff} side={side} /> : section.title}
			</p>
			<p className="section-body">
				{changed ? <Marked parts={row.bodyDiff} side={side} /> : section.body}
			</p>
		</td>
	);
}

/** 新旧対照表: two versions side by side, section by section, changes marked inside. */
export function DiffPage({ id, against }: { id: string; against: string }) {
	const { t } = useI18n();
	const [diff, setDiff] = useState<PolicyDiff | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [onlyChanges, setOnlyChanges] = useState(true);
	useEffect(() => {
		call(
			api.GET("/api/policy-versions/{id}/diff", {
				params: { path: { id }, query: { against } },
			}),
		)
			.then(setDiff)
			.catch(setError);
	}, [id, against]);
	const rows = diff?.rows.filter((r) => !onlyChanges || r.change !== "unchanged") ?? [];
	return (
		<section className="page">
			<p>
				<Link to={versionPath(id)}>{t("docs.backToVersion")}</Link>
			</p>
			<ErrorAlert error={error} />
			{diff ? (
				<>
					<h1>{t("docs.diffTitle", { title: diff.document.title })}</h1>
					<CheckboxField
						label={t("docs.onlyChanges")}
						checked={onlyChanges}
						onChange={setOnlyChanges}
					/>
					{rows.length === 0 ? <p>{t("docs.noChanges")}</p> : null}
					<div className="table-wrap">
						<table className="table diff-table">
							<thead>
								<tr>
									<th scope="col">{t("docs.col.status")}</th>
									<th scope="col">{t("docs.diffOld", { number: diff.before.number })}</th>
									<th scope="col">{t("docs.diffNew", { number: diff.after.number })}</th>
								</tr>
							</thead>
							<tbody>
								{rows.map((row) => (
									<tr key={`${row.change}:${row.anchor}`}>
										<th scope="row">
											<span className={`badge diff-badge-${row.change}`}>
												{t(`docs.change.${row.change}`)}
											</span>
											<span className="muted diff-citation">{row.citation}</span>
										</th>
										<Cell row={row} side="before" />
										<Cell row={row} side="after" />
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			) : null}
		</section>
	);
}
