import {
	createContext,
	type ReactNode,
	useCallback,
	useContext,
	useEffect,
	useMemo,
	useState,
} from "react";
import { ApiError, api, call, onSessionProblem, type Session } from "./api/client.ts";
import { navigate } from "./router.tsx";

/** Why the login screen is shown, for a message there. */
export type LoginNotice = "sessionEnded" | "loggedOut" | null;

interface SessionContextValue {
	/** undefined while the first check runs; null when nobody is logged in. */
	session: Session | null | undefined;
	notice: LoginNotice;
	/** A fatal error of the first load (server down), shown instead of the login screen. */
	loadError: ApiError | null;
	refresh(): Promise<void>;
	setSession(session: Session | null): void;
	logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The login state of the browser, kept in step with the server's session. */
export function SessionProvider({ children }: { children: ReactNode }) {
	const [session, setSessionState] = useState<Session | null | undefined>(undefined);
	const [notice, setNotice] = useState<LoginNotice>(null);
	const [loadError, setLoadError] = useState<ApiError | null>(null);

	const refresh = useCallback(async () => {
		try {
			const info = await call(api.GET("/api/auth/session"));
			setLoadError(null);
			setSessionState((previous) => {
				if (previous && !info.session) setNotice("sessionEnded");
				return info.session;
			});
		} catch (error) {
			if (error instanceof ApiError) setLoadError(error);
			else throw error;
		}
	}, []);

	useEffect(() => {
		void refresh();
		onSessionProblem(() => void refresh());
		return () => onSessionProblem(null);
	}, [refresh]);

	const setSession = useCallback((next: Session | null) => {
		setNotice(null);
		setSessionState(next);
	}, []);

	const logout = useCallback(async () => {
		try {
			await call(api.POST("/api/auth/logout"));
		} finally {
			// A new login starts at home; after an expired session the address is kept instead.
			navigate("/");
			setSessionState(null);
			setNotice("loggedOut");
			await refresh(); // a fresh CSRF token for the next login
		}
	}, [refresh]);

	const value = useMemo(
		() => ({ session, notice, loadError, refresh, setSession, logout }),
		[session, notice, loadError, refresh, setSession, logout],
	);
	return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
	const value = useContext(SessionContext);
	if (!value) throw new Error("useSession outside SessionProvider");
	return value;
}

/** The active session; only for screens rendered inside the logged-in shell. */
export function useActiveSession(): Session {
	const { session } = useSession();
	if (!session) throw new Error("useActiveSession without a session");
	return session;
}

/** Whether the logged-in caller may take an action (from the session's permissions). */
export function useCan(): (action: string) => boolean {
	const { session } = useSession();
	return useCallback((action: string) => Boolean(session?.permissions.includes(action)), [session]);
}

/** The roles that may take an action (from the module's policy, via the session). */
export function useActionRoles(): (action: string) => string[] {
	const { session } = useSession();
	return useCallback((action: string) => session?.actionRoles[action] ?? [], [session]);
}
