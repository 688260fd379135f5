import type { App } from "../../src/http/app.ts";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * An in-process HTTP client for the app (no port): keeps cookies like a browser and sends the
 * CSRF token on state-changing requests, fetching it first when it has none.
 *
 * @example
 * const client = new TestClient(app); await client.login("demo", "admin", "…");
 */
export class TestClient {
	readonly app: App;
	readonly cookies = new Map<string, string>();
	csrfToken: string | undefined;
	/** Set false to test CSRF refusal. */
	sendCsrf = true;

	constructor(app: App, sessionToken?: string) {
		this.app = app;
		if (sessionToken) this.cookies.set("mamori_session", sessionToken);
	}

	async request(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Response> {
		const upper = method.toUpperCase();
		if (UNSAFE.has(upper) && this.sendCsrf && !this.csrfToken) await this.refreshCsrf();
		const allHeaders: Record<string, string> = { ...headers };
		if (this.cookies.size > 0) {
			allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
		}
		if (UNSAFE.has(upper) && this.sendCsrf && this.csrfToken)
			allHeaders["x-csrf-token"] = this.csrfToken;
		let payload: string | undefined;
		if (body !== undefined) {
			payload = typeof body === "string" ? body : JSON.stringify(body);
			allHeaders["content-type"] ??= "application/json";
		}
		const response = await this.app.request(path, {
			method: upper,
			headers: allHeaders,
			body: payload,
		});
		this.#storeCookies(response);
		return response;
	}

	get(path: string) {
		return this.request("GET", path);
	}
	post(path: string, body?: unknown) {
		return this.request("POST", path, body);
	}
	patch(path: string, body?: unknown) {
		return this.request("PATCH", path, body);
	}
	delete(path: string) {
		return this.request("DELETE", path);
	}

	/** GET /api/auth/session and remember its CSRF token. */
	async refreshCsrf(): Promise<void> {
		const response = await this.request("GET", "/api/auth/session");
		const info = (await response.json()) as { csrfToken: string };
		this.csrfToken = info.csrfToken;
	}

	/** The password step; returns the session info (its stage says what comes next). */
	async login(tenant: string, username: string, password: string) {
		const response = await this.post("/api/auth/login", { tenant, username, password });
		const body = (await response.json()) as { csrfToken?: string; session?: { stage: string } };
		if (response.ok && body.csrfToken) this.csrfToken = body.csrfToken;
		return { response, body };
	}

	#storeCookies(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair = ""] = line.split(";");
			const index = pair.indexOf("=");
			const name = pair.slice(0, index).trim();
			const value = pair.slice(index + 1).trim();
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "")
				this.cookies.delete(name);
			else this.cookies.set(name, value);
			// A renewed session comes with its own CSRF token, as the web takes it from the body.
			if (name === "mamori_csrf" && value !== "") this.csrfToken = value;
		}
	}
}
