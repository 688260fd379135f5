/** API tokens of machine clients (Japanese). */
export const apiTokensJa = {
	"audit.type.api_token.created": "APIトークンの発行",
	"audit.type.api_token.revoked": "APIトークンの失効",
	"audit.type.api_token.called": "APIトークンによる呼び出し",
	"issue.field.clientName": "クライアント名",
	"issue.field.scopes": "スコープ",
	"issue.field.expiresAt": "有効期限",
	"issue.api_token_expiry_past": "有効期限には未来の日時を指定してください。",
	"issue.api_token_expiry_too_far": "トークンの有効期間は最長{max}日です。",
	"issue.api_token_already_revoked": "このトークンは既に失効しています。",
};
