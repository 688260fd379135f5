import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { type TakeOut, takeOutStatusKey } from "./types.ts";

type Action = { kind: "approved" | "refused" | "return"; takeOut: TakeOut };

/** Take-outs with their state, and the decide / return buttons the caller may use. */
export function TakeOutTable({
	items,
	onChanged,
	showAsset = true,
	label,
}: {
	items: readonly TakeOut[];
	onChanged(takeOut: TakeOut): void;
	showAsset?: boolean;
	label: string;
}) {
	const { t } = useI18n();
	const { date, dateTime } = useDates();
	const [action, setAction] = useState<Action | null>(null);
	if (items.length === 0) return <p className="empty">{t("custody.takeOut.none")}</p>;
	return (
		<div className="table-wrap">
			<table className="table" aria-label={label}>
				<thead>
					<tr>
						{showAsset ? <th scope="col">{t("custody.takeOut.asset")}</th> : null}
						<th scope="col">{t("custody.takeOut.requester")}</th>
						<th scope="col">{t("custody.takeOut.period")}</th>
						<th scope="col">{t("custody.takeOut.destinationPurpose")}</th>
						<th scope="col">{t("custody.takeOut.protection")}</th>
						<th scope="col">{t("custody.takeOut.state")}</th>
						<th scope="col">{t("common.actions")}</th>
					</tr>
				</thead>
				<tbody>
					{items.map((item) => (
						<tr key={item.id} data-testid={`take-out-${item.id}`}>
							{showAsset ? (
								<td>
									{item.asset.code} {item.asset.name}
									<div className="cell-sub">{item.asset.unitName}</div>
								</td>
							) : null}
							<td>
								{item.requestedBy}
								<div className="cell-sub">{dateTime(item.requestedAt)}</div>
							</td>
							<td className="nowrap">
								{date(item.from)} – {date(item.until)}
							</td>
							<td>
								{item.destination}
								<div className="cell-sub">{item.purpose}</div>
							</td>
							<td>
								{[
									item.encrypted ? t("custody.takeOut.encryptedShort") : null,
									item.lockedCase ? t("custody.takeOut.lockedCaseShort") : null,
								]
									.filter(Boolean)
									.join("・") || t("common.none")}
							</td>
							<td>
								<span className="badge">{t(takeOutStatusKey(item.status))}</span>{" "}
								{item.overdue ? (
									<span className="badge badge-danger">{t("custody.takeOut.overdue")}</span>
								) : null}
								{item.decisionReason ? (
									<div className="cell-sub">
										{t("custody.takeOut.reasonBy", {
											reason: item.decisionReason,
											by: item.decidedBy ?? "",
										})}
									</div>
								) : null}
								{item.returnedAt ? (
									<div className="cell-sub">
										{t("custody.takeOut.returnedBy", {
											at: dateTime(item.returnedAt),
											by: item.returnedBy ?? "",
										})}
										{item.returnNote ? ` — ${item.returnNote}` : ""}
									</div>
								) : null}
							</td>
							<td>
								<div className="button-row">
									{item.allowedActions.includes("take_out.decide") ? (
										<>
											<button
												type="button"
												className="button button-small button-primary"
												onClick={() => setAction({ kind: "approved", takeOut: item })}
											>
												{t("custody.takeOut.approve")}
											</button>
											<button
												type="button"
												className="button button-small"
												onClick={() => setAction({ kind: "refused", takeOut: item })}
											>
												{t("custody.takeOut.refuse")}
											</button>
										</>
									) : null}
									{item.allowedActions.includes("take_out.return") ? (
										<button
											type="button"
											className="button button-small"
											onClick={() => setAction({ kind: "return", takeOut: item })}
										>
											{t("custody.takeOut.recordReturn")}
										</button>
									) : null}
								</div>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			{action ? (
				<TakeOutActionDialog
					action={action}
					onClose={(changed) => {
						setAction(null);
						if (changed) onChanged(changed);
					}}
				/>
			) : null}
		</div>
	);
}

/** Approve or refuse (with the reason), or record the return (with a condition note). */
function TakeOutActionDialog({
	action,
	onClose,
}: {
	action: Action;
	onClose(changed?: TakeOut): void;
}) {
	const { t } = useI18n();
	const { date } = useDates();
	const [text, setText] = useState("");
	const [error, setError] = useState<unknown>(null);
	const { kind, takeOut } = action;
	const returning = kind === "return";
	const path = { params: { path: { id: takeOut.id } } };

	async function submit(event: FormEvent) {
		event.preventDefault();
		try {
			const changed = returning
				? await call(
						api.POST("/api/take-outs/{id}/return", {
							...path,
							body: { note: text.trim() || null },
						}),
					)
				: await call(
						api.POST("/api/take-outs/{id}/decision", {
							...path,
							body: { outcome: kind, reason: text.trim() },
						}),
					);
			onClose(changed);
		} catch (failure) {
			setError(failure);
		}
	}

	const title = returning
		? t("custody.takeOut.returnTitle")
		: t(kind === "approved" ? "custody.takeOut.approveTitle" : "custody.takeOut.refuseTitle");
	return (
		<Dialog title={title} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<p>
					{takeOut.asset.code} {takeOut.asset.name} — {takeOut.destination}（{date(takeOut.from)} –{" "}
					{date(takeOut.until)}）
				</p>
				<ErrorAlert error={error} />
				<Field
					label={t(returning ? "custody.takeOut.returnNote" : "custody.takeOut.reason")}
					required={!returning}
				>
					{(id, describedBy) => (
						<textarea
							id={id}
							aria-describedby={describedBy}
							required={!returning}
							maxLength={1000}
							rows={3}
							value={text}
							onChange={(event) => setText(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-actions">
					<button type="submit" className="button button-primary">
						{returning
							? t("custody.takeOut.recordReturn")
							: t(kind === "approved" ? "custody.takeOut.approve" : "custody.takeOut.refuse")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
