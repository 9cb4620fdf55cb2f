// What a session is to the client: the one the executor sends (SessionInfo) and the port through
// which it reads the session and reports logins and lost sessions (SessionProvider). The session
// store (session-store.ts) implements the port; the executor only imports these types.

export interface SessionInfo {
  uuid: string;
  /** Account (or user) name, for hints and the prompt. */
  account?: string;
}

/** Where the executor gets the session and reports session changes; backed by the session store in the CLI. */
export interface SessionProvider {
  /** The session to send, or undefined when not logged in. */
  current(): Promise<SessionInfo | undefined> | SessionInfo | undefined;
  /** A login API succeeded. Never given the password. */
  loggedIn(account: string, sessionUuid: string): Promise<void> | void;
  /** The session is gone: logged out, or the server called it invalid (ID.1001). */
  forget(sessionUuid: string): Promise<void> | void;
}
