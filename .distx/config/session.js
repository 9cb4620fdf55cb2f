// What a session is to the client: the one the executor sends (SessionInfo) and the port through
// which it reads the session and reports logins and lost sessions (SessionProvider). The session
// store (session-store.ts) implements the port; the executor only imports these types.
export {};
