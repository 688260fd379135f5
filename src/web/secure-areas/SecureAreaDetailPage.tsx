import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../api/client.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import { AreaDialog } from "./AreaDialog.tsx";
import { EntryTable } from "./EntryTable.tsx";
import {
	instantOfLocal,
	levelKey,
	localNow,
	type SecureArea,
	type SecureAreaEntry,
	type SecureAreaOptions,
} from "./types.ts";

const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** One secure area: its permits, a day of its entry log, and the assets located in it. */
export function SecureAreaDetailPage({ id }: { id: string }) {
	const { t } = useI18n();
	const { date } = useDates();
	const [area, setArea] = useState<SecureArea | null>(null);
	const [options, setOptions] = useState<SecureAreaOptions | null>(null);
	const [day, setDay] = useState(today);
	const [entries, setEntries] = useState<SecureAreaEntry[] | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [editing, setEditing] = useState(false);
	const [exportFrom, setExportFrom] = useState(() => `${today().slice(0, 7)}-01`);
	const [exportTo, setExportTo] = useState(today);
	const path = { id };
	const keep = area?.actions.includes("keep") ?? false;
	const manage = area?.actions.includes("manage") ?? false;

	const loadDay = useCallback(
		async (of: string) => {
			try {
				const params = { path: { id }, query: { day: of } };
				setEntries((await call(api.GET("/api/secure-areas/{id}/entries", { params }))).items);
			} catch (failure) {
				setError(failure);
			}
		},
		[id],
	);
	useEffect(() => {
		call(api.GET("/api/secure-areas/{id}", { params: { path: { id } } })).then(setArea, setError);
		void loadDay(today());
	}, [id, loadDay]);
	useEffect(() => {
		if (keep || manage) call(api.GET("/api/secure-areas/options")).then(setOptions, setError);
	}, [keep, manage]);

	async function act(run: () => Promise<SecureArea | undefined>) {
		try {
			const next = await run();
			if (next) setArea(next);
			setError(null);
			await loadDay(day);
		} catch (failure) {
			setError(failure);
		}
	}

	if (!area)
		return (
			<section className="page">
				<ErrorAlert error={error} />
			</section>
		);
	return (
		<section className="page">
			<p>
				<Link to="/secure-areas">{t("secureAreas.detail.back")}</Link>
			</p>
			<div className="page-header">
				<h1>
					{area.code} {area.name}
				</h1>
				{manage && options ? (
					<div className="button-row">
						<button type="button" className="button" onClick={() => setEditing(true)}>
							{t("secureAreas.edit.open")}
						</button>
					</div>
				) : null}
			</div>
			<dl className="facts">
				<dt>{t("secureAreas.col.level")}</dt>
				<dd>{t(levelKey(area.level))}</dd>
				<dt>{t("secureAreas.col.location")}</dt>
				<dd>{area.location || "—"}</dd>
				<dt>{t("secureAreas.col.manager")}</dt>
				<dd>{area.manager ? `${area.manager.name}（${area.manager.staffNumber}）` : "—"}</dd>
			</dl>
			<ErrorAlert error={error} />

			<section aria-labelledby="area-log-title">
				<h2 id="area-log-title">{t("secureAreas.detail.log")}</h2>
				<form
					className="filters"
					onSubmit={(event) => {
						event.preventDefault();
						void loadDay(day);
					}}
				>
					<div className="form-row">
						<Field label={t("secureAreas.detail.day")}>
							{(fieldId) => (
								<input
									id={fieldId}
									type="date"
									value={day}
									onChange={(event) => setDay(event.target.value)}
								/>
							)}
						</Field>
					</div>
					<div className="form-row-actions">
						<button type="submit" className="button">
							{t("secureAreas.detail.showDay")}
						</button>
					</div>
				</form>
				{entries && entries.length === 0 ? (
					<p className="empty">{t("secureAreas.detail.noEntries")}</p>
				) : null}
				{entries && entries.length > 0 ? (
					<EntryTable
						entries={entries}
						label={t("secureAreas.detail.log")}
						testId="area-entries"
						{...(keep
							? {
									onExit: (entry: SecureAreaEntry) =>
										void act(async () => {
											await call(
												api.POST("/api/secure-areas/{id}/entries/{entryId}/exit", {
													params: { path: { id, entryId: entry.id } },
													body: { exitedAt: new Date().toISOString() },
												}),
											);
											return undefined;
										}),
								}
							: {})}
					/>
				) : null}
				{keep && options ? (
					<RecordEntryForm
						area={area}
						options={options}
						onRecord={(body) =>
							act(async () => {
								await call(api.POST("/api/secure-areas/{id}/entries", { params: { path }, body }));
								return undefined;
							})
						}
					/>
				) : null}
				<form
					className="filters"
					aria-labelledby="area-export-title"
					onSubmit={(event) => event.preventDefault()}
				>
					<h3 id="area-export-title">{t("secureAreas.export.title")}</h3>
					<div className="form-row">
						<Field label={t("secureAreas.export.from")}>
							{(fieldId) => (
								<input
									id={fieldId}
									type="date"
									value={exportFrom}
									onChange={(event) => setExportFrom(event.target.value)}
								/>
							)}
						</Field>
						<Field label={t("secureAreas.export.to")}>
							{(fieldId) => (
								<input
									id={fieldId}
									type="date"
									value={exportTo}
									onChange={(event) => setExportTo(event.target.value)}
								/>
							)}
						</Field>
					</div>
					<div className="form-row-actions">
						<DownloadButton
							href={`/api/secure-areas/${encodeURIComponent(id)}/entries/export?${new URLSearchParams({ from: exportFrom, to: exportTo })}`}
							fileName="入退室記録.xlsx"
							onError={setError}
						>
							{t("secureAreas.export.download")}
						</DownloadButton>
					</div>
				</form>
			</section>

			<section aria-labelledby="area-permits-title">
				<h2 id="area-permits-title">{t("secureAreas.detail.permits")}</h2>
				{area.permits.length === 0 ? (
					<p className="empty">{t("secureAreas.detail.noPermits")}</p>
				) : (
					<table className="table table-compact" aria-labelledby="area-permits-title">
						<thead>
							<tr>
								<th scope="col">{t("secureAreas.detail.staff")}</th>
								<th scope="col">{t("secureAreas.detail.until")}</th>
								{keep ? <td /> : null}
							</tr>
						</thead>
						<tbody>
							{area.permits.map((permit) => (
								<tr key={permit.id}>
									<td>
										{permit.staff.name}（{permit.staff.staffNumber}）
									</td>
									<td className="nowrap">
										{date(permit.untilOn)}
										{permit.expired ? (
											<>
												{" "}
												<span className="badge badge-warn">{t("secureAreas.detail.expired")}</span>
											</>
										) : null}
									</td>
									{keep ? (
										<td>
											<button
												type="button"
												className="button"
												onClick={() =>
													void act(() =>
														call(
															api.DELETE("/api/secure-areas/{id}/permits/{permitId}", {
																params: { path: { id, permitId: permit.id } },
															}),
														),
													)
												}
											>
												{t("secureAreas.detail.revoke")}
											</button>
										</td>
									) : null}
								</tr>
							))}
						</tbody>
					</table>
				)}
				{keep && options ? (
					<GrantForm
						options={options}
						onGrant={(body) =>
							act(() =>
								call(api.POST("/api/secure-areas/{id}/permits", { params: { path }, body })),
							)
						}
					/>
				) : null}
			</section>

			<section aria-labelledby="area-assets-title">
				<h2 id="area-assets-title">{t("secureAreas.detail.assets")}</h2>
				{area.assets.length === 0 ? (
					<p className="empty">{t("secureAreas.detail.noAssets")}</p>
				) : (
					<ul>
						{area.assets.map((asset) => (
							<li key={asset.id}>
								<Link to={`/assets/${encodeURIComponent(asset.id)}`}>
									{asset.code} {asset.name}
								</Link>{" "}
								{keep ? (
									<button
										type="button"
										className="button"
										onClick={() =>
											void act(() =>
												call(
													api.DELETE("/api/secure-areas/{id}/assets/{assetId}", {
														params: { path: { id, assetId: asset.id } },
													}),
												),
											)
										}
									>
										{t("secureAreas.detail.unlocate")}
									</button>
								) : null}
							</li>
						))}
					</ul>
				)}
				{keep ? (
					<LocateForm
						onLocate={(assetCode) =>
							act(() =>
								call(
									api.POST("/api/secure-areas/{id}/assets", {
										params: { path },
										body: { assetCode },
									}),
								),
							)
						}
					/>
				) : null}
			</section>
			{editing && options ? (
				<AreaDialog
					options={options}
					area={area}
					onClose={(saved) => {
						setEditing(false);
						if (saved) setArea(saved);
					}}
				/>
			) : null}
		</section>
	);
}

