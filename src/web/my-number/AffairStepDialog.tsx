import { type FormEvent, useState } from "react";
import { api, call } from "../api/client.ts";
import { Dialog } from "../components/Dialog.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { type Affair, type MyNumberOptions, staffLabel } from "./types.ts";

/** What is recorded on an affair: a handler named or removed, a system or contract linked, a provision. */
export type AffairStep =
	| { kind: "handler" }
	| { kind: "end"; handler: Affair["handlers"][number] }
	| { kind: "link"; target: "asset" | "contract" }
	| { kind: "provision" };

interface Props {
	affair: Affair;
	step: AffairStep;
	/** Staff to name a handler from (only for `handler`). */
	options: MyNumberOptions | null;
	today: string;
	onClose(saved?: Affair): void;
}

const EMPTY = {
	staffId: "",
	startsOn: "",
	endsOn: "",
	code: "",
	providedOn: "",
	recipient: "",
	legalBasis: "",
	items: "",
	personCount: "",
};

/**
 * One record on an affair kept by its responsible person (or the CISO, 統括): name a 事務取扱担当者
 * from the roster with start and end, remove one from a day, link a ledger asset or a contract by
 * its code, or record a provision to another body.
 */
export function AffairStepDialog({ affair, step, options, today, onClose }: Props) {
	const { t } = useI18n();
	const [form, setForm] = useState({
		...EMPTY,
		startsOn: today,
		endsOn: step.kind === "end" ? today : "",
		providedOn: today,
	});
	const [error, setError] = useState<unknown>(null);
	const [busy, setBusy] = useState(false);
	const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
	const path = { id: affair.id };

	async function submit(event: FormEvent) {
		event.preventDefault();
		setBusy(true);
		try {
			const saved = await call(
				step.kind === "handler"
					? api.POST("/api/my-number/affairs/{id}/handlers", {
							params: { path },
							body: {
								staffId: form.staffId,
								startsOn: form.startsOn,
								endsOn: form.endsOn || null,
							},
						})
					: step.kind === "end"
						? api.POST("/api/my-number/affairs/{id}/handlers/{handlerId}/end", {
								params: { path: { ...path, handlerId: step.handler.id } },
								body: { endsOn: form.endsOn },
							})
						: step.kind === "link"
							? api.POST("/api/my-number/affairs/{id}/links", {
									params: { path },
									body: { kind: step.target, code: form.code.trim() },
								})
							: api.POST("/api/my-number/affairs/{id}/provisions", {
									params: { path },
									body: {
										providedOn: form.providedOn,
										recipient: form.recipient.trim(),
										legalBasis: form.legalBasis.trim(),
										items: form.items.trim(),
										personCount: Number(form.personCount),
									},
								}),
			);
			onClose(saved);
		} catch (failure) {
			setError(failure);
			setBusy(false);
		}
	}

	const day = (key: "startsOn" | "endsOn" | "providedOn", label: string, required: boolean) => (
		<Field label={label} required={required}>
			{(id) => (
				<input
					id={id}
					name={key}
					type="date"
					required={required}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);
	const line = (key: "code" | "recipient", label: string, maxLength: number) => (
		<Field label={label} required>
			{(id) => (
				<input
					id={id}
					name={key}
					required
					maxLength={maxLength}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);
	const text = (key: "legalBasis" | "items", label: string, maxLength: number) => (
		<Field label={label} required>
			{(id) => (
				<textarea
					id={id}
					name={key}
					required
					rows={2}
					maxLength={maxLength}
					value={form[key]}
					onChange={(event) => set(key)(event.target.value)}
				/>
			)}
		</Field>
	);

	const title =
		step.kind === "handler"
			? t("myNumber.handler.add")
			: step.kind === "end"
				? t("myNumber.handler.removeNamed", { name: step.handler.name })
				: step.kind === "link"
					? t(step.target === "asset" ? "myNumber.link.addAsset" : "myNumber.link.addContract")
					: t("myNumber.provision.add");

	return (
		<Dialog title={`${affair.name}: ${title}`} onClose={() => onClose()}>
			<form className="form" onSubmit={submit}>
				<ErrorAlert error={error} />
				{step.kind === "handler" ? (
					<>
						<Field label={t("myNumber.handler.staff")} required>
							{(id) => (
								<select
									id={id}
									name="staffId"
									required
									value={form.staffId}
									onChange={(event) => set("staffId")(event.target.value)}
								>
									<option value="">{t("myNumber.form.choose")}</option>
									{(options?.staff ?? []).map((member) => (
										<option key={member.id} value={member.id}>
											{staffLabel(member)}
										</option>
									))}
								</select>
							)}
						</Field>
						{day("startsOn", t("myNumber.handler.startsOn"), true)}
						{day("endsOn", t("myNumber.handler.endsOnOptional"), false)}
					</>
				) : null}
				{step.kind === "end" ? (
					<>
						<p>{t("myNumber.handler.endHint")}</p>
						{day("endsOn", t("myNumber.handler.endsOn"), true)}
					</>
				) : null}
				{step.kind === "link"
					? line(
							"code",
							t(step.target === "asset" ? "myNumber.asset.code" : "myNumber.contract.code"),
							100,
						)
					: null}
				{step.kind === "provision" ? (
					<>
						{day("providedOn", t("myNumber.provision.providedOn"), true)}
						{line("recipient", t("myNumber.provision.recipient"), 200)}
						{text("legalBasis", t("myNumber.provision.legalBasis"), 500)}
						{text("items", t("myNumber.provision.items"), 2000)}
						<Field label={t("myNumber.provision.count")} required>
							{(id) => (
								<input
									id={id}
									name="personCount"
									type="number"
									inputMode="numeric"
									min={1}
									max={100_000_000}
									required
									value={form.personCount}
									onChange={(event) => set("personCount")(event.target.value)}
								/>
							)}
						</Field>
					</>
				) : null}
				<div className="form-row-actions">
					<button
						type="submit"
						className={step.kind === "end" ? "button button-danger" : "button button-primary"}
						disabled={busy}
					>
						{t(step.kind === "end" ? "myNumber.handler.removeSubmit" : "myNumber.form.submit")}
					</button>
					<button type="button" className="button" onClick={() => onClose()}>
						{t("myNumber.form.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
