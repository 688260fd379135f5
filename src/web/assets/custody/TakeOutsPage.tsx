import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert, StatusMessage } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { useCan } from "../../session.tsx";
import { TakeOutForm } from "./TakeOutForm.tsx";
import { TakeOutList } from "./TakeOutList.tsx";
import { takeOutMessage } from "./TakeOutPanel.tsx";
import { TakeOutTable } from "./TakeOutTable.tsx";
import type { TakeOut, TakeOutAsset } from "./types.ts";

interface Slice {
	items: TakeOut[];
	total: number;
}

interface Lists {
	toDecide: Slice;
	overdue: Slice;
	mine: Slice;
}

const NONE: Slice = { items: [], total: 0 };

/** 持ち出し: ask to take an asset out, decide the requests of one's units, see what is overdue. */
export function TakeOutsPage() {
	const { t } = useI18n();
	const can = useCan();
	const decider = can("take_out.decide");
	const [lists, setLists] = useState<Lists | null>(null);
	const [assets, setAssets] = useState<TakeOutAsset[]>([]);
	const [chosen, setChosen] = useState("");
	const [error, setError] = useState<unknown>(null);
	const [status, setStatus] = useState<string | null>(null);
	// Bumped on every change so that the filtered list below reloads with the lists above.
	const [version, setVersion] = useState(0);

	const load = useCallback(async () => {
		try {
			const list = (query: { view?: "mine" | "to_decide"; status?: "overdue" }) =>
				call(api.GET("/api/take-outs", { params: { query } })).then(
					(r): Slice => ({ items: r.items, total: r.total }),
				);
			const [toDecide, overdue, mine, requestable] = await Promise.all([
				decider ? list({ view: "to_decide" }) : Promise.resolve(NONE),
				list({ status: "overdue" }),
				list({ view: "mine" }),
				call(api.GET("/api/take-out-assets")),
			]);
			setLists({ toDecide, overdue, mine });
			setAssets(requestable.items);
		} catch (failure) {
			setError(failure);
		}
	}, [decider]);
	useEffect(() => {
		void load();
	}, [load]);

	const choice = assets.find((asset) => asset.id === chosen);
	const changed = (takeOut: TakeOut) => {
		setStatus(t(takeOutMessage(takeOut.status), { code: takeOut.asset.code }));
		setVersion((current) => current + 1);
		void load();
	};

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("custody.takeOut.title")}</h1>
			</div>
			<p className="lead">{t("custody.takeOut.lead")}</p>
			<ErrorAlert error={error} />
			<StatusMessage>{status}</StatusMessage>

			{decider ? (
				<section className="card" aria-labelledby="to-decide-title">
					<h2 id="to-decide-title">{t("custody.takeOut.toDecide")}</h2>
					{lists ? (
						<SliceTable
							slice={lists.toDecide}
							label={t("custody.takeOut.toDecide")}
							onChanged={changed}
						/>
					) : null}
				</section>
			) : null}

			<section className="card" aria-labelledby="overdue-title">
				<h2 id="overdue-title">{t("custody.takeOut.overdueTitle")}</h2>
				{lists ? (
					<SliceTable
						slice={lists.overdue}
						label={t("custody.takeOut.overdueTitle")}
						onChanged={changed}
					/>
				) : null}
			</section>

			<section className="card" aria-labelledby="new-take-out-title">
				<h2 id="new-take-out-title">{t("custody.takeOut.requestTitle")}</h2>
				{assets.length === 0 ? (
					<EmptyState
						testId="take-outs-empty"
						title={t("custody.takeOut.noAssets")}
						guidance={t("empty.takeOuts.guidance")}
						action="asset.write"
					>
						<Link to="/assets" className="button">
							{t("empty.takeOuts.action")}
						</Link>
					</EmptyState>
				) : (
					<Field label={t("custody.takeOut.asset")} required>
						{(id, describedBy) => (
							<select
								id={id}
								aria-describedby={describedBy}
								required
								value={chosen}
								onChange={(event) => setChosen(event.target.value)}
							>
								<option value="">{t("custody.takeOut.chooseAsset")}</option>
								{assets.map((asset) => (
									<option key={asset.id} value={asset.id}>
										{asset.code} {asset.name}（{asset.unitName}・{asset.classKey}）
									</option>
								))}
							</select>
						)}
					</Field>
				)}
				{choice ? (
					<TakeOutForm
						key={choice.id}
						choice={choice}
						onRequested={(takeOut) => {
							setChosen("");
							setStatus(t("custody.takeOut.requestedCode", { code: takeOut.asset.code }));
							setVersion((current) => current + 1);
							void load();
						}}
					/>
				) : null}
			</section>

			<section className="card" aria-labelledby="mine-title">
				<h2 id="mine-title">{t("custody.takeOut.mine")}</h2>
				{lists ? (
					<SliceTable slice={lists.mine} label={t("custody.takeOut.mine")} onChanged={changed} />
				) : null}
			</section>

			<TakeOutList decider={decider} version={version} onChanged={changed} />
		</section>
	);
}

/** One of the page's short lists, saying so when it shows only the newest of more. */
function SliceTable({
	slice,
	label,
	onChanged,
}: {
	slice: Slice;
	label: string;
	onChanged(takeOut: TakeOut): void;
}) {
	const { t } = useI18n();
	return (
		<>
			<TakeOutTable items={slice.items} label={label} onChanged={onChanged} />
			{slice.total > slice.items.length ? (
				<p className="muted">
					{t("custody.takeOut.partial", { shown: slice.items.length, total: slice.total })}
				</p>
			) : null}
		</>
	);
}
