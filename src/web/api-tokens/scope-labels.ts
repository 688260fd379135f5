import type { MessageKey } from "../i18n/ja.ts";

/** The catalogue key naming a token scope (`assets:read` → `apiTokens.scope.assets.read`). */
export const scopeKey = (scope: string) =>
	`apiTokens.scope.${scope.replace(":", ".")}` as MessageKey;