function GrantForm({
	options,
	onGrant,
}: {
	options: SecureAreaOptions;
	onGrant(body: { staffId: string; untilOn: string }): Promise<void>;
}) {
	const { t } = useI18n();
	const [staffId, setStaffId] = useState("");
	const [untilOn, setUntilOn] = useState("");
	return (
		<form
			className="filters"
			aria-label={t("secureAreas.detail.grant")}
			onSubmit={(event: FormEvent) => {
				event.preventDefault();
				void onGrant({ staffId, untilOn });
			}}
		>
			<div className="form-row">
				<Field label={t("secureAreas.detail.staff")} required>
					{(id) => (
						<select id={id} required value={staffId} onChange={(e) => setStaffId(e.target.value)}>
							<option value="">{t("secureAreas.form.choose")}</option>
							{options.staff.map((person) => (
								<option key={person.staffId} value={person.staffId}>
									{person.name}（{person.staffNumber}）
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("secureAreas.detail.until")} required>
					{(id) => (
						<input
							id={id}
							type="date"
							required
							value={untilOn}
							onChange={(e) => setUntilOn(e.target.value)}
						/>
					)}
				</Field>
			</div>
			<div className="form-row-actions">
				<button type="submit" className="button">
					{t("secureAreas.detail.grant")}
				</button>
			</div>
		</form>
	);
}

interface EntryBody {
	staffId: string | null;
	visitorName: string | null;
	visitorOrganisation: string | null;
	escortStaffId: string | null;
	enteredAt: string;
	exitedAt: string | null;
}

function RecordEntryForm({
	area,
	options,
	onRecord,
}: {
	area: SecureArea;
	options: SecureAreaOptions;
	onRecord(body: EntryBody): Promise<void>;
}) {
	const { t } = useI18n();
	const [kind, setKind] = useState<"staff" | "visitor">("staff");
	const [staffId, setStaffId] = useState("");
	const [visitorName, setVisitorName] = useState("");
	const [visitorOrganisation, setVisitorOrganisation] = useState("");
	const [escortStaffId, setEscortStaffId] = useState("");
	const [enteredAt, setEnteredAt] = useState(localNow);
	const [exitedAt, setExitedAt] = useState("");
	const allowed = new Set(area.permits.filter((p) => !p.expired).map((p) => p.staff.staffId));
	const staffOptions = (people: SecureAreaOptions["staff"]) =>
		people.map((person) => (
			<option key={person.staffId} value={person.staffId}>
				{person.name}（{person.staffNumber}）
			</option>
		));
	return (
		<form
			className="filters"
			aria-label={t("secureAreas.detail.record")}
			onSubmit={(event: FormEvent) => {
				event.preventDefault();
				void onRecord({
					staffId: kind === "staff" ? staffId : null,
					visitorName: kind === "visitor" ? visitorName : null,
					visitorOrganisation:
						kind === "visitor" && visitorOrganisation ? visitorOrganisation : null,
					escortStaffId: kind === "visitor" ? escortStaffId : null,
					enteredAt: instantOfLocal(enteredAt),
					exitedAt: exitedAt ? instantOfLocal(exitedAt) : null,
				});
			}}
		>
			<h3>{t("secureAreas.detail.record")}</h3>
			<div className="form-row">
				<Field label={t("secureAreas.detail.kind")}>
					{(id) => (
						<select
							id={id}
							value={kind}
							onChange={(e) => setKind(e.target.value as "staff" | "visitor")}
						>
							<option value="staff">{t("secureAreas.detail.kind.staff")}</option>
							<option value="visitor">{t("secureAreas.detail.kind.visitor")}</option>
						</select>
					)}
				</Field>
				{kind === "staff" ? (
					<Field label={t("secureAreas.detail.staff")} required>
						{(id) => (
							<select id={id} required value={staffId} onChange={(e) => setStaffId(e.target.value)}>
								<option value="">{t("secureAreas.form.choose")}</option>
								{staffOptions(options.staff)}
							</select>
						)}
					</Field>
				) : (
					<>
						<Field label={t("secureAreas.detail.visitorName")} required>
							{(id) => (
								<input
									id={id}
									required
									value={visitorName}
									onChange={(e) => setVisitorName(e.target.value)}
								/>
							)}
						</Field>
						<Field label={t("secureAreas.detail.visitorOrganisation")}>
							{(id) => (
								<input
									id={id}
									value={visitorOrganisation}
									onChange={(e) => setVisitorOrganisation(e.target.value)}
								/>
							)}
						</Field>
						<Field label={t("secureAreas.detail.escort")} required>
							{(id) => (
								<select
									id={id}
									required
									value={escortStaffId}
									onChange={(e) => setEscortStaffId(e.target.value)}
								>
									<option value="">{t("secureAreas.form.choose")}</option>
									{staffOptions(options.staff.filter((person) => allowed.has(person.staffId)))}
								</select>
							)}
						</Field>
					</>
				)}
				<Field label={t("secureAreas.detail.enteredAt")} required>
					{(id) => (
						<input
							id={id}
							type="datetime-local"
							required
							value={enteredAt}
							onChange={(e) => setEnteredAt(e.target.value)}
						/>
					)}
				</Field>
				<Field label={t("secureAreas.detail.exitedAt")}>
					{(id) => (
						<input
							id={id}
							type="datetime-local"
							value={exitedAt}
							onChange={(e) => setExitedAt(e.target.value)}
						/>
					)}
				</Field>
			</div>
			<div className="form-row-actions">
				<button type="submit" className="button button-primary">
					{t("secureAreas.detail.record")}
				</button>
			</div>
		</form>
	);
}

function LocateForm({ onLocate }: { onLocate(assetCode: string): Promise<void> }) {
	const { t } = useI18n();
	const [code, setCode] = useState("");
	return (
		<form
			className="filters"
			aria-label={t("secureAreas.detail.locate")}
			onSubmit={(event: FormEvent) => {
				event.preventDefault();
				void onLocate(code);
			}}
		>
			<div className="form-row">
				<Field label={t("secureAreas.detail.assetCode")} required>
					{(id) => (
						<input id={id} required value={code} onChange={(e) => setCode(e.target.value)} />
					)}
				</Field>
			</div>
			<div className="form-row-actions">
				<button type="submit" className="button">
					{t("secureAreas.detail.locate")}
				</button>
			</div>
		</form>
	);
}
