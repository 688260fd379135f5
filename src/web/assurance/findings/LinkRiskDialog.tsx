import { type FormEvent, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { localized, type Risk } from "../../risks/labels.ts";
import { RatingPicker, type RatingValue } from "../../risks/RatingPicker.tsx";
import { useRiskOptions } from "../../risks/useRiskOptions.ts";
import type { Finding } from "./types.ts";
import "../../risks/risks.css";

interface Props {
	finding: Finding;
	onClose(saved?: Finding): void;
}

/**
 * Link a finding to the risk register: a risk of its owner unit chosen from the register, or a
 * new one entered from the finding (threat and ratings on the tenant's matrix), through the
 * register's own rules.
 */
export function LinkRiskDialog({ finding, onClose }: Props) {
	const { t, lang } = useI18n();
	const { options, error: optionsError } = useRiskOptions();
	const [risks, setRisks] = useState<Risk[] | null>(null);
	const [mode, setMode] = useState<"existing" | "new">("existing");
	const [riskId, setRiskId] = useState("");
	const [threatCode, setThreatCode] = useState("");
	const [inherent, setInherent] = useState<RatingValue>({ likelihood: 1, impact: 1 });
	const [residual, setResidual] = useState<RatingValue>({ likelihood: 1, impact: 1 });
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);

	useEffect(() => {
		const query = { unitId: finding.ownerUnit.id, status: "active" as const, limit: 200 };
		call(api.GET("/api/risks", { params: { query } })).then((page) => {
			setRisks(page.items);
			if (page.items.length === 0) setMode("new");
		}, setError);
	}, [finding.ownerUnit.id]);

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const body =
				mode === "existing"
					? { version: finding.version, riskId }
					: { version: finding.version, newRisk: { threatCode, inherent, residual } };
			const saved = await call(
				api.POST("/api/findings/{id}/risk-link", { params: { path: { id: finding.id } }, body }),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("findings.risk.linkTitle")} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error ?? optionsError} />
				<p>
					{finding.reference} {finding.title}
				</p>
				<fieldset className="fieldset">
					<legend>{t("findings.risk.mode")}</legend>
					<label className="choice">
						<input
							type="radio"
							name="mode"
							value="existing"
							checked={mode === "existing"}
							disabled={risks !== null && risks.length === 0}
							onChange={() => setMode("existing")}
						/>
						{t("findings.risk.existing")}
					</label>
					<label className="choice">
						<input
							type="radio"
							name="mode"
							value="new"
							checked={mode === "new"}
							onChange={() => setMode("new")}
						/>
						{t("findings.risk.new")}
					</label>
				</fieldset>
				{risks !== null && risks.length === 0 ? (
					<p className="muted">{t("findings.risk.noRisks")}</p>
				) : null}
				{mode === "existing" && risks && risks.length > 0 ? (
					<Field label={t("findings.risk.choose")} required>
						{(id) => (
							<select
								id={id}
								name="riskId"
								required
								value={riskId}
								onChange={(event) => setRiskId(event.target.value)}
							>
								<option value="">{t("findings.risk.chooseOne")}</option>
								{risks.map((risk) => (
									<option key={risk.id} value={risk.id}>
										{risk.title}
									</option>
								))}
							</select>
						)}
					</Field>
				) : null}
				{mode === "new" && options ? (
					<>
						<Field label={t("findings.risk.threat")} required>
							{(id) => (
								<select
									id={id}
									name="threatCode"
									required
									value={threatCode}
									onChange={(event) => setThreatCode(event.target.value)}
								>
									<option value="">{t("findings.risk.chooseThreat")}</option>
									{options.threats.map((threat) => (
										<option key={threat.code} value={threat.code}>
											{localized(threat.label, lang)}
										</option>
									))}
								</select>
							)}
						</Field>
						<RatingPicker
							legend={t("risks.inherent")}
							name="inherent"
							matrix={options.matrix}
							value={inherent}
							onChange={setInherent}
						/>
						<RatingPicker
							legend={t("risks.residual")}
							name="residual"
							matrix={options.matrix}
							value={residual}
							onChange={setResidual}
						/>
					</>
				) : null}
				<div className="form-row-actions">
					<button type="submit" className="button button-primary" disabled={busy}>
						{t("findings.risk.save")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
