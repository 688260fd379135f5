/**
 * Why a network model file or a firewall rule base cannot be taken, as stable codes with
 * parameters. One catalogue for the CLI (which fills it in here) and the web (which includes it
 * under `networkIssue.<code>`); the YAML and JSON libraries' wording never reaches a person.
 * The place (path, line, column; row and column of a firewall export) travels beside the code.
 */
export const NETWORK_ISSUE_TEXT = {
	model_too_large: {
		ja: "ファイルが大きすぎます。上限は {limit} です。",
		en: "The file is too large. The limit is {limit}.",
	},
	model_json_syntax: {
		ja: "JSON の書き方に誤りがあります（括弧・引用符・カンマを確認してください）。",
		en: "The JSON is malformed (check brackets, quotes and commas).",
	},
	model_yaml_syntax: {
		ja: "YAML の書き方に誤りがあります（字下げ・コロン・引用符を確認してください）。",
		en: "The YAML is malformed (check indentation, colons and quotes).",
	},
	model_yaml_duplicate_key: {
		ja: "同じ項目名が2回書かれています。",
		en: "The same key is written twice.",
	},
	model_yaml_aliases: {
		ja: "YAML の別名（アンカー）の使用が多すぎます。",
		en: "The YAML uses too many aliases.",
	},
	model_unknown_field: {
		ja: "「{key}」という項目はありません。綴りを確認してください。",
		en: "There is no field “{key}”. Check its spelling.",
	},
	model_field_required: { ja: "必須の項目がありません。", en: "A required field is missing." },
	model_id_invalid: {
		ja: "ID は英数字と . _ : - で、100文字以内にしてください。",
		en: "An id uses letters, digits and . _ : -, at most 100 characters.",
	},
	model_cidr_invalid: {
		ja: "IPv4 アドレスまたはアドレス範囲（例: 10.1.0.0/16）で書いてください。",
		en: "Write an IPv4 address or block (for example 10.1.0.0/16).",
	},
	model_value_choice: {
		ja: "値は次のいずれかにしてください: {options}",
		en: "Use one of: {options}",
	},
	model_value_type: {
		ja: "値の種類が正しくありません（{expected} にしてください）。",
		en: "The value has the wrong type (expected {expected}).",
	},
	model_value_too_long: {
		ja: "{max}文字以内にしてください。",
		en: "Use at most {max} characters.",
	},
	model_value_too_short: { ja: "値を入力してください。", en: "Enter a value." },
	model_value_too_many: { ja: "{max}件以内にしてください。", en: "List at most {max} items." },
	model_value_too_few: { ja: "{min}件以上にしてください。", en: "List at least {min} items." },
	model_value_range: {
		ja: "値が範囲外です（{min}〜{max}）。",
		en: "The value is out of range ({min} to {max}).",
	},
	model_value_invalid: { ja: "値が正しくありません。", en: "The value is not valid." },
	model_format_version: {
		ja: "このファイル形式の版には対応していません。",
		en: "This version of the file format is not supported.",
	},
	model_duplicate_id: {
		ja: "ID「{id}」が重複しています（最初は {first}）。",
		en: "The id “{id}” is used twice (first at {first}).",
	},
	model_duplicate_flow_id: {
		ja: "通信の ID「{id}」が重複しています（最初は {first}）。",
		en: "The flow id “{id}” is used twice (first at {first}).",
	},
	model_breakout_kind: {
		ja: "ローカルブレイクアウトは、クラウドサービスのセグメントにだけ指定できます。",
		en: "Local breakout may be set only on cloud service segments.",
	},
	model_unknown_segment: {
		ja: "セグメント「{id}」はありません。",
		en: "There is no segment “{id}”.",
	},
	model_not_segment: {
		ja: "「{id}」はセグメントではありません。セグメントを指定してください。",
		en: "“{id}” is not a segment. Name a segment.",
	},
	model_unknown_gateway: {
		ja: "ゲートウェイ「{id}」はありません。",
		en: "There is no gateway “{id}”.",
	},
	model_not_gateway: {
		ja: "「{id}」はゲートウェイではありません。ゲートウェイを指定してください。",
		en: "“{id}” is not a gateway. Name a gateway.",
	},
	model_gateway_same_segment: {
		ja: "ゲートウェイは異なる2つのセグメントをつなぐものです。",
		en: "A gateway joins two different segments.",
	},
	model_gateway_loop: {
		ja: "ゲートウェイのつながりが循環しています: {loop}",
		en: "The gateway chain loops: {loop}",
	},
	model_flow_end_gateway: {
		ja: "「{id}」はゲートウェイです。通信の送信元・宛先ではなく、経由に指定してください。",
		en: "“{id}” is a gateway. List it under via, not as a flow's end.",
	},
	model_address_spans: {
		ja: "アドレス「{address}」は複数のセグメントにまたがっています。1つのセグメントの範囲を指定してください。",
		en: "The address “{address}” spans several segments. Name one segment's block.",
	},
	model_address_unmatched: {
		ja: "アドレス「{address}」は、どのセグメントや機器のアドレスにも当てはまりません（インターネットは「どこにも属さないアドレス」のセグメントで指定します）。",
		en: "The address “{address}” lies in no segment's or node's addresses (set the segment for unmatched addresses for the Internet).",
	},
	model_unknown_endpoint: {
		ja: "機器またはセグメント「{id}」はありません。",
		en: "There is no node or segment “{id}”.",
	},
	model_via_segment: {
		ja: "「{id}」はセグメントです。経由にはゲートウェイかセキュリティクラウドを指定してください。",
		en: "“{id}” is a segment. Via lists gateways or the security cloud.",
	},
	firewall_header_missing: {
		ja: "見出し行に「{column}」の列がありません。",
		en: "The header row has no “{column}” column.",
	},
	firewall_action_invalid: {
		ja: "「{value}」は許可でも拒否でもありません。",
		en: "“{value}” is neither 許可 (allow) nor 拒否 (deny).",
	},
	firewall_id_empty: { ja: "ルールIDが空です。", en: "The rule id is empty." },
	firewall_id_invalid: {
		ja: "「{value}」はルールIDに使えません（英数字と . _ : -）。",
		en: "“{value}” cannot be a rule id (letters, digits, . _ : -).",
	},
	firewall_id_duplicate: {
		ja: "ルールID「{value}」が重複しています（最初は{first}行目）。",
		en: "The rule id “{value}” is used twice (first at row {first}).",
	},
	firewall_cell_empty: { ja: "空欄です。", en: "The cell is empty." },
	firewall_via_invalid: {
		ja: "「{value}」はゲートウェイのIDとして使えません。",
		en: "“{value}” is not a usable gateway id.",
	},
	firewall_endpoint_unknown: {
		ja: "「{value}」はアドレスでも、ネットワーク構成の機器・セグメントのIDでもありません。",
		en: "“{value}” is neither an address nor a node or segment id of the model.",
	},
	firewall_address_spans: {
		ja: "「{value}」はネットワーク構成の複数のセグメントにまたがっています。ルールをセグメントごとに分けてください。",
		en: "“{value}” spans several segments of the model. Split the rule by segment.",
	},
	firewall_address_unmatched: {
		ja: "「{value}」は、ネットワーク構成のどのセグメントや機器のアドレスにも当てはまりません。",
		en: "“{value}” lies in no segment's or node's addresses of the model.",
	},
	firewall_unknown_gateway: {
		ja: "ゲートウェイ「{value}」はネットワーク構成にありません。",
		en: "There is no gateway “{value}” in the model.",
	},
} as const satisfies Record<string, { ja: string; en: string }>;

export type NetworkIssueCode = keyof typeof NETWORK_ISSUE_TEXT;
export type NetworkIssueParams = Record<string, string | number>;

export const NETWORK_ISSUE_CODES = Object.keys(NETWORK_ISSUE_TEXT) as NetworkIssueCode[];

/**
 * The catalogue text of a network issue with its `{name}` placeholders filled in.
 *
 * @example
 * networkIssueText("model_unknown_segment", { id: "lgwan-1" }, "ja"); // セグメント「lgwan-1」はありません。
 */
export function networkIssueText(
	code: NetworkIssueCode,
	params: NetworkIssueParams = {},
	lang: "ja" | "en" = "en",
): string {
	return NETWORK_ISSUE_TEXT[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole,
	);
}
