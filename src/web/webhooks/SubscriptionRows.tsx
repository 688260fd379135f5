import type { Schemas } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";

type Subscription = Schemas["WebhookSubscription"];

interface Props {
	items: Subscription[];
	mayManage: boolean;
	busy: boolean;
	onTest(sub: Subscription): void;
	onToggle(sub: Subscription): void;
	onRotate(sub: Subscription): void;
	onRemove(sub: Subscription): void;
}

/** The tenant's receivers, each with its events, state and what the administrator may do. */
export function SubscriptionRows({ items, mayManage, busy, ...on }: Props) {
	const { t } = useI18n();
	return (
		<div className="table-wrap">
			<table className="table">
				<caption className="visually-hidden">{t("webhooks.subscriptions")}</caption>
				<thead>
					<tr>
						<th scope="col">{t("webhooks.col.url")}</th>
						<th scope="col">{t("webhooks.col.events")}</th>
						<th scope="col">{t("webhooks.col.state")}</th>
						{mayManage ? <th scope="col">{t("webhooks.col.actions")}</th> : null}
					</tr>
				</thead>
				<tbody>
					{items.map((sub) => (
						<tr key={sub.id}>
							<td className="break">
								{sub.url}
								{sub.description ? <div className="muted">{sub.description}</div> : null}
							</td>
							<td>
								{sub.eventTypes.map((type) => t(`webhooks.event.${type}` as MessageKey)).join("、")}
							</td>
							<td>{t(sub.enabled ? "webhooks.state.enabled" : "webhooks.state.disabled")}</td>
							{mayManage ? (
								<td>
									<div className="button-row">
										<button
											type="button"
											className="button"
											disabled={busy}
											onClick={() => on.onTest(sub)}
										>
											{t("webhooks.sendTest")}
										</button>
										<button
											type="button"
											className="button"
											disabled={busy}
											onClick={() => on.onToggle(sub)}
										>
											{t(sub.enabled ? "webhooks.disable" : "webhooks.enable")}
										</button>
										<button
											type="button"
											className="button"
											disabled={busy}
											onClick={() => on.onRotate(sub)}
										>
											{t("webhooks.rotate")}
										</button>
										<button
											type="button"
											className="button button-danger"
											disabled={busy}
											onClick={() => on.onRemove(sub)}
										>
											{t("webhooks.unsubscribe")}
										</button>
									</div>
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
