import { type TermGroup, term, type VocabularyLang } from "./vocabulary.ts";

/**
 * What the three-tier check found, as stable codes with parameters, and the one catalogue of
 * their words: the web includes it (`networkFinding.message.<code>`, `networkFinding.remedy.<code>`)
 * and the PDF, XLSX and terminal reports fill it in here. Parameters hold names as people gave
 * them (nodes, segments, gateways) and codes of the shared vocabulary (tiers, gateway kinds,
 * safeguards, controls, models, routes), which each language words itself (`findingWords`).
 */

/** The remedy shared by the findings on a flow's `via` list. */
const FIX_VIA = {
	ja: "通信の「経由」を実際に通るゲートウェイの順に直すか、ゲートウェイの「接続」「引き渡し先ゲートウェイ」を直す。",
	en: "List the gateways the traffic really passes, in order, or fix what the gateways connect and hand over to.",
};

/** The remedy shared by the findings on an allowed route that was nearly met. */
const FOLLOW_ROUTE = {
	ja: "{route}のとおりに通し、{zone}との境界では {gatewayKinds} のゲートウェイを通す。",
	en: "Follow {route}: at the boundary of the {zone}, pass a {gatewayKinds} gateway.",
};

/** The remedy shared by the findings on an unsanitised LGWAN–Internet crossing. */
const SANITISE = {
	ja: "通信の「経由」に {gatewayKinds} のいずれかのゲートウェイを入れ、直接の経路を塞ぐ。",
	en: "Send it through a {gatewayKinds} gateway and close the direct path.",
};

