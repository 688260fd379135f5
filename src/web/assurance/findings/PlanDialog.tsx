import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { Finding, FindingOptions } from "./types.ts";

interface Props {
	finding: Finding;
	options: FindingOptions;
	onClose(saved?: Finding): void;
}

/** Plan (or re-plan) the corrective action: what will be done, who is responsible, by when. */
export function PlanDialog({ finding, options, onClose }: Props) {
	const { t } = useI18n();
	const [plan, setPlan] = useState(finding.plan?.text ?? "");
	const [ownerId, setOwnerId] = useState(finding.plan?.owner.id ?? "");
	const [dueOn, setDueOn] = useState(finding.dueOn ?? "");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				api.POST("/api/findings/{id}/plan", {
					params: { path: { id: finding.id } },
					body: { version: finding.version, plan: plan.trim(), ownerId, dueOn },
				}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("findings.plan.title")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert
					error={error}
					fields={{
						plan: t("findings.plan.text"),
						ownerId: t("findings.plan.owner"),
						dueOn: t("findings.plan.dueOn"),
					}}
				/>
				<p>
					{finding.reference} {finding.title}
				</p>
				<Field label={t("findings.plan.text")} required>
					{(id) => (
						<textarea
							id={id}
							name="plan"
							rows={4}
							required
							maxLength={4000}
							value={plan}
							onChange={(event) => setPlan(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row">
					<Field label={t("findings.plan.owner")} required>
						{(id) => (
							<select
								id={id}
								name="ownerId"
								required
								value={ownerId}
								onChange={(event) => setOwnerId(event.target.value)}
							>
								<option value="">{t("findings.plan.chooseOwner")}</option>
								{options.accounts.map((account) => (
									<option key={account.id} value={account.id}>
										{account.name}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("findings.plan.dueOn")} required>
						{(id) => (
							<input
								id={id}
								name="dueOn"
								type="date"
								required
								min={options.today}
								value={dueOn}
								onChange={(event) => setDueOn(event.target.value)}
							/>
						)}
					</Field>
				</div>
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("findings.plan.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
