import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link } from "../router.tsx";

type WorkKind = Schemas["MyWork"]["items"][number]["kind"];

/** The page where each kind of waiting work is done. */
const WORK_PATHS: Record<WorkKind, string> = {
	take_out_decisions: "/take-outs",
	policy_approvals: "/policies",
	policy_publications: "/policies",
	acknowledgements: "/policies",
	mail_release_decisions: "/mail",
	incident_tasks: "/incidents/tasks",
	incident_acknowledgements: "/incidents/to-acknowledge",
	campaign_items: "/assurance/campaigns",
	overdue_findings: "/findings?overdue=true",
	findings_to_verify: "/findings?state=done",
	exception_reminders: "/exceptions",
	my_number_handler_changes: "/my-number",
};

/** What waits for the caller (decisions, approvals, acknowledgements), with counts and links. */
export function MyWork() {
	const { t } = useI18n();
	const [work, setWork] = useState<Schemas["MyWork"] | null>(null);
	useEffect(() => {
		call(api.GET("/api/my-work"))
			.then(setWork)
			.catch(() => setWork(null));
	}, []);
	if (!work) return null;
	return (
		<section className="card my-work" aria-labelledby="my-work-title" data-testid="my-work">
			<h2 id="my-work-title">{t("home.work.title")}</h2>
			{work.items.length === 0 ? (
				<p className="muted">{t("home.work.none")}</p>
			) : (
				<ul className="my-work-list">
					{work.items.map((item) => (
						<li key={item.kind}>
							<Link to={WORK_PATHS[item.kind]}>
								{t(`home.work.kind.${item.kind}` as MessageKey, { count: item.count })}
							</Link>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
