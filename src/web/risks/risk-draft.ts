import type { Risk, RiskOptions, STATUSES } from "./labels.ts";
import type { RatingValue } from "./RatingPicker.tsx";

/** The risk form as typed. */
export interface Draft {
	title: string;
	description: string;
	threatCode: string;
	ownerUnitId: string;
	systemName: string;
	assetIds: string[];
	inherent: RatingValue;
	residual: RatingValue;
	existingControls: string;
	treatment: string;
	treatmentPlan: string;
	treatmentOwnerId: string;
	treatmentDue: string;
	status: (typeof STATUSES)[number];
}

/** The form for a risk, or a new one rated in the middle of the matrix. */
export function draftOf(risk: Risk | undefined, options: RiskOptions): Draft {
	const middle = Math.ceil(options.matrix.size / 2);
	return {
		title: risk?.title ?? "",
		description: risk?.description ?? "",
		threatCode: risk?.threat.code ?? options.threats[0]?.code ?? "",
		ownerUnitId: risk?.ownerUnit.id ?? options.units[0]?.id ?? "",
		systemName: risk?.systemName ?? "",
		assetIds: risk?.assets.map((asset) => asset.id) ?? [],
		inherent: risk
			? { likelihood: risk.inherent.likelihood, impact: risk.inherent.impact }
			: { likelihood: middle, impact: middle },
		residual: risk
			? { likelihood: risk.residual.likelihood, impact: risk.residual.impact }
			: { likelihood: middle, impact: middle },
		existingControls: risk?.existingControls ?? "",
		treatment: risk?.treatment ?? "",
		treatmentPlan: risk?.treatmentPlan ?? "",
		treatmentOwnerId: risk?.treatmentOwner?.id ?? "",
		treatmentDue: risk?.treatmentDue ?? "",
		status: risk?.status ?? "open",
	};
}

export const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
