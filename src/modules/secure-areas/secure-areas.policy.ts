import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use secure areas (管理区域) at all. Every account may ask, because an area's manager is
 * named from the staff roster and need hold no role; `area-desk.ts` narrows each caller to the
 * areas they manage (the CISO and 統括 keep every area, auditors read every area, read-only).
 */
export const secureAreasPolicy = definePolicy({
	/** The areas, their permits, and their entry log: the caller's areas only (see the desk). */
	"secure_area.read": ["staff"],
	/** Set up an area: its code, name, level, location and manager. */
	"secure_area.manage": ["ciso", "chief_officer"],
	/** Keep an area one manages: permits, the entry log (by hand or imported), assets located. */
	"secure_area.keep": ["staff"],
});

export type SecureAreaAction = keyof typeof secureAreasPolicy;
