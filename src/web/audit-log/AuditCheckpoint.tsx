import { useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";

interface Checkpoint {
	at: string;
	seq: number;
	hash: string;
	signatureValid: boolean;
	inChain: boolean;
}

/**
 * The newest signed checkpoint of the tenant's chain, for the CISO: when it was signed, which
 * event, and whether the signature and the chain still agree with it.
 */
export function AuditCheckpoint() {
	const { t } = useI18n();
	const { dateTime } = useDates();
	const [checkpoint, setCheckpoint] = useState<Checkpoint | null | undefined>(undefined);

	useEffect(() => {
		let current = true;
		call(api.GET("/api/audit-checkpoints/latest"))
			.then((result) => {
				if (current) setCheckpoint(result.checkpoint);
			})
			.catch(() => {
				if (current) setCheckpoint(undefined);
			});
		return () => {
			current = false;
		};
	}, []);

	if (checkpoint === undefined) return null;
	const verdict = !checkpoint
		? null
		: !checkpoint.signatureValid
			? t("audit.checkpoint.badSignature")
			: !checkpoint.inChain
				? t("audit.checkpoint.notInChain")
				: t("audit.checkpoint.ok");
	const ok = checkpoint?.signatureValid && checkpoint.inChain;
	return (
		<section className="card" aria-labelledby="audit-checkpoint" data-testid="audit-checkpoint">
			<h2 id="audit-checkpoint">{t("audit.checkpoint.title")}</h2>
			{checkpoint ? (
				<dl className="details">
					<div>
						<dt>{t("audit.checkpoint.at")}</dt>
						<dd>{dateTime(checkpoint.at)}</dd>
					</div>
					<div>
						<dt>{t("audit.checkpoint.seq")}</dt>
						<dd>{checkpoint.seq}</dd>
					</div>
					<div>
						<dt>{t("audit.checkpoint.hash")}</dt>
						<dd>
							<code>{checkpoint.hash.slice(0, 16)}…</code>
						</dd>
					</div>
					<div>
						<dt>{t("audit.checkpoint.verified")}</dt>
						<dd className={ok ? undefined : "alert alert-error"} role={ok ? undefined : "alert"}>
							{verdict}
						</dd>
					</div>
				</dl>
			) : (
				<p>{t("audit.checkpoint.none")}</p>
			)}
		</section>
	);
}