export const NETWORK_FINDING_TEXT = {
	model_mismatch: {
		message: {
			ja: "ネットワークは{declared}として作られているが、ポリシーは{chosen}を採用している",
			en: "The network is built as the {declared} but the policy has chosen the {chosen}",
		},
		remedy: {
			ja: "ポリシーの採用モデルを改定するか、ネットワークをポリシーのモデルに合わせる。",
			en: "Revise the model the policy adopts, or bring the network in line with it.",
		},
	},
	flow_end_unknown: {
		message: {
			ja: "送信元か宛先が、構成のどの機器・セグメントにも当てはまらない",
			en: "The source or destination matches no node or segment of the layout",
		},
		remedy: {
			ja: "構成にその機器を加えるか、セグメントのアドレス範囲を設定する（インターネットは「どこにも属さないアドレス」のセグメントにする）。",
			en: "Add the node to the layout, or set the segments' address blocks (the Internet is the segment for unmatched addresses).",
		},
	},
	via_unknown: {
		message: {
			ja: "通信の「経由」にある {id} が構成にない",
			en: "{id}, which the flow goes through, is not in the layout",
		},
		remedy: FIX_VIA,
	},
	gateway_hand_over: {
		message: {
			ja: "ゲートウェイ {gateway} は {next} に引き渡さない（引き渡し先: {handsTo}）",
			en: "Gateway {gateway} does not hand over to {next} (it hands over to {handsTo})",
		},
		remedy: FIX_VIA,
	},
	gateway_off_path: {
		message: {
			ja: "ゲートウェイ {gateway}（{end1} ⇔ {end2}）は経路上のセグメント {segment} に接していない",
			en: "Gateway {gateway} ({end1} ⇔ {end2}) does not touch segment {segment} where the flow is",
		},
		remedy: FIX_VIA,
	},
	isolated_provision_reached: {
		message: {
			ja: "情報提供ネットワークに{other}から接続している（接続できるのは{zone}だけ）",
			en: "The information provision network is reached from the {other}; only the {zone} may connect to it",
		},
		remedy: {
			ja: "情報提供ネットワークへの接続は{zone}（中間サーバー等）からに限る。",
			en: "Connect to the information provision network only from the {zone} (its intermediate server).",
		},
	},
	isolated_transit: {
		message: {
			ja: "{from}から{to}への通信が{zone}を通り抜けている",
			en: "Traffic from the {from} to the {to} passes through the {zone}",
		},
		remedy: {
			ja: "{zone}を中継に使わない経路に改める。",
			en: "Route it so that it does not pass through the {zone}.",
		},
	},
	isolated_no_route: {
		message: {
			ja: "ポリシーは{from}から{to}への通信経路を許可していない",
			en: "The policy allows no route from the {from} to the {to}",
		},
		remedy: {
			ja: "この通信をやめる。{zone}について許可された経路: {routes}",
			en: "Remove this flow. Routes the policy allows for the {zone}: {routes}.",
		},
	},
	isolated_route_not_via: {
		message: {
			ja: "{route}の条件を満たしていない: {via}を経由していない",
			en: "The flow does not meet {route}: it does not go through the {via}",
		},
		remedy: FOLLOW_ROUTE,
	},
	isolated_route_stray: {
		message: {
			ja: "{route}の条件を満たしていない: {stray}を通っている",
			en: "The flow does not meet {route}: it passes the {stray}",
		},
		remedy: FOLLOW_ROUTE,
	},
	isolated_route_no_gateway: {
		message: {
			ja: "{route}の条件を満たしていない: {zone}との境界をゲートウェイなしで越えている",
			en: "The flow does not meet {route}: it crosses the boundary of the {zone} without a gateway",
		},
		remedy: FOLLOW_ROUTE,
	},
	isolated_route_wrong_gateway: {
		message: {
			ja: "{route}の条件を満たしていない: 境界のゲートウェイ {gateway} は{gatewayKind}で、求められる対策（{safeguard}）を満たさない",
			en: "The flow does not meet {route}: gateway {gateway} at the boundary is a {gatewayKind} gateway, which does not give {safeguard}",
		},
		remedy: FOLLOW_ROUTE,
	},
	lgwan_internet_direct: {
		message: {
			ja: "{from}と{to}の境界（{fromSegment} → {toSegment}）を無害化なしで直接越えている",
			en: "The flow crosses between the {from} and the {to} ({fromSegment} → {toSegment}) directly, without sanitising",
		},
		remedy: SANITISE,
	},
	lgwan_internet_unsanitised_gateway: {
		message: {
			ja: "{from}と{to}の境界（{fromSegment} → {toSegment}）を無害化でないゲートウェイ {gateway}（{gatewayKind}）で越えている",
			en: "The flow crosses between the {from} and the {to} ({fromSegment} → {toSegment}) through {gateway}, a {gatewayKind} gateway that does not sanitise",
		},
		remedy: SANITISE,
	},
	lgwan_internet_route_not_allowed: {
		message: {
			ja: "ポリシーは{from}から{to}への{gatewayKind}による通信を許可していない",
			en: "The policy allows no {gatewayKind} route from the {from} to the {to}",
		},
		remedy: {
			ja: "この通信をやめるか、ポリシーの許可経路にこの経路を定めてから使う。",
			en: "Remove the flow, or have the policy allow the route first (its allowed routes).",
		},
	},
	egress_bypasses_security_cloud: {
		message: {
			ja: "{fromSegment} → {toSegment} が自治体情報セキュリティクラウドを経由せずに外部と通信している",
			en: "{fromSegment} → {toSegment} reaches the outside without passing the security cloud",
		},
		remedy: {
			ja: "通信の「経由」に自治体情報セキュリティクラウドを入れ、直接の外部接続を塞ぐ。",
			en: "Route it through the security cloud and close the direct connection.",
		},
	},
	breakout_not_listed: {
		message: {
			ja: "LGWAN接続系から一覧にない外部（{segment}）へ直接接続している",
			en: "The LGWAN tier connects directly to {segment}, which is not a listed breakout service",
		},
		remedy: {
			ja: "ローカルブレイクアウトの対象として認めたクラウドサービスなら、構成でクラウドサービスとして登録し「α′ のローカルブレイクアウト先」とする。そうでなければ自治体情報セキュリティクラウドと無害化を経由させる。",
			en: "If the service is approved for breakout, enter it in the layout as a cloud service marked as an α′ local breakout destination; otherwise go through sanitising and the security cloud.",
		},
	},
	breakout_inbound: {
		message: {
			ja: "外部（{segment}）からLGWAN接続系へ直接接続している（ブレイクアウトは内から外への通信に限る）",
			en: "{segment} connects directly into the LGWAN tier; a breakout carries outward connections only",
		},
		remedy: {
			ja: "外部からの接続を塞ぎ、必要な受け渡しは無害化を経由させる。",
			en: "Block connections from outside; pass what must come in through sanitising.",
		},
	},
	standalone_connected: {
		message: {
			ja: "スタンドアロンのセグメントが通信している（{fromSegment} → {toSegment}）",
			en: "A standalone segment is connected ({fromSegment} → {toSegment})",
		},
		remedy: {
			ja: "接続を外す。つながっているならスタンドアロンではないので、属する系を改めて決める。",
			en: "Disconnect it; if it must be connected it is not standalone, so place it in a tier.",
		},
	},
	terminal_without_mfa: {
		message: {
			ja: "{zone}の端末 {node}（{segment}）に多要素認証がない",
			en: "Terminal {node} in the {zone} ({segment}) has no multi-factor authentication",
		},
		remedy: {
			ja: "ログインに多要素認証（ICカード・生体認証など）を導入し、構成のこの端末に「多要素認証」ありと記録する。",
			en: "Introduce multi-factor login (smart card, biometrics…) and record it on this terminal in the layout (multi-factor authentication).",
		},
	},
	terminal_take_out_open: {
		message: {
			ja: "{zone}の端末 {node}（{segment}）に情報持ち出し不可設定がない",
			en: "Terminal {node} in the {zone} ({segment}) is not set to block take-out",
		},
		remedy: {
			ja: "USB等の外部媒体への書き出しと外部送信を禁止する設定を行い、構成のこの端末に「情報持ち出し不可設定」ありと記録する。",
			en: "Block writing to USB and other media and sending out, then record it on this terminal in the layout (take-out blocked).",
		},
	},
	mynumber_outside_tier: {
		message: {
			ja: "マイナンバーを扱う {node} がマイナンバー利用事務系の外（{segment}）にある",
			en: "{node} handles My Number data but sits outside the My Number tier ({segment})",
		},
		remedy: {
			ja: "マイナンバー利用事務系のセグメントに移すか、マイナンバーを扱わないようにする。",
			en: "Move it into a My Number tier segment, or stop it handling My Number data.",
		},
	},
	beta_terminal_controls_missing: {
		message: {
			ja: "{model}のインターネット接続系端末 {node}（{segment}）に {controls} がない",
			en: "Terminal {node} in the Internet tier ({segment}) lacks {controls}, required under the {model}",
		},
		remedy: {
			ja: "端末に {controls} を導入し、構成のこの端末に記録する。",
			en: "Deploy {controls} on the terminal and record it on the terminal in the layout.",
		},
	},
	beta_prime_system_controls_missing: {
		message: {
			ja: "{model}のインターネット接続系にある {node}（{segment}）に {controls} がない",
			en: "{node} in the Internet tier ({segment}) lacks {controls}, required under the {model}",
		},
		remedy: {
			ja: "{controls} を整え、構成に記録する。整えられない業務システムはLGWAN接続系に戻す。",
			en: "Put {controls} in place and record it; a system that cannot have them goes back to the LGWAN tier.",
		},
	},
	segment_unmonitored: {
		message: {
			ja: "{zone}のセグメント {segment} に不正通信の監視がない",
			en: "Segment {segment} of the {zone} has no intrusion monitoring",
		},
		remedy: {
			ja: "IDS/IPSやログ分析による監視を導入し、構成のこのセグメントに「不正通信の監視あり」と記録する。",
			en: "Put IDS/IPS or log-analysis monitoring in place and record it on this segment in the layout (monitored).",
		},
	},
	file_transfer_without_approval: {
		message: {
			ja: "ファイル無害化転送 {gateway} が承認なしで原本を渡せる設定になっている",
			en: "File-sanitising transfer {gateway} releases files without approval",
		},
		remedy: {
			ja: "原本の受け渡しに上長承認を必須にし、構成のこのゲートウェイに「上長承認あり」と記録する。",
			en: "Require an approver for releases and record it on this gateway in the layout (approval required).",
		},
	},
} as const satisfies Record<
	string,
	{ message: Record<VocabularyLang, string>; remedy: Record<VocabularyLang, string> }
