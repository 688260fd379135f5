import { useState } from "react";
import { api, call } from "../api/client.ts";
import { ConfirmDialog } from "../components/Dialog.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { PublishDialog } from "./PublishDialog.tsx";
import type { PolicyVersionSummary } from "./types.ts";

type Step = "submit" | "return" | "approve";
const STEPS: { step: Step; action: string }[] = [
	{ step: "submit", action: "policy_version.submit" },
	{ step: "return", action: "policy_version.return" },
	{ step: "approve", action: "policy_version.approve" },
];

/** The workflow buttons a version offers the caller, from its `allowedActions`. */
export function VersionActions({
	version,
	onDone,
	onError,
}: {
	version: PolicyVersionSummary;
	onDone(message: string): void | Promise<void>;
	onError(error: unknown): void;
}) {
	const { t } = useI18n();
	const [publishing, setPublishing] = useState(false);
	// Approval cannot be undone (an approved version is only published): asked again first.
	const [approving, setApproving] = useState(false);
	const path = { params: { path: { id: version.id } } };

	async function take(step: Step) {
		try {
			if (step === "submit") await call(api.POST("/api/policy-versions/{id}/submit", path));
			if (step === "return") await call(api.POST("/api/policy-versions/{id}/return", path));
			if (step === "approve") await call(api.POST("/api/policy-versions/{id}/approve", path));
			await onDone(t("docs.done"));
		} catch (failure) {
			onError(failure);
		}
	}

	const awaitsDecision = version.status === "in_review" || version.status === "approved";
	return (
		<div className="button-row">
			{version.separateDrafter && version.draftedByCaller && awaitsDecision ? (
				<p className="muted">{t("adoption.drafterMayNotDecide")}</p>
			) : null}
			{STEPS.filter((s) => version.allowedActions.includes(s.action)).map((s) => (
				<button
					key={s.step}
					type="button"
					className="button button-small"
					onClick={() => (s.step === "approve" ? setApproving(true) : void take(s.step))}
				>
					{t(`docs.${s.step}`)}
				</button>
			))}
			{version.allowedActions.includes("policy_version.publish") ? (
				<button
					type="button"
					className="button button-small button-primary"
					onClick={() => setPublishing(true)}
				>
					{t("docs.publish")}
				</button>
			) : null}
			{approving ? (
				<ConfirmDialog
					title={t("confirm.approve.title")}
					message={t("confirm.approve.message")}
					confirmLabel={t("docs.approve")}
					onConfirm={() => {
						setApproving(false);
						void take("approve");
					}}
					onClose={() => setApproving(false)}
				/>
			) : null}
			{publishing ? (
				<PublishDialog
					version={version}
					onClose={() => setPublishing(false)}
					onPublished={async () => {
						setPublishing(false);
						await onDone(t("docs.done"));
					}}
				/>
			) : null}
		</div>
	);
}
