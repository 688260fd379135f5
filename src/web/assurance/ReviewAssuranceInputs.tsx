import { useEffect, useState } from "react";
import { formatFiscalYear } from "../../shared/dates.ts";
import { api, call, type Schemas } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/ja.ts";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { kindKey as auditKindKey, auditPath, stateKey as auditStateKey } from "./audits/types.ts";
import { OverdueBadge, StateBadge } from "./findings/badges.tsx";
import { RaiseFindingDialog } from "./findings/RaiseFindingDialog.tsx";
import {
	FINDING_SEVERITIES,
	FINDING_SOURCES,
	FINDING_STATES,
	findingPath,
	severityKey,
	sourceKey,
	stateKey,
} from "./findings/types.ts";
import { useFindingOptions } from "./findings/useFindingOptions.ts";

type FindingInput = Schemas["FindingReviewInput"];
type AuditInput = Schemas["AuditReviewInput"];
type Figures = Schemas["FindingYearFigures"];
type CampaignInput = Schemas["CampaignReviewInput"];

/** A signed change: +2, −1, ±0. */
const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "±0");

/** Fetch one of the review's inputs while the caller may see it. */
function useReviewInput<T>(allowed: boolean, load: () => Promise<T>, key: string) {
	const [value, setValue] = useState<T | null>(null);
	const [error, setError] = useState<unknown>(null);
	// biome-ignore lint/correctness/useExhaustiveDependencies: reloaded per review (key), not per closure
	useEffect(() => {
		if (!allowed) return;
		let current = true;
		load().then(
			(result) => {
				if (current) setValue(result);
			},
			(failure: unknown) => {
				if (current) setError(failure);
			},
		);
		return () => {
			current = false;
		};
	}, [allowed, key]);
	return { value, error };
}

function FigureRows({
	group,
	keys,
	labelOf,
	pick,
	input,
}: {
	group: MessageKey;
	keys: readonly string[];
	labelOf: (key: string) => MessageKey;
	pick: (figures: Figures) => Record<string, number>;
	input: FindingInput;
}) {
	const { t } = useI18n();
	return (
		<>
			<tr>
				<th scope="rowgroup" colSpan={4}>
					{t(group)}
				</th>
			</tr>
			{keys.map((key) => (
				<tr key={key}>
					<th scope="row">{t(labelOf(key))}</th>
					<td>{pick(input.current)[key]}</td>
					<td>{pick(input.previous)[key]}</td>
					<td>{signed(pick(input.change)[key] ?? 0)}</td>
				</tr>
			))}
		</>
	);
}

/**
 * The review's findings input, from the assurance module: the fiscal year's findings by source,
 * severity and state, overdue, against the year before, and the major ones still open.
 */
