import { useCallback, useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";

type Notification = Schemas["Notification"];

/** Unread in-app notifications (reminders to acknowledge), each with its link. */
export function Notifications() {
	const { t, label } = useI18n();
	const { dateTime } = useDates();
	const [items, setItems] = useState<Notification[]>([]);
	const load = useCallback(async () => {
		try {
			const result = await call(api.GET("/api/notifications"));
			setItems(result.items.filter((n) => n.readAt === null));
		} catch {
			setItems([]);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);
	if (items.length === 0) return null;
	async function markRead(id: string) {
		await call(api.POST("/api/notifications/{id}/read", { params: { path: { id } } }));
		await load();
	}
	return (
		<section className="alert alert-warning" aria-labelledby="notifications-title">
			<h2 id="notifications-title" className="alert-title">
				{t("docs.notifications")}
			</h2>
			<ul className="ack-list">
				{items.map((n) => (
					<li key={n.id} className="ack-item">
						<Link to={n.link}>{label("docs.notification", n.kind)}</Link>
						<span className="muted">{dateTime(n.createdAt)}</span>
						<button
							type="button"
							className="button button-small"
							onClick={() => void markRead(n.id)}
						>
							{t("docs.markRead")}
						</button>
					</li>
				))}
			</ul>
		</section>
	);
}
