import { definePolicy } from "../authz/policy.ts";

/** Directory sign-in is the tenant administrator's: connection, group mapping, test, sync. */
export const directoryPolicy = definePolicy({
	"directory.configure": ["tenant_admin"],
});

export type DirectoryAction = keyof typeof directoryPolicy;
