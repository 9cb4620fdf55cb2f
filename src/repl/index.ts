// The interactive shell's public face: startRepl and the pieces a composition root may reuse.
export { startRepl, type Repl, type ReplDeps, type ShellTerminal } from './repl.js';
export { readlineCompleter, insertionFor, type EngineFn, type ReadlineCompleter } from './completer.js';
export { loadHistory, appendHistory, HISTORY_SIZE, type HistoryFs } from './history.js';
