/** Japanese messages of the network check's findings shown in policy terms (names first). */
export const networkTermsJa = {
	"network.finding.technical": "技術情報",
	"network.finding.technicalRule": "規則 ID: {rule}",
	"network.finding.technicalSubject": "対象 ID: {id}",
	"network.finding.technicalFields": "ポリシーパック・構成の項目: {fields}",
	"network.finding.flow": "通信 {source} → {destination}",
	"network.finding.element": "{name}",
} as const;
