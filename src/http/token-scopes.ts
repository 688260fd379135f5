import { type ApiScope, isApiScope } from "../modules/api-tokens/scopes.ts";

type Operation = { security?: Record<string, string[]>[] };

/**
 * "METHOD /path" → the scopes its `apiToken` security names, from the OpenAPI document: the
 * routes' own declaration (`sessionOrToken(scope)`) is the one source of what a token may call.
 */
export function tokenScopeTable(document: { paths?: object | undefined }) {
	const table = new Map<string, ApiScope[]>();
	const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
	for (const [path, item] of Object.entries(paths)) {
		for (const [method, operation] of Object.entries(item)) {
			const scopes = (operation.security ?? []).flatMap((r) => r.apiToken ?? []).filter(isApiScope);
			if (scopes.length > 0) table.set(`${method.toUpperCase()} ${path}`, scopes);
		}
	}
	return (method: string, path: string): readonly ApiScope[] =>
		table.get(`${method.toUpperCase()} ${path}`) ?? [];
}
