import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { ConfirmDialog, Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { SubscriptionRows } from "./SubscriptionRows.tsx";

type Subscription = Schemas["WebhookSubscription"];
type Delivery = Schemas["WebhookDelivery"];
type EventType = Schemas["WebhookSubscriptionList"]["eventTypes"][number];

export const eventKey = (type: string) => `webhooks.event.${type}` as MessageKey;

/**
 * Webhooks (the tenant administrator's): receivers of other systems subscribed to events, the
 * signing secret shown once, and the deliveries with their outcome.
 */
export function WebhooksPage() {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const [list, setList] = useState<Schemas["WebhookSubscriptionList"] | null>(null);
	const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [url, setUrl] = useState("");
	const [description, setDescription] = useState("");
	const [events, setEvents] = useState<EventType[]>([]);
	const [busy, setBusy] = useState(false);
	const [secret, setSecret] = useState<string | null>(null);
	const [removing, setRemoving] = useState<Subscription | null>(null);
	const [notice, setNotice] = useState<string | null>(null);

	const load = useCallback(async () => {
		try {
			const [subs, page] = await Promise.all([
				call(api.GET("/api/webhooks/subscriptions")),
				call(api.GET("/api/webhooks/deliveries", { params: { query: { limit: 50 } } })),
			]);
			setList(subs);
			setDeliveries(page.items);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	const mayManage = list?.allowedActions.includes("webhook.manage") ?? false;

	async function act(work: () => Promise<unknown>) {
		setBusy(true);
		setError(null);
		setNotice(null);
		try {
			await work();
			await load();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(false);
		}
	}

	function submit(event: FormEvent) {
		event.preventDefault();
		void act(async () => {
			const made = await call(
				api.POST("/api/webhooks/subscriptions", {
					body: { url, description, eventTypes: events },
				}),
			);
			setSecret(made.secret ?? null);
			setUrl("");
			setDescription("");
			setEvents([]);
		});
	}

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("webhooks.title")}</h1>
				<div className="button-row">
					<button type="button" className="button" onClick={() => void load()}>
						{t("webhooks.refresh")}
					</button>
				</div>
			</div>
			<p className="lead">{t("webhooks.lead")}</p>
			<ErrorAlert error={error} />
			{notice ? (
				<p className="notice" role="status">
					{notice}
				</p>
			) : null}
			{mayManage && list ? (
				<form className="form" onSubmit={submit} aria-label={t("webhooks.subscribe")}>
					<Field label={t("webhooks.field.url")} hint={t("webhooks.field.urlHint")} required>
						{(id, describedBy) => (
							<input
								id={id}
								type="url"
								required
								maxLength={2000}
								aria-describedby={describedBy}
								value={url}
								onChange={(event) => setUrl(event.target.value)}
							/>
						)}
					</Field>
					<Field label={t("webhooks.field.description")}>
						{(id) => (
							<input
								id={id}
								maxLength={200}
								value={description}
								onChange={(event) => setDescription(event.target.value)}
							/>
						)}
					</Field>
					<fieldset className="fieldset">
						<legend>{t("webhooks.field.events")}</legend>
						{list.eventTypes.map((type) => (
							<label key={type} className="choice">
								<input
									type="checkbox"
									checked={events.includes(type)}
									onChange={(event) =>
										setEvents(
											event.target.checked
												? [...events, type]
												: events.filter((chosen) => chosen !== type),
										)
									}
								/>
								{t(eventKey(type))}
							</label>
						))}
					</fieldset>
					<div className="form-actions">
						<button
							type="submit"
							className="button button-primary"
							disabled={busy || events.length === 0}
						>
							{t("webhooks.subscribe")}
						</button>
					</div>
				</form>
			) : null}
			<h2>{t("webhooks.subscriptions")}</h2>
			{list && list.items.length === 0 ? <p className="muted">{t("webhooks.empty")}</p> : null}
			{list && list.items.length > 0 ? (
				<SubscriptionRows
					items={list.items}
					mayManage={mayManage}
					busy={busy}
					onTest={(sub) =>
						act(async () => {
							await call(
								api.POST("/api/webhooks/subscriptions/{id}/test", {
									params: { path: { id: sub.id } },
								}),
							);
							setNotice(t("webhooks.testQueued"));
						})
					}
					onToggle={(sub) =>
						act(() =>
							call(
								api.PUT("/api/webhooks/subscriptions/{id}", {
									params: { path: { id: sub.id } },
									body: {
										version: sub.version,
										url: sub.url,
										description: sub.description,
										eventTypes: sub.eventTypes as EventType[],
										enabled: !sub.enabled,
									},
								}),
							),
						)
					}
					onRotate={(sub) =>
						act(async () => {
							const rotated = await call(
								api.POST("/api/webhooks/subscriptions/{id}/rotate-secret", {
									params: { path: { id: sub.id } },
									body: { version: sub.version },
								}),
							);
							setSecret(rotated.secret ?? null);
						})
					}
					onRemove={setRemoving}
				/>
			) : null}
			<h2>{t("webhooks.deliveries")}</h2>
			{deliveries && deliveries.length === 0 ? (
				<p className="muted">{t("webhooks.deliveries.empty")}</p>
			) : null}
			{deliveries && deliveries.length > 0 ? (
				<div className="table-wrap">
					<table className="table">
						<caption className="visually-hidden">{t("webhooks.deliveries")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("webhooks.col.created")}</th>
								<th scope="col">{t("webhooks.col.event")}</th>
								<th scope="col">{t("webhooks.col.url")}</th>
								<th scope="col">{t("webhooks.col.status")}</th>
								<th scope="col">{t("webhooks.col.attempts")}</th>
								<th scope="col">{t("webhooks.col.lastError")}</th>
								<th scope="col">{t("webhooks.col.nextAttempt")}</th>
							</tr>
						</thead>
						<tbody>
							{deliveries.map((delivery) => (
								<tr key={delivery.id} data-status={delivery.status}>
									<td>{dateTime(delivery.createdAt)}</td>
									<td>{t(eventKey(delivery.eventType))}</td>
									<td className="break">{delivery.url}</td>
									<td>{t(`webhooks.status.${delivery.status}`)}</td>
									<td>
										{t("webhooks.attempts", {
											attempts: delivery.attempts,
											max: delivery.maxAttempts,
										})}
									</td>
									<td>{delivery.lastError ?? ""}</td>
									<td>{delivery.nextAttemptAt ? dateTime(delivery.nextAttemptAt) : ""}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{secret ? (
				<Dialog title={t("webhooks.secret.title")} onClose={() => setSecret(null)}>
					<p>{t("webhooks.secret.lead")}</p>
					<Field label={t("webhooks.secret.label")}>
						{(id) => <input id={id} readOnly value={secret} className="mono" />}
					</Field>
					<div className="form-actions">
						<button type="button" className="button button-primary" onClick={() => setSecret(null)}>
							{t("webhooks.secret.done")}
						</button>
					</div>
				</Dialog>
			) : null}
			{removing ? (
				<ConfirmDialog
					title={t("webhooks.unsubscribe")}
					message={t("webhooks.unsubscribeConfirm", { url: removing.url })}
					confirmLabel={t("webhooks.unsubscribe")}
					danger
					busy={busy}
					onClose={() => setRemoving(null)}
					onConfirm={() =>
						void act(async () => {
							await call(
								api.POST("/api/webhooks/subscriptions/{id}/unsubscribe", {
									params: { path: { id: removing.id } },
									body: { version: removing.version },
								}),
							);
							setRemoving(null);
						})
					}
				/>
			) : null}
		</section>
	);
}
