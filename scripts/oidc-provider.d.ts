/**
 * The part of `oidc-provider` (no bundled types; `@types/oidc-provider` is not a dependency)
 * that scripts/test-oidc.ts uses.
 */
declare module "oidc-provider" {
	import type { IncomingMessage, ServerResponse } from "node:http";

	interface KoaContext {
		path: string;
		body: unknown;
	}
	interface Interaction {
		uid: string;
		params: Record<string, unknown>;
		prompt: { name: string };
	}
	interface AccountClaims {
		sub: string;
		[claim: string]: unknown;
	}
	interface Account {
		accountId: string;
		claims(): AccountClaims | Promise<AccountClaims>;
	}
	interface Configuration {
		clients?: Record<string, unknown>[];
		jwks?: { keys: Record<string, unknown>[] };
		cookies?: { keys: string[] };
		features?: Record<string, unknown>;
		interactions?: { url(ctx: KoaContext, interaction: Interaction): string };
		pkce?: { required(): boolean };
		claims?: Record<string, string[] | null>;
		conformIdTokenClaims?: boolean;
		acrValues?: string[];
		ttl?: Record<string, number>;
		findAccount(ctx: KoaContext, sub: string): Promise<Account | undefined>;
	}
	class Grant {
		constructor(init: { accountId: string; clientId: string });
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}
	export default class Provider {
		constructor(issuer: string, configuration: Configuration);
		Grant: typeof Grant;
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: Record<string, unknown>,
			options?: { mergeWithLastSubmission?: boolean },
		): Promise<void>;
	}
}
