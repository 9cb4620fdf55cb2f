// Who this process is, as the config files need it: the uid that must own them, and the pid and host
// written into a lock so that another process can tell a live holder from a dead one. Built from the
// real process by cli/system.ts (the only module that reads it); tests pass their own.
export {};