>;

export type NetworkFindingCode = keyof typeof NETWORK_FINDING_TEXT;
export const NETWORK_FINDING_CODES = Object.keys(NETWORK_FINDING_TEXT) as NetworkFindingCode[];

/** A parameter: a name or number as it is, or a code (or a list of codes) the words name. */
export type NetworkFindingParam = string | number | string[];
export type NetworkFindingParams = Record<string, NetworkFindingParam>;

/** A finding without its place: what is wrong, as a code and its parameters. */
export interface CodedFinding {
	code: NetworkFindingCode;
	params: NetworkFindingParams;
}

/**
 * Parameters whose values are codes of the vocabulary, by name: each language words them. Any
 * other parameter is a name (of a node, segment or gateway) or a number, shown as it is.
 */
const TERM_PARAMS: Record<string, TermGroup> = {
	zone: "networkTier",
	from: "networkTier",
	to: "networkTier",
	other: "networkTier",
	stray: "networkTier",
	via: "networkTier",
	gatewayKind: "gatewayKind",
	safeguard: "networkSafeguard",
	declared: "networkModel",
	chosen: "networkModel",
	model: "networkModel",
};

/** List parameters: codes of a group (or names), joined the way each language lists them. */
const LIST_PARAMS: Record<string, { group: TermGroup | null; join: "and" | "or" | "names" }> = {
	controls: { group: "networkControl", join: "and" },
	gatewayKinds: { group: "gatewayKind", join: "or" },
	handsTo: { group: null, join: "names" },
};

/**
 * A vocabulary word inside an English sentence: `Mail sanitising` reads `a mail sanitising
 * gateway`. Acronyms and the proper names (My Number, Internet) keep their capitals.
 */