export function ReviewFindings({ reviewId, fiscalYear }: { reviewId: string; fiscalYear: number }) {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const allowed = can("finding.review_input");
	const { value: input, error } = useReviewInput(
		allowed,
		() =>
			call(api.GET("/api/policy-reviews/{id}/findings", { params: { path: { id: reviewId } } })),
		reviewId,
	);
	const titleId = `review-findings-${reviewId}`;
	return (
		<section className="review-findings" aria-labelledby={titleId}>
			<h3 id={titleId}>
				{t("reviewAssurance.findings.title", {
					year: formatFiscalYear(fiscalYear, style, lang),
				})}
			</h3>
			{allowed ? null : <p className="muted">{t("reviewAssurance.findings.hidden")}</p>}
			<ErrorAlert error={error} />
			{input ? (
				<>
					<p data-testid="review-finding-total">
						{t("reviewAssurance.findings.total", {
							count: input.current.total,
							change: signed(input.change.total),
							overdue: input.current.overdue,
							overdueChange: signed(input.change.overdue),
						})}
					</p>
					<table className="table" data-testid="review-finding-figures">
						<caption>{t("reviewAssurance.findings.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("reviewAssurance.col.item")}</th>
								<th scope="col">{t("reviewAssurance.col.thisYear")}</th>
								<th scope="col">{t("reviewAssurance.col.lastYear")}</th>
								<th scope="col">{t("reviewAssurance.col.change")}</th>
							</tr>
						</thead>
						<tbody>
							<FigureRows
								group="reviewAssurance.group.source"
								keys={FINDING_SOURCES}
								labelOf={sourceKey}
								pick={(f) => f.bySource}
								input={input}
							/>
							<FigureRows
								group="reviewAssurance.group.severity"
								keys={FINDING_SEVERITIES}
								labelOf={severityKey}
								pick={(f) => f.bySeverity}
								input={input}
							/>
							<FigureRows
								group="reviewAssurance.group.state"
								keys={FINDING_STATES}
								labelOf={stateKey}
								pick={(f) => f.byState}
								input={input}
							/>
						</tbody>
					</table>
					<h4>{t("reviewAssurance.openMajor")}</h4>
					{input.openMajor.length === 0 ? (
						<p className="muted">{t("reviewAssurance.openMajor.none")}</p>
					) : (
						<ul data-testid="review-open-major">
							{input.openMajor.map((finding) => (
								<li key={finding.id}>
									{can("finding.read") ? (
										<Link to={findingPath(finding.id)}>{finding.reference}</Link>
									) : (
										finding.reference
									)}{" "}
									{finding.title}（{finding.ownerUnit}） <StateBadge state={finding.state} />
									{finding.dueOn ? ` ${date(finding.dueOn)}` : null}{" "}
									{finding.overdue ? <OverdueBadge /> : null}
								</li>
							))}
						</ul>
					)}
				</>
			) : null}
		</section>
	);
}

/** The review's audits input: the fiscal year's audits and the yearly plan's coverage. */
export function ReviewAudits({ reviewId, fiscalYear }: { reviewId: string; fiscalYear: number }) {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const allowed = can("assurance_audit.review_input");
	const { value: input, error } = useReviewInput<AuditInput>(
		allowed,
		() => call(api.GET("/api/policy-reviews/{id}/audits", { params: { path: { id: reviewId } } })),
		reviewId,
	);
	const titleId = `review-audits-${reviewId}`;
	return (
		<section className="review-audits" aria-labelledby={titleId}>
			<h3 id={titleId}>
				{t("reviewAssurance.audits.title", {
					year: formatFiscalYear(fiscalYear, style, lang),
				})}
			</h3>
			{allowed ? null : <p className="muted">{t("reviewAssurance.audits.hidden")}</p>}
			<ErrorAlert error={error} />
			{input ? (
				<>
					{input.coverage ? (
						<p data-testid="review-audit-coverage">
							{t("reviewAssurance.audits.coverage", {
								planned: input.coverage.planned,
								audited: input.coverage.audited,
							})}
							{input.coverage.notAudited.length > 0 ? (
								<span className="cell-sub">
									{t("reviewAssurance.audits.notAudited", {
										units: input.coverage.notAudited.join("、"),
									})}
								</span>
							) : null}
						</p>
					) : (
						<p className="muted">{t("reviewAssurance.audits.noPlan")}</p>
					)}
					{input.audits.length === 0 ? (
						<p className="muted">{t("reviewAssurance.audits.none")}</p>
					) : (
						<ul data-testid="review-audits">
							{input.audits.map((audit) => (
								<li key={audit.id}>
									{can("assurance_audit.read") ? (
										<Link to={auditPath(audit.id)}>{audit.title}</Link>
									) : (
										audit.title
									)}{" "}
									<span className="tag">{t(auditKindKey(audit.kind))}</span>{" "}
									<span className="badge">{t(auditStateKey(audit.state))}</span>{" "}
									{t("reviewAssurance.audits.period", {
										start: date(audit.periodStart),
										end: date(audit.periodEnd),
									})}
									{audit.units.length > 0 ? (
										<div className="cell-sub">{audit.units.join("、")}</div>
									) : null}
								</li>
							))}
						</ul>
					)}
				</>
			) : null}
		</section>
	);
}

/**
 * The decision opens a corrective action (是正処置): a button that raises a finding in the
 * review's name, for those who decide the review. Tells the new finding's reference once raised.
 */
export function ReviewCorrectiveAction({ reviewId }: { reviewId: string }) {
	const { t } = useI18n();
	const can = useCan();
	const [open, setOpen] = useState(false);
	const [raised, setRaised] = useState<{ id: string; reference: string }[]>([]);
	const { options, error } = useFindingOptions(open);
	return (
		<div className="review-corrective">
			<button type="button" className="button" onClick={() => setOpen(true)}>
				{t("reviewAssurance.raise")}
			</button>
			<ErrorAlert error={error} />
			{raised.map((finding) => (
				<p key={finding.id} role="status" data-testid="review-raised-finding">
					{can("finding.read") ? (
						<Link to={findingPath(finding.id)}>
							{t("reviewAssurance.raised", { reference: finding.reference })}
						</Link>
					) : (
						t("reviewAssurance.raised", { reference: finding.reference })
					)}
				</p>
			))}
			{open && options ? (
				<RaiseFindingDialog
					options={options}
					reviewId={reviewId}
					onClose={(saved) => {
						setOpen(false);
						if (saved) setRaised((current) => [...current, saved]);
					}}
				/>
			) : null}
		</div>
	);
}
/** A rate in percent, or a dash when nothing counts. */
const pct = (value: number | null) => (value === null ? "—" : `${value}%`);
/** A change in percentage points, or a dash. */
const pts = (value: number | null) => (value === null ? "—" : signed(value));

/** The review's self-inspection input: the year's campaigns and rates against the year before. */
export function ReviewSelfInspection({
	reviewId,
	fiscalYear,
}: {
	reviewId: string;
	fiscalYear: number;
}) {
	const { t, lang } = useI18n();
	const { date, style } = useDates();
	const can = useCan();
	const allowed = can("assurance_campaign.review_input");
	const { value: input, error } = useReviewInput<CampaignInput>(
		allowed,
		() =>
			call(
				api.GET("/api/policy-reviews/{id}/self-inspection", {
					params: { path: { id: reviewId } },
				}),
			),
		reviewId,
	);
	const titleId = `review-self-inspection-${reviewId}`;
	return (
		<section className="review-self-inspection" aria-labelledby={titleId}>
			<h3 id={titleId}>
				{t("reviewAssurance.campaigns.title", {
					year: formatFiscalYear(fiscalYear, style, lang),
				})}
			</h3>
			{allowed ? null : <p className="muted">{t("reviewAssurance.campaigns.hidden")}</p>}
			<ErrorAlert error={error} />
			{input ? (
				<>
					<p data-testid="review-campaign-rates">
						{t("reviewAssurance.campaigns.rates", {
							count: input.current.campaigns,
							response: pct(input.current.responseRate),
							responseChange: pts(input.change.responseRate),
							compliance: pct(input.current.complianceRate),
							complianceChange: pts(input.change.complianceRate),
						})}
					</p>
					{input.campaigns.length === 0 ? (
						<p className="muted">{t("reviewAssurance.campaigns.none")}</p>
					) : (
						<ul data-testid="review-campaigns">
							{input.campaigns.map((campaign) => (
								<li key={campaign.id}>
									{campaign.title}{" "}
									{t("reviewAssurance.campaigns.one", {
										due: date(campaign.dueOn),
										response: pct(campaign.responseRate),
										compliance: pct(campaign.complianceRate),
									})}
								</li>
							))}
						</ul>
					)}
				</>
			) : null}
		</section>
	);
}
