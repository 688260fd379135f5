import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { Drill, DrillOptions } from "./types.ts";
import "./drills.css";

interface Props {
	drill: Drill;
	options: DrillOptions;
	onClose(saved?: Drill): void;
}

/** A participant as the form holds it: an account, or a named group with its headcount. */
type Entry = { key: number; label: string } & (
	| { account: string }
	| { name: string; headcount: number }
);

let nextKey = 1;

/** Record that a planned drill was held: the day, who took part (staff and outside groups), how it went. */
export function HoldDrillDialog({ drill, options, onClose }: Props) {
	const { t } = useI18n();
	const [heldOn, setHeldOn] = useState(options.today);
	const [entries, setEntries] = useState<Entry[]>([]);
	const [account, setAccount] = useState("");
	const [groupName, setGroupName] = useState("");
	const [headcount, setHeadcount] = useState("1");
	const [summary, setSummary] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const chosen = new Set(entries.flatMap((entry) => ("account" in entry ? [entry.account] : [])));

	function addAccount() {
		const found = options.accounts.find((a) => a.id === account);
		if (!found || chosen.has(found.id)) return;
		setEntries([...entries, { key: nextKey++, label: found.name, account: found.id }]);
		setAccount("");
	}

	function addGroup() {
		const name = groupName.trim();
		const count = Number.parseInt(headcount, 10);
		if (!name || !(count >= 1)) return;
		setEntries([
			...entries,
			{
				key: nextKey++,
				label: `${name}（${t("drills.people", { count })}）`,
				name,
				headcount: count,
			},
		]);
		setGroupName("");
		setHeadcount("1");
	}

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const participants = entries.map((entry) =>
				"account" in entry
					? { account: entry.account, headcount: 1 }
					: { name: entry.name, headcount: entry.headcount },
			);
			const saved = await call(
				api.POST("/api/drills/{id}/hold", {
					params: { path: { id: drill.id } },
					body: { version: drill.version, heldOn, participants, summary: summary.trim() },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("drills.holdTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p>{drill.title}</p>
				<Field label={t("drills.field.heldOn")} required>
					{(id) => (
						<input
							id={id}
							name="heldOn"
							type="date"
							required
							max={options.today}
							value={heldOn}
							onChange={(event) => setHeldOn(event.target.value)}
						/>
					)}
				</Field>
				<fieldset className="fieldset">
					<legend>{t("drills.field.participants")}</legend>
					<div className="form-row drill-form-row">
						<Field label={t("drills.participant.account")}>
							{(id) => (
								<select
									id={id}
									name="account"
									value={account}
									onChange={(event) => setAccount(event.target.value)}
								>
									<option value="">{t("drills.participant.chooseAccount")}</option>
									{options.accounts
										.filter((a) => !chosen.has(a.id))
										.map((a) => (
											<option key={a.id} value={a.id}>
												{a.name}
											</option>
										))}
								</select>
							)}
						</Field>
						<button type="button" className="button" onClick={addAccount} disabled={!account}>
							{t("drills.participant.addAccount")}
						</button>
					</div>
					<div className="form-row drill-form-row">
						<Field label={t("drills.participant.name")}>
							{(id) => (
								<input
									id={id}
									name="name"
									maxLength={100}
									value={groupName}
									onChange={(event) => setGroupName(event.target.value)}
								/>
							)}
						</Field>
						<Field label={t("drills.participant.headcount")}>
							{(id) => (
								<input
									id={id}
									name="headcount"
									type="number"
									min={1}
									max={10000}
									value={headcount}
									onChange={(event) => setHeadcount(event.target.value)}
								/>
							)}
						</Field>
						<button
							type="button"
							className="button"
							onClick={addGroup}
							disabled={!groupName.trim()}
						>
							{t("drills.participant.addName")}
						</button>
					</div>
					{entries.length === 0 ? (
						<p className="muted">{t("drills.participant.none")}</p>
					) : (
						<ul className="drill-participants" aria-label={t("drills.participant.list")}>
							{entries.map((entry) => (
								<li key={entry.key}>
									{entry.label}{" "}
									<button
										type="button"
										className="button button-small"
										aria-label={t("drills.participant.remove", { name: entry.label })}
										onClick={() => setEntries(entries.filter((e) => e.key !== entry.key))}
									>
										×
									</button>
								</li>
							))}
						</ul>
					)}
				</fieldset>
				<Field label={t("drills.field.summary")}>
					{(id) => (
						<textarea
							id={id}
							name="summary"
							rows={3}
							maxLength={4000}
							value={summary}
							onChange={(event) => setSummary(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button
						type="submit"
						className="button button-primary"
						disabled={busy || entries.length === 0}
					>
						{t("drills.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
