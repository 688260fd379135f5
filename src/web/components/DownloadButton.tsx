import { type ReactNode, useState } from "react";
import { fetchFile } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { saveBlob } from "./download.ts";

/**
 * A button that downloads `href` (an export of the current filter). Unlike a plain link, a
 * refusal from the server (an export over its limit, a lost session) reaches `onError` to be
 * shown on the page instead of being saved as a file; a slow export shows that it is working.
 */
export function DownloadButton({
	href,
	fileName,
	onError,
	children,
}: {
	href: string;
	/** The name to save under when the server does not give one. */
	fileName: string;
	onError(error: unknown): void;
	children: ReactNode;
}) {
	const { t } = useI18n();
	const [busy, setBusy] = useState(false);

	async function download() {
		setBusy(true);
		onError(null);
		try {
			const file = await fetchFile(href);
			saveBlob(file.blob, file.fileName ?? fileName);
		} catch (failure) {
			onError(failure);
		} finally {
			setBusy(false);
		}
	}

	return (
		<button
			type="button"
			className="button"
			disabled={busy}
			aria-busy={busy}
			onClick={() => void download()}
		>
			{busy ? t("common.downloading") : children}
		</button>
	);
}
