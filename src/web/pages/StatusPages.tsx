import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";

export function NotFoundPage() {
	const { t } = useI18n();
	return (
		<section className="page">
			<h1>{t("notFound.title")}</h1>
			<p>{t("notFound.lead")}</p>
			<p>
				<Link to="/">{t("nav.home")}</Link>
			</p>
		</section>
	);
}

export function ForbiddenPage() {
	const { t } = useI18n();
	return (
		<section className="page">
			<h1>{t("forbidden.title")}</h1>
			<p>{t("forbidden.lead")}</p>
			<p>
				<Link to="/">{t("nav.home")}</Link>
			</p>
		</section>
	);
}
