import { useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * The acknowledge button of a published version, for those it was published to; placed after
 * the text. `onAcknowledged` lets the page refresh what depends on it (the completion figures).
 */
export function AcknowledgeBox({
	versionId,
	onAcknowledged,
}: {
	versionId: string;
	onAcknowledged?: () => void;
}) {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const [state, setState] = useState<{ asked: boolean; at: string | null } | null>(null);
	const [error, setError] = useState<unknown>(null);

	const load = useCallback(async () => {
		const { items } = await call(api.GET("/api/policy-acknowledgements"));
		const mine = items.find((item) => item.versionId === versionId);
		setState({ asked: mine !== undefined, at: mine?.acknowledgedAt ?? null });
	}, [versionId]);
	useEffect(() => {
		load().catch(setError);
	}, [load]);

	async function acknowledge() {
		try {
			await call(
				api.POST("/api/policy-versions/{id}/acknowledgement", {
					params: { path: { id: versionId } },
				}),
			);
			await load();
			onAcknowledged?.();
		} catch (failure) {
			setError(failure);
		}
	}

	if (!state?.asked) return <ErrorAlert error={error} />;
	return (
		<section className="card ack-box" aria-labelledby="ack-box-title">
			<h2 id="ack-box-title">{t("docs.ack.title")}</h2>
			<ErrorAlert error={error} />
			{state.at ? (
				<p className="state state-ok" role="status">
					{t("docs.ack.done", { date: dateTime(state.at) })}
				</p>
			) : (
				<>
					<p>{t("docs.ack.lead")}</p>
					<button
						type="button"
						className="button button-primary"
						onClick={() => void acknowledge()}
					>
						{t("docs.ack.button")}
					</button>
				</>
			)}
		</section>
	);
}
