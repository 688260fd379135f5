import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { WhoMay } from "../components/RequiredRoles.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";

type Step = Schemas["SetupStep"];

/** Where each step is taken. The roster import is for its administrator; others see the staff. */
function stepPath(key: Step["key"], can: (action: string) => boolean): string {
	switch (key) {
		case "organisation":
			return "/org-units";
		case "staff":
			return can("roster.import") ? "/roster" : "/staff";
		case "roles":
			return "/accounts";
		case "policy":
			return "/policies";
		case "assets":
			return "/assets";
		case "network":
			return "/network";
		case "mail":
			return "/mail";
	}
}

function StepItem({ step, number }: { step: Step; number: number }) {
	const { t } = useI18n();
	const can = useCan();
	const title = t(`home.setup.step.${step.key}` as MessageKey);
	const id = `setup-step-${step.key}`;
	return (
		<li
			className={step.done ? "setup-step is-done" : "setup-step"}
			data-testid={id}
			data-done={step.done ? "true" : "false"}
			aria-labelledby={`${id}-title`}
		>
			<span className="setup-mark" aria-hidden="true">
				{step.done ? "✓" : number}
			</span>
			<div className="setup-body">
				<p className="setup-title" id={`${id}-title`}>
					<Link to={stepPath(step.key, can)}>{title}</Link>{" "}
					<span className={step.done ? "badge badge-ok" : "badge badge-muted"}>
						{t(step.done ? "home.setup.done" : "home.setup.todo")}
					</span>
				</p>
				<p className="muted">
					{t(`home.setup.count.${step.key}` as MessageKey, { count: step.count })}
					{step.done ? null : <> — {t(`home.setup.hint.${step.key}` as MessageKey)}</>}
				</p>
				{step.done || step.may ? null : <WhoMay roles={step.roles} />}
			</div>
		</li>
	);
}

/**
 * The first steps of a tenant that is not set up yet, in order, with what each has so far;
 * shown to those who set the tenant up until every step is done.
 */
export function SetupChecklist() {
	const { t } = useI18n();
	const can = useCan();
	const [progress, setProgress] = useState<Schemas["SetupProgress"] | null>(null);
	const allowed = can("home.setup_progress");
	useEffect(() => {
		if (!allowed) return;
		call(api.GET("/api/setup-progress"))
			.then(setProgress)
			.catch(() => setProgress(null));
	}, [allowed]);
	if (!progress || progress.complete) return null;
	const done = progress.steps.filter((s) => s.done).length;
	return (
		<section className="card setup-checklist" aria-labelledby="setup-title">
			<h2 id="setup-title">{t("home.setup.title")}</h2>
			<p>{t("home.setup.lead")}</p>
			<p role="status" data-testid="setup-progress">
				{t("home.setup.progress", { done, total: progress.steps.length })}
			</p>
			<ol className="setup-steps">
				{progress.steps.map((step, index) => (
					<StepItem key={step.key} step={step} number={index + 1} />
				))}
			</ol>
		</section>
	);
}
