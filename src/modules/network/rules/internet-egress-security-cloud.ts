import { isExternal } from "../model-index.ts";
import { type FlowRule, segmentName } from "./rule.ts";

/**
 * Traffic between the municipality and the Internet (or a cloud service) passes the prefecture's
 * 自治体情報セキュリティクラウド: a hop that joins the outside to anything but the security cloud is
 * a bypass. The α′ local breakout from the LGWAN tier is judged by `alpha-prime-breakout`.
 */
export const internetEgressSecurityCloudRule: FlowRule = {
	id: "internet-egress-security-cloud",
	scope: "flow",
	clause: "基本方針 6(3)③; network.securityCloud",
	title: {
		ja: "自治体情報セキュリティクラウド経由のインターネット接続",
		en: "Internet access through the security cloud",
	},
	description: {
		ja: "インターネットとの通信は都道府県の自治体情報セキュリティクラウドに集約し、そこを経由させる。",
		en: "Internet traffic is gathered at the prefecture's security cloud and passes through it.",
	},
	codes: ["egress_bypasses_security_cloud"],
	check(path, ctx) {
		for (const hop of path.hops) {
			const outward = isExternal(hop.to.kind);
			const inward = isExternal(hop.from.kind);
			if (outward === inward) continue;
			const inner = outward ? hop.from : hop.to;
			if (inner.kind === "security_cloud") continue;
			if (
				ctx.modelName === "alpha_prime" &&
				ctx.tierOf(inner) === "lgwan" &&
				hop.gateway === null
			) {
				continue;
			}
			return {
				code: "egress_bypasses_security_cloud",
				params: { fromSegment: segmentName(hop.from), toSegment: segmentName(hop.to) },
			};
		}
		return null;
	},
};
