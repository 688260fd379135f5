/**
 * One word per state: the terms the screen, the templates, the exports (CSV/XLSX) and the PDFs
 * all use for the stable codes of the data. The web catalogues spread these in
 * (`src/web/i18n/modules/vocabulary.ts`); server-side exports read them through `term`/`termsOf`.
 * Japanese follows 公用文 spelling (送り仮名 as in 持ち出し, 済み).
 */
export type VocabularyLang = "ja" | "en";

export interface Term {
	ja: string;
	en: string;
}

export const VOCABULARY = {
	assetKind: {
		systems: { ja: "システム・機器・媒体", en: "Systems, equipment and media" },
		information: { ja: "情報", en: "Information" },
		documents: { ja: "システム関連文書", en: "System documents" },
	},
	assetZone: {
		mynumber: { ja: "マイナンバー利用事務系", en: "My Number tier" },
		lgwan: { ja: "LGWAN接続系", en: "LGWAN tier" },
		internet: { ja: "インターネット接続系", en: "Internet tier" },
		standalone: { ja: "スタンドアロン", en: "Standalone" },
		other: { ja: "その他", en: "Other" },
	},
	personalData: {
		none: { ja: "なし", en: "None" },
		personal: { ja: "個人情報", en: "Personal information" },
		specific_personal: { ja: "特定個人情報", en: "Specific personal information (My Number)" },
	},
	lifecycle: {
		planned: { ja: "導入予定", en: "Planned" },
		in_use: { ja: "使用中", en: "In use" },
		stored: { ja: "保管中", en: "Stored" },
		taken_out: { ja: "持ち出し中", en: "Taken out" },
		disposal_pending: { ja: "廃棄待ち", en: "Awaiting disposal" },
		disposed: { ja: "廃棄済み", en: "Disposed" },
		returned: { ja: "返却済み", en: "Returned" },
	},
	takeOutStatus: {
		requested: { ja: "承認待ち", en: "Awaiting decision" },
		approved: { ja: "持ち出し中", en: "Taken out" },
		refused: { ja: "却下", en: "Refused" },
		returned: { ja: "返却済み", en: "Returned" },
	},
	disposalStatus: {
		recorded: { ja: "記録済み（未完了）", en: "Recorded (open)" },
		closed: { ja: "完了", en: "Closed" },
	},
	disposalMethod: {
		physical_destruction: { ja: "物理破壊", en: "Physical destruction" },
		degaussing: { ja: "磁気消去", en: "Degaussing" },
		overwrite: { ja: "上書き消去", en: "Overwriting" },
		contractor_erasure: { ja: "委託業者による消去", en: "Erasure by a contractor" },
		deletion: { ja: "通常の削除", en: "Plain deletion" },
		lease_return: { ja: "返却（リース）", en: "Lease return" },
	},
	riskTreatment: {
		reduce: { ja: "低減", en: "Reduce" },
		accept: { ja: "受容", en: "Accept" },
		transfer: { ja: "移転", en: "Transfer" },
		avoid: { ja: "回避", en: "Avoid" },
	},
	riskStatus: {
		open: { ja: "未対応", en: "Open" },
		treating: { ja: "対応中", en: "Being treated" },
		closed: { ja: "完了", en: "Closed" },
	},
	riskBand: {
		low: { ja: "低", en: "Low" },
		medium: { ja: "中", en: "Medium" },
		high: { ja: "高", en: "High" },
	},
	documentStatus: {
		draft: { ja: "下書き", en: "Draft" },
		in_review: { ja: "審査中", en: "In review" },
		approved: { ja: "承認済み", en: "Approved" },
		published: { ja: "公開中", en: "Published" },
		superseded: { ja: "旧版", en: "Superseded" },
	},
	gapStatus: {
		present: { ja: "あり", en: "Present" },
		different: { ja: "相違", en: "Different" },
		missing: { ja: "欠落", en: "Missing" },
	},
	reviewStatus: {
		open: { ja: "実施中", en: "Open" },
		decided: { ja: "決定済み", en: "Decided" },
	},
	mailStatus: {
		queued: { ja: "配送待ち", en: "Queued" },
		delivering: { ja: "配送中", en: "Delivering" },
		delivered: { ja: "配送済み", en: "Delivered" },
		held: { ja: "保留", en: "Held" },
		failed: { ja: "配送失敗", en: "Failed" },
	},
	// What an attachment really is (the sanitiser's type categories), in settings and reasons.
	mailCategory: {
		pdf: { ja: "PDF", en: "PDF" },
		ooxml: { ja: "Office文書（docx・xlsx・pptx）", en: "Office documents (docx, xlsx, pptx)" },
		ole: { ja: "旧形式Office文書（doc・xls・ppt）", en: "Legacy Office documents (doc, xls, ppt)" },
		image: { ja: "画像", en: "Images" },
		text: { ja: "テキスト", en: "Text" },
		"office-text": {
			ja: "テキスト形式のOffice文書（Word・Excel 2003 XML、Flat OPC、RTF、SYLK、DIF）",
			en: "Office documents as text (Word/Excel 2003 XML, Flat OPC, RTF, SYLK, DIF)",
		},
		archive: { ja: "圧縮ファイル（zip）", en: "Archives (zip)" },
		html: { ja: "HTML", en: "HTML" },
		svg: { ja: "SVG", en: "SVG" },
		script: { ja: "スクリプト", en: "Scripts" },
		executable: { ja: "実行ファイル", en: "Executables" },
		unknown: { ja: "不明な形式", en: "Unknown formats" },
	},
	releaseStatus: {
		pending: { ja: "承認待ち", en: "Pending" },
		approved: { ja: "承認済み", en: "Approved" },
		refused: { ja: "却下", en: "Refused" },
	},
	incidentState: {
		reported: { ja: "報告受付", en: "Reported" },
		triaged: { ja: "トリアージ済み", en: "Triaged" },
		contained: { ja: "封じ込め済み", en: "Contained" },
		recovered: { ja: "復旧済み", en: "Recovered" },
		closed: { ja: "完了", en: "Closed" },
		rejected: { ja: "インシデントではない", en: "Not an incident" },
	},
	filingStage: {
		preliminary: { ja: "速報", en: "Preliminary report" },
		final: { ja: "確報", en: "Final report" },
	},
	// The three-tier check (三層分離): screens, findings and reports name tiers, gateways,
	// safeguards, controls and models with these words.
	networkTier: {
		mynumber: { ja: "マイナンバー利用事務系", en: "My Number tier" },
		lgwan: { ja: "LGWAN接続系", en: "LGWAN tier" },
		internet: { ja: "インターネット接続系", en: "Internet tier" },
		info_provision: { ja: "情報提供ネットワーク", en: "Information provision network" },
		standalone: { ja: "スタンドアロン", en: "Standalone" },
	},
	gatewayKind: {
		sanitizing_mail: { ja: "メール無害化", en: "Mail sanitising" },
		sanitizing_file_transfer: { ja: "ファイル無害化転送", en: "File-sanitising transfer" },
		screen_transfer: { ja: "画面転送", en: "Screen transfer" },
		lgwan_transfer: { ja: "LGWAN経由の転送", en: "LGWAN-mediated transfer" },
	},
	networkSafeguard: {
		sanitized: { ja: "無害化", en: "Sanitisation" },
		screen_transfer: { ja: "画面転送", en: "Screen transfer" },
		controlled_transfer: { ja: "管理された移送", en: "Controlled transfer" },
	},
	networkControl: {
		edr: { ja: "EDR（振る舞い検知）", en: "EDR (behaviour detection)" },
		mfa: { ja: "多要素認証", en: "Multi-factor authentication" },
		logCollection: { ja: "ログ収集", en: "Log collection" },
	},
	networkModel: {
		alpha: { ja: "αモデル", en: "α model" },
		alpha_prime: { ja: "α′モデル", en: "α′ model" },
		beta: { ja: "βモデル", en: "β model" },
		beta_prime: { ja: "β′モデル", en: "β′ model" },
	},
	socialMediaState: {
		registered: { ja: "登録", en: "Registered" },
		requested: { ja: "承認申請中", en: "Approval requested" },
		approved: { ja: "承認", en: "Approved" },
		refused: { ja: "却下", en: "Refused" },
		suspended: { ja: "休止", en: "Suspended" },
		closed: { ja: "廃止", en: "Closed" },
	},
	/**
	 * The level of a secure area (管理区域): the strictest for server rooms and data centres, the
	 * middle for rooms where systems are run, the last for rooms where records are kept or handled.
	 */
	secureAreaLevel: {
		strict: { ja: "重要管理区域", en: "Strictly controlled area" },
		controlled: { ja: "管理区域", en: "Controlled area" },
		handling: { ja: "取扱区域", en: "Handling area" },
	},
	/** Why an entry to a secure area is flagged. */
	secureAreaFlag: {
		not_permitted: { ja: "入室許可なし", en: "Not allowed to enter" },
		permit_expired: { ja: "許可期限切れ", en: "Permit expired" },
		escort_not_permitted: { ja: "同行者に許可なし", en: "Escort not allowed" },
		no_exit: { ja: "退室記録なし", en: "No exit recorded" },
	},
	exceptionState: {
		requested: { ja: "申請中", en: "Requested" },
		approved: { ja: "承認", en: "Approved" },
		refused: { ja: "却下", en: "Refused" },
		withdrawn: { ja: "取下げ", en: "Withdrawn" },
		lapsed: { ja: "失効", en: "Lapsed" },
	},
	findingState: {
		open: { ja: "未対応", en: "Open" },
		action_planned: { ja: "是正計画済み", en: "Action planned" },
		done: { ja: "是正完了（確認待ち）", en: "Done (awaiting verification)" },
		verified: { ja: "確認済み", en: "Verified" },
		accepted_as_risk: { ja: "リスク受容", en: "Accepted as a risk" },
	},
	findingSeverity: {
		major: { ja: "重大", en: "Major" },
		moderate: { ja: "中", en: "Moderate" },
		minor: { ja: "軽微", en: "Minor" },
	},
	findingSource: {
		audit: { ja: "監査", en: "Audit" },
		self_inspection: { ja: "自己点検", en: "Self-inspection" },
		incident: { ja: "インシデント", en: "Incident" },
		network_check: { ja: "三層分離チェック", en: "Network check" },
		manual: { ja: "個別登録", en: "Entered by hand" },
	},
	rosterStatus: {
		previewed: { ja: "プレビュー中", en: "Previewed" },
		applied: { ja: "適用済み", en: "Applied" },
		discarded: { ja: "破棄", en: "Discarded" },
	},
	checklistKind: {
		self_inspection: { ja: "自己点検", en: "Self-inspection" },
		audit: { ja: "監査", en: "Audit" },
	},
	checklistAnswerer: {
		all_staff: { ja: "全職員", en: "All staff" },
		manager: { ja: "管理者", en: "Manager" },
		system_admin: { ja: "システム管理者", en: "System administrator" },
	},
	checklistScale: {
		yes_no_na: { ja: "はい・いいえ・該当なし", en: "Yes / No / N/A" },
		level: { ja: "段階", en: "Levels" },
	},
	auditState: {
		planned: { ja: "計画中", en: "Planned" },
		fieldwork: { ja: "実地監査中", en: "Fieldwork" },
		reporting: { ja: "報告書作成中", en: "Reporting" },
		closed: { ja: "完了", en: "Closed" },
	},
	auditKind: {
		planned: { ja: "計画監査", en: "Planned audit" },
		ad_hoc: { ja: "臨時監査", en: "Ad-hoc audit" },
	},
	auditResult: {
		yes: { ja: "はい", en: "Yes" },
		no: { ja: "いいえ", en: "No" },
		na: { ja: "該当なし", en: "N/A" },
		level: { ja: "段階評価", en: "Level" },
	},
} as const satisfies Record<string, Record<string, Term>>;

