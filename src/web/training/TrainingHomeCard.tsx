import { useEffect, useState } from "react";
import { api, call, type Schemas } from "../api/client.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { useCan } from "../session.tsx";
import { rateText } from "./TrainingPage.tsx";

type Owed = Schemas["MyTraining"]["items"][number];
type Completion = Schemas["TrainingCompletion"];

/** The most units the card lists; the training page has them all. */
const UNITS_SHOWN = 5;

/**
 * Home's training card: the courses the caller still owes with their due dates, and for those
 * who read completion (a unit's manager, 統括, the CISO) the rate over the units they see.
 */
export function TrainingHomeCard() {
	const { t } = useI18n();
	const { date } = useDates();
	const can = useCan();
	const takes = can("training.take");
	const reads = can("training.read");
	const [owed, setOwed] = useState<Owed[] | null>(null);
	const [figures, setFigures] = useState<Completion | null>(null);

	useEffect(() => {
		// The card is a summary: a failure leaves it out rather than block Home.
		if (takes)
			call(api.GET("/api/training/mine")).then(
				(mine) => setOwed(mine.items.filter((item) => !item.completedAt)),
				() => setOwed(null),
			);
		if (reads) call(api.GET("/api/training/completion")).then(setFigures, () => setFigures(null));
	}, [takes, reads]);

	const rated = figures && figures.total.owed > 0 ? figures : null;
	if ((owed === null || owed.length === 0) && !rated) return null;
	return (
		<section className="card" aria-labelledby="home-training" data-testid="home-training">
			<h2 id="home-training">{t("training.home.title")}</h2>
			{owed && owed.length > 0 ? (
				<>
					<p className="state state-warn">{t("training.home.owed", { count: owed.length })}</p>
					<ul data-testid="home-training-owed">
						{owed.map((item) => (
							<li key={item.courseId}>
								{item.title}{" "}
								<span className={item.overdue ? "badge badge-warn" : "muted"}>
									{t(item.overdue ? "training.home.overdue" : "training.home.due", {
										date: date(item.dueOn),
									})}
								</span>
							</li>
						))}
					</ul>
					<p>
						<Link to="/training/mine">{t("training.home.mine")}</Link>
					</p>
				</>
			) : null}
			{rated ? (
				<>
					<p data-testid="home-training-rate">
						{t("training.home.rate", { rate: rateText(t, rated.total) })}
					</p>
					{rated.units.length <= UNITS_SHOWN ? (
						<ul>
							{rated.units.map((unit) => (
								<li key={unit.unitId} data-testid="home-training-unit">
									{unit.unitName}: {rateText(t, unit)}
								</li>
							))}
						</ul>
					) : null}
					<p>
						<Link to="/training">{t("training.home.open")}</Link>
					</p>
				</>
			) : null}
		</section>
	);
}
