import { CheckboxField, Field } from "../components/Field.tsx";
import { useI18n } from "../i18n/i18n.tsx";

export interface AccountDetails {
	displayName: string;
	email: string;
	worksInMynumber: boolean;
}

/** The fields an account is created and edited with: name, mail address, My Number flag. */
export function AccountDetailsFields({
	value,
	onChange,
}: {
	value: AccountDetails;
	onChange: (next: AccountDetails) => void;
}) {
	const { t } = useI18n();
	return (
		<>
			<Field label={t("accounts.displayName")} required>
				{(id) => (
					<input
						id={id}
						required
						maxLength={100}
						value={value.displayName}
						onChange={(event) => onChange({ ...value, displayName: event.target.value })}
					/>
				)}
			</Field>
			<Field label={`${t("accounts.email")}${t("common.optional")}`}>
				{(id) => (
					<input
						id={id}
						type="email"
						maxLength={254}
						value={value.email}
						onChange={(event) => onChange({ ...value, email: event.target.value })}
					/>
				)}
			</Field>
			<CheckboxField
				label={t("accounts.worksInMynumber")}
				checked={value.worksInMynumber}
				onChange={(worksInMynumber) => onChange({ ...value, worksInMynumber })}
			/>
		</>
	);
}