export type TermGroup = keyof typeof VOCABULARY;
export type TermCode<G extends TermGroup> = keyof (typeof VOCABULARY)[G] & string;

/**
 * Spellings seen in older screens, files and exports. An import still reads them (see
 * `assets/ledger-format.ts`); nothing we write may use them. Each maps to the term it replaced.
 */
export const RETIRED_SPELLINGS: Readonly<Record<string, string>> = {
	運用中: "使用中",
	持出中: "持ち出し中",
	持出し中: "持ち出し中",
	廃棄済: "廃棄済み",
	返却済: "返却済み",
	記録済: "記録済み",
};

/**
 * The word for a code in a group, or the code itself when the group does not know it (a value
 * written by a newer version).
 *
 * @example
 * term("lifecycle", "taken_out") // → "持ち出し中"
 * term("lifecycle", "taken_out", "en") // → "Taken out"
 */
export function term<G extends TermGroup>(
	group: G,
	code: string,
	lang: VocabularyLang = "ja",
): string {
	const terms: Record<string, Term> = VOCABULARY[group];
	return Object.hasOwn(terms, code) ? (terms[code]?.[lang] ?? code) : code;
}

/**
 * Every word of a group in one language, keyed by code: `{ planned: "導入予定", … }`.
 *
 * @example
 * const LIFECYCLE_LABELS: Record<LifecycleState, string> = termsOf("lifecycle");
 */
export function termsOf<G extends TermGroup>(
	group: G,
	lang: VocabularyLang = "ja",
): Record<TermCode<G>, string> {
	const terms: Record<string, Term> = VOCABULARY[group];
	return Object.fromEntries(
		Object.entries(terms).map(([code, words]) => [code, words[lang]]),
	) as Record<TermCode<G>, string>;
}

/**
 * A group as catalogue messages under a prefix: `{ "assets.lifecycle.planned": "導入予定", … }`,
 * typed so that the catalogue's key list includes every code.
 */
export function termMessages<P extends string, G extends TermGroup>(
	prefix: P,
	group: G,
	lang: VocabularyLang,
): Record<`${P}.${TermCode<G>}`, string> {
	return Object.fromEntries(
		Object.entries(termsOf(group, lang)).map(([code, word]) => [`${prefix}.${code}`, word]),
	) as Record<`${P}.${TermCode<G>}`, string>;
}
