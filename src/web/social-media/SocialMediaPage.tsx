import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { Field } from "../components/Field.tsx";
import { FilterButtons, RegisterResults } from "../components/RegisterResults.tsx";
import { useUrlFilter } from "../components/useUrlParams.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useCan } from "../session.tsx";
import { RegisterSocialAccountDialog } from "./RegisterSocialAccountDialog.tsx";
import {
	SOCIAL_MEDIA_STATES,
	type SocialAccountOptions,
	type SocialAccountSummary,
	socialAccountPath,
	stateKey,
} from "./types.ts";

const PAGE_SIZE = 50;
const EMPTY = { state: "", dormant: "" };

/** 公式SNSアカウント: the register of official accounts, by state and 休眠; registered here. */
export function SocialMediaPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const mayRegister = can("social_media.register");
	const mayExport = can("social_media.export");
	const list = useUrlFilter(EMPTY);
	const { filter, offset } = list;
	const [draft, setDraft] = useState(filter);
	const [page, setPage] = useState<{ items: SocialAccountSummary[]; total: number } | null>(null);
	const [options, setOptions] = useState<SocialAccountOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	useEffect(() => setDraft(filter), [filter]);

	useEffect(() => {
		if (mayRegister) call(api.GET("/api/social-media/options")).then(setOptions, setError);
	}, [mayRegister]);

	const load = useCallback(async () => {
		try {
			const query = {
				...(filter.state ? { state: filter.state as SocialAccountSummary["state"] } : {}),
				...(filter.dormant === "true" || filter.dormant === "false"
					? { dormant: filter.dormant as "true" | "false" }
					: {}),
				offset,
				limit: PAGE_SIZE,
			};
			setPage(await call(api.GET("/api/social-media/accounts", { params: { query } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [filter, offset]);
	useEffect(() => {
		void load();
	}, [load]);

	function apply(event: FormEvent) {
		event.preventDefault();
		list.apply(draft);
	}

	const filtered = Boolean(filter.state || filter.dormant);
	const empty = page !== null && page.total === 0 && !filtered;
	const exportQuery = new URLSearchParams({
		...(filter.state ? { state: filter.state } : {}),
		...(filter.dormant ? { dormant: filter.dormant } : {}),
	});
	const registerButton =
		mayRegister && options && options.units.length > 0 ? (
			<button type="button" className="button button-primary" onClick={() => setCreating(true)}>
				{t("socialMedia.register")}
			</button>
		) : null;

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("socialMedia.title")}</h1>
				<div className="button-row">
					{mayExport && !empty ? (
						<>
							<DownloadButton
								href={`/api/social-media/export?${new URLSearchParams([...exportQuery, ["format", "xlsx"]])}`}
								fileName="公式SNSアカウント台帳.xlsx"
								onError={setError}
							>
								{t("socialMedia.export.xlsx")}
							</DownloadButton>
							<DownloadButton
								href={`/api/social-media/export?${new URLSearchParams([...exportQuery, ["format", "csv"]])}`}
								fileName="公式SNSアカウント台帳.csv"
								onError={setError}
							>
								{t("socialMedia.export.csv")}
							</DownloadButton>
						</>
					) : null}
					{!empty ? registerButton : null}
				</div>
			</div>
			<p className="lead">{t("socialMedia.lead")}</p>
			<form className="filters" onSubmit={apply} aria-label={t("socialMedia.filter.label")}>
				<div className="form-row">
					<Field label={t("socialMedia.filter.state")}>
						{(id) => (
							<select
								id={id}
								value={draft.state}
								onChange={(event) => setDraft({ ...draft, state: event.target.value })}
							>
								<option value="">{t("socialMedia.filter.all")}</option>
								{SOCIAL_MEDIA_STATES.map((state) => (
									<option key={state} value={state}>
										{t(stateKey(state))}
									</option>
								))}
							</select>
						)}
					</Field>
					<Field label={t("socialMedia.filter.dormant")}>
						{(id) => (
							<select
								id={id}
								value={draft.dormant}
								onChange={(event) => setDraft({ ...draft, dormant: event.target.value })}
							>
								<option value="">{t("socialMedia.filter.all")}</option>
								<option value="true">{t("socialMedia.filter.dormantOnly")}</option>
								<option value="false">{t("socialMedia.filter.notDormant")}</option>
							</select>
						)}
					</Field>
				</div>
				<FilterButtons
					apply={t("socialMedia.filter.apply")}
					clear={t("socialMedia.filter.clear")}
					onClear={() => list.apply(EMPTY)}
				/>
			</form>
			<RegisterResults
				error={error}
				page={page}
				empty={empty}
				emptyState={{
					testId: "social-media-empty",
					title: t("socialMedia.emptyTitle"),
					guidance: t("socialMedia.emptyGuidance", { register: t("socialMedia.register") }),
					action: "social_media.register",
					button: registerButton,
				}}
				totalTestId="social-media-total"
				total={t("socialMedia.total", { count: page?.total ?? 0 })}
				none={t("socialMedia.none")}
				label={t("socialMedia.title")}
				offset={offset}
				limit={PAGE_SIZE}
				onOffset={list.setOffset}
			>
				{(items) => (
					<>
						<thead>
							<tr>
								<th scope="col">{t("socialMedia.col.service")}</th>
								<th scope="col">{t("socialMedia.col.handle")}</th>
								<th scope="col">{t("socialMedia.col.state")}</th>
								<th scope="col">{t("socialMedia.col.unit")}</th>
								<th scope="col">{t("socialMedia.col.responsible")}</th>
								<th scope="col">{t("socialMedia.col.mfa")}</th>
								<th scope="col">{t("socialMedia.col.lastReview")}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.id} data-social-account={item.id}>
									<td>{item.service}</td>
									<td>
										<Link to={socialAccountPath(item.id)}>{item.handle}</Link>
									</td>
									<td>
										<span className="badge">{t(stateKey(item.state))}</span>
										{item.dormant ? (
											<>
												{" "}
												<span className="badge badge-warn">{t("socialMedia.dormant")}</span>
											</>
										) : null}
									</td>
									<td>{item.unit.name}</td>
									<td>{item.responsible}</td>
									<td>{t(item.mfaEnabled ? "socialMedia.mfa.on" : "socialMedia.mfa.off")}</td>
									<td className="nowrap">
										{item.lastReviewedOn ? date(item.lastReviewedOn) : "—"}
									</td>
								</tr>
							))}
						</tbody>
					</>
				)}
			</RegisterResults>
			{creating && options ? (
				<RegisterSocialAccountDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(socialAccountPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
