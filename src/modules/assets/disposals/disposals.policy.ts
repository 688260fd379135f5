import { definePolicy } from "../../authz/policy.ts";
import { assetsPolicy } from "../assets.policy.ts";

/**
 * Disposal and lease return (廃棄 / 返却): those who manage an asset record how it left, with its
 * evidence; those who read the ledger (auditors included) read and export the register. The
 * ledger's scope narrows each person to their units, as for the assets themselves.
 */
export const disposalsPolicy = definePolicy({
	"disposal.read": assetsPolicy["asset.read"],
	"disposal.record": assetsPolicy["asset.write"],
	"disposal.export": assetsPolicy["asset.read"],
});
