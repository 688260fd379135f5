import { type FormEvent, useState } from "react";
import { api, call } from "../../api/client.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CampaignDetail } from "./types.ts";

interface Props {
	detail: CampaignDetail;
	/** Today as a Japan date: before or on the due date, closing needs a reason. */
	today: string;
	onClose(closed?: CampaignDetail): void;
}

/**
 * 統括 or the CISO closes a campaign: the dialog says how many respondents have not submitted
 * (they stay 未回答), and asks for a reason while the due date has not passed.
 */
export function CloseCampaignDialog({ detail, today, onClose }: Props) {
	const { t } = useI18n();
	const { date } = useDates();
	const [reason, setReason] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const { campaign, unsubmitted } = detail;
	const early = today <= campaign.dueOn;

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const closed = await call(
				api.POST("/api/assurance/campaigns/{id}/close", {
					params: { path: { id: campaign.id } },
					body: { reason: reason.trim() || null },
				}),
			);
			onClose(closed);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	return (
		<Dialog title={t("campaigns.close.title", { title: campaign.title })} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				<p data-testid="close-unsubmitted">
					{unsubmitted > 0
						? t("campaigns.close.unsubmitted", { count: unsubmitted })
						: t("campaigns.close.allSubmitted")}
				</p>
				<Field
					label={t("campaigns.close.reason")}
					hint={early ? t("campaigns.close.reasonHint", { date: date(campaign.dueOn) }) : undefined}
					required={early}
				>
					{(id, describedBy) => (
						<textarea
							id={id}
							name="reason"
							rows={3}
							maxLength={2000}
							required={early}
							aria-describedby={describedBy}
							value={reason}
							onChange={(event) => setReason(event.target.value)}
						/>
					)}
				</Field>
				<div className="form-row-actions">
					<button type="submit" className="button button-danger" disabled={busy}>
						{t("campaigns.close.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