function midSentence(word: string, lang: VocabularyLang): string {
	if (lang !== "en" || !/^[A-Z][a-z]/.test(word) || /^(?:My Number|Internet)\b/.test(word)) {
		return word;
	}
	return `${word.charAt(0).toLowerCase()}${word.slice(1)}`;
}

function listed(items: readonly string[], join: "and" | "or" | "names", lang: VocabularyLang) {
	if (lang === "ja") return items.join(join === "names" ? "、" : "・");
	if (join === "names" || items.length < 2) return items.join(", ");
	return `${items.slice(0, -1).join(", ")} ${join} ${items.at(-1)}`;
}

/** A pack route as findings cite it: its place in the pack's list (from 0) and its terms. */
export interface RouteRef {
	index: number;
	from: string;
	to: string;
	bidirectional?: boolean | undefined;
	via?: string | undefined;
	safeguard: string;
}

/**
 * A route as a parameter: `2:lgwan>internet:sanitized` (numbered from 1 as the policy page lists
 * the routes; `<>` both ways, `@tier` the tier it passes).
 *
 * @example
 * routeParam({ index: 1, from: "lgwan", to: "internet", safeguard: "sanitized" }); // "2:lgwan>internet:sanitized"
 */
export function routeParam(route: RouteRef): string {
	const arrow = route.bidirectional ? "<>" : ">";
	const via = route.via ? `@${route.via}` : "";
	return `${route.index + 1}:${route.from}${arrow}${route.to}${via}:${route.safeguard}`;
}

const ROUTE = /^(\d+):(\w+)(<>|>)(\w+)(?:@(\w+))?:(\w+)$/;

/** `許可経路2（LGWAN接続系 → インターネット接続系、無害化）` from a route parameter. */
function routeWords(param: string, lang: VocabularyLang): string {
	const match = ROUTE.exec(param);
	if (match === null) return param;
	const [, number, from = "", arrow, to = "", via, safeguard = ""] = match;
	const tier = (code: string) => term("networkTier", code, lang);
	const both = arrow === "<>" ? "⇄" : "→";
	const guard = midSentence(term("networkSafeguard", safeguard, lang), lang);
	if (lang === "ja") {
		const through = via ? `、${tier(via)}経由` : "";
		return `許可経路${number}（${tier(from)} ${both} ${tier(to)}${through}、${guard}）`;
	}
	const through = via ? `, via the ${tier(via)}` : "";
	return `allowed route ${number} (${tier(from)} ${both} ${tier(to)}${through}, ${guard})`;
}

/**
 * The parameters of a finding in words of one language: codes become the vocabulary's words,
 * lists are joined, routes spelled out; names and numbers stay as they are.
 *
 * @example
 * findingWords({ zone: "mynumber", node: "窓口端末" }, "ja"); // { zone: "マイナンバー利用事務系", node: "窓口端末" }
 */
export function findingWords(
	params: NetworkFindingParams,
	lang: VocabularyLang,
): Record<string, string | number> {
	const words: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(params)) {
		words[name] = paramWords(name, value, lang);
	}
	return words;
}

function paramWords(name: string, value: NetworkFindingParam, lang: VocabularyLang) {
	if (name === "route" && typeof value === "string") return routeWords(value, lang);
	if (name === "routes" && Array.isArray(value)) {
		if (value.length === 0) return lang === "ja" ? "なし" : "none";
		return value.map((route) => routeWords(route, lang)).join(lang === "ja" ? "、" : "; ");
	}
	if (Array.isArray(value)) {
		const list = LIST_PARAMS[name];
		const group = list?.group ?? null;
		const items = group ? value.map((code) => midSentence(term(group, code, lang), lang)) : value;
		return listed(items, list?.join ?? "names", lang);
	}
	const group = TERM_PARAMS[name];
	return typeof value === "string" && group ? midSentence(term(group, value, lang), lang) : value;
}

function fill(template: string, words: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in words ? String(words[name]) : whole,
	);
}

/**
 * A finding's message and remedy in one language, from the catalogue.
 *
 * @example
 * networkFindingText({ code: "segment_unmonitored", params: { zone: "internet", segment: "DMZ" } }, "ja");
 * // { message: "インターネット接続系のセグメント DMZ に不正通信の監視がない", remedy: "IDS/IPSや…" }
 */
export function networkFindingText(
	finding: CodedFinding,
	lang: VocabularyLang,
): { message: string; remedy: string } {
	const text = NETWORK_FINDING_TEXT[finding.code];
	const words = findingWords(finding.params, lang);
	return { message: fill(text.message[lang], words), remedy: fill(text.remedy[lang], words) };
}
