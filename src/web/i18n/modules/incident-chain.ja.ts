/** Japanese messages of incident response's reporting chain, merged into the main catalogue (ja.ts). */
export const incidentChainJa = {
	"audit.type.incident.chain_notified": "インシデントの報告経路への連絡",
	"audit.type.incident.acknowledged": "インシデント連絡の確認",
	"audit.type.incident.escalated": "インシデントのCISOへのエスカレーション",
	"audit.type.incident.deadline_reminded": "法定報告の期限の通知",

	"issue.nothing_to_acknowledge": "この事案について、あなたが確認する連絡はありません。",

	"home.work.kind.incident_acknowledgements": "確認が必要なインシデントの連絡: {count} 件",

	"incidentChain.title": "報告経路",
	"incidentChain.contactPoint": "窓口: {role}",
	"incidentChain.escalationRule":
		"重大度 {severity} 以上で {hours} 時間以内に確認がなければ CISO へ上げる",
	"incidentChain.escalatedAt": "CISO へ上げた日時: {at}",
	"incidentChain.acknowledge": "確認しました",
	"incidentChain.acknowledged": "確認済み",
	"incidentChain.waiting": "未確認",
	"incidentChain.mailed": "メール送信済み",
	"incidentChain.notMailed": "メール未送信",
	"incidentChain.none": "まだ誰にも連絡していません。",
	"incidentChain.toAcknowledge": "確認が必要なインシデント",
	"incidentChain.reason.triage": "トリアージ",
	"incidentChain.reason.severity_raised": "重大度の引き上げ",
	"incidentChain.reason.units_changed": "対象の所属の変更",
	"incidentChain.reason.escalation": "エスカレーション",
	"incidentChain.reason.deadline": "法定報告の期限",
	"incidentChain.timeline.chain_notified": "報告経路に連絡",
	"incidentChain.timeline.acknowledged": "連絡を確認",
	"incidentChain.timeline.escalated": "CISO へエスカレーション",
	"incidentChain.timeline.deadline_reminded": "法定報告の期限を通知",
	"incidentChain.gap": "{role} が割り当てられていないため連絡できませんでした",
} as const;
