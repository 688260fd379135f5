import { useState } from "react";
import { api, call } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { type BundledOffer, checklistPath, kindKey } from "./types.ts";
import "./checklists.css";

/**
 * The checklists bundled with Mamori: add one the tenant lacks, or make the bundled items the
 * next version of the tenant's copy (refused, with the reason, when the copy holds them already).
 */
export function BundledChecklists({
	offers,
	onChanged,
}: {
	offers: readonly BundledOffer[];
	onChanged(): Promise<void>;
}) {
	const { t } = useI18n();
	const [busy, setBusy] = useState<string | null>(null);
	const [done, setDone] = useState<string | null>(null);
	const [error, setError] = useState<unknown>(null);
	// The tenant's own pack first: those are the ones it most likely wants.
	const ordered = [...offers].sort((a, b) => Number(b.ofTenantPack) - Number(a.ofTenantPack));

	async function add(offer: BundledOffer) {
		setBusy(offer.id);
		setError(null);
		setDone(null);
		try {
			await call(api.POST("/api/assurance/checklists/bundled", { body: { bundledId: offer.id } }));
			setDone(
				t(offer.checklistId ? "checklists.bundled.updated" : "checklists.bundled.added", {
					title: offer.title,
				}),
			);
			await onChanged();
		} catch (failure) {
			setError(failure);
		} finally {
			setBusy(null);
		}
	}

	return (
		<section className="checklist-bundled" aria-labelledby="bundled-checklists">
			<h2 id="bundled-checklists">{t("checklists.bundled.title")}</h2>
			<p>{t("checklists.bundled.lead")}</p>
			<ErrorAlert error={error} />
			{done ? <p role="status">{done}</p> : null}
			<ul className="checklist-offers" data-testid="bundled-checklists">
				{ordered.map((offer) => (
					<li key={offer.id}>
						<span>
							{offer.checklistId ? (
								<Link to={checklistPath(offer.checklistId)}>{offer.title}</Link>
							) : (
								offer.title
							)}{" "}
							（{t(kindKey(offer.kind))}・{t("checklists.itemCount", { count: offer.itemCount })}）
							{offer.ofTenantPack ? (
								<span className="badge">{t("checklists.bundled.ofPack")}</span>
							) : null}
						</span>
						<button
							type="button"
							className="button"
							disabled={busy !== null}
							onClick={() => void add(offer)}
						>
							{t(offer.checklistId ? "checklists.bundled.update" : "checklists.bundled.add", {
								title: offer.title,
							})}
						</button>
					</li>
				))}
			</ul>
		</section>
	);
}
